import { openStoreFor, settingsFor, type CommonOptions } from '../bootstrap.js';

export interface AlertsListOptions extends CommonOptions {
  json?: boolean;
  limit?: number;
  rule?: string;
  event?: string;
}

/** `parallax alerts list`: stored alerts, newest first. */
export async function alertsListCommand(opts: AlertsListOptions): Promise<void> {
  const settings = settingsFor(opts);
  const store = await openStoreFor(settings);
  try {
    const alerts = await store.alerts.list({
      limit: opts.limit ?? 200,
      ...(opts.rule ? { rule: opts.rule } : {}),
      ...(opts.event ? { eventId: opts.event } : {}),
    });
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(alerts, null, 2)}\n`);
      return;
    }
    for (const a of alerts) {
      process.stdout.write(
        `${a.createdAt.slice(0, 16).replace('T', ' ')}  ${a.trigger}  ${a.rule}  ${a.payload.summary}\n` +
          `    ${a.id}: event ${a.eventId}, ${a.mode === 'now' ? 'sent at once' : `${a.mode} digest`} to ${a.channels.join(', ')} (${a.status})\n` +
          (a.deliveries ?? []).map((d) => `    ${d.channel}: ${d.status}, ${d.attempts} attempts${d.lastError ? `, last error: ${d.lastError}` : ''}\n`).join(''),
      );
    }
    process.stdout.write(`${alerts.length} alerts\n`);
  } finally {
    await store.close();
  }
}
