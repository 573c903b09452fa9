import pMap from 'p-map';
import { DeliveryError, sendOnChannel, type ChannelConfig, type OutgoingMessage } from '../alerts/channels/index.js';
import { redactDeliveryError } from '../alerts/channels/secrets.js';
import { alertDeliveries, periodEnd, periodStart, type DigestMode } from '../alerts/delivery-id.js';
import type { AlertRecord, DeliveryStatus, DigestPayload } from '../alerts/types.js';
import type { DeliverySettings } from '../config/settings.js';
import type { Logger } from '../log.js';
import { alertsFailed, alertsSent } from '../observability/metrics.js';
import type { Store } from '../store/index.js';
import type { DeliveryRow } from '../store/schema.js';

/** What sending needs: the store (deliveries and attempts), the secrets' environment, the limits. */
export interface DeliveryDeps {
  store: Store;
  log: Logger;
  settings: DeliverySettings;
  /** Where channels' secrets are read; process.env unless a test gives its own. */
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

export type DeliverResult =
  | { outcome: 'sent'; status: number | null; attempt: number }
  /** Recorded as sent before this try: nothing was sent again. */
  | { outcome: 'already-sent' }
  | { outcome: 'failed'; error: DeliveryError; attempt: number; status: Extract<DeliveryStatus, 'retrying' | 'dead'> };

/**
 * One try of one delivery: the one implementation the queue worker and run-once share.
 * The store is checked before sending and written after, so a delivery recorded as sent is never
 * sent again; only a crash between sending and recording repeats one, and the repeat carries the
 * same X-Parallax-Delivery id. A channel's failure is recorded and returned, not thrown: only our
 * own infrastructure (the database) throws.
 */
export async function deliver(deliveryId: string, deps: DeliveryDeps, options: { finalAttempt: boolean }): Promise<DeliverResult> {
  const row = await deps.store.deliveries.get(deliveryId);
  if (!row) throw new Error(`no delivery ${deliveryId} in the store`);
  if (row.status === 'sent') return { outcome: 'already-sent' };
  const message = await messageOf(row, deps.store);
  const log = deps.log.child({ deliveryId, channel: row.channel, rule: row.rule, alertId: row.alert_id });
  const started = performance.now();
  try {
    const r = await sendOnChannel(row.channel_config, message, { deliveryId, timeoutMs: deps.settings.timeoutMs, env: deps.env ?? process.env });
    const { attempt } = await deps.store.deliveries.recordAttempt(
      deliveryId,
      { ok: true, status: r.status, error: null, elapsedMs: performance.now() - started, final: options.finalAttempt },
      deps.now?.(),
    );
    alertsSent.inc({ channel: row.channel, trigger: row.trigger ?? 'digest' });
    log.info({ attempt, status: r.status }, `${row.kind} delivered on ${row.channel}`);
    return { outcome: 'sent', status: r.status, attempt };
  } catch (err) {
    // Anything a channel throws is the channel's failure (a bug in rendering included): recorded, retried.
    // Its message is stored, logged and kept by BullMQ: no secret of the channel may be in it.
    const raw = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message);
    const error = new DeliveryError(redactDeliveryError(raw.message, row.channel_config, deps.env ?? process.env), raw.status);
    const recorded = await deps.store.deliveries.recordAttempt(
      deliveryId,
      { ok: false, status: error.status, error: error.message, elapsedMs: performance.now() - started, final: options.finalAttempt },
      deps.now?.(),
    );
    const status = recorded.status === 'dead' ? 'dead' : 'retrying';
    alertsFailed.inc({ channel: row.channel, trigger: row.trigger ?? 'digest', final: String(status === 'dead') });
    log.warn({ attempt: recorded.attempt, status: error.status, err: error.message }, status === 'dead' ? `${row.kind} dead-lettered on ${row.channel}` : `${row.kind} failed on ${row.channel}; will retry`);
    return { outcome: 'failed', error, attempt: recorded.attempt, status };
  }
}

async function messageOf(row: DeliveryRow, store: Store): Promise<OutgoingMessage> {
  if (row.kind === 'alert') return { kind: 'alert', payload: row.payload! };
  const mode = row.mode as DigestMode;
  const alerts = await store.deliveries.digestAlerts(row.id);
  // Members are fixed when the digest is created, so every try sends the same body.
  const windowStart = new Date(row.period_start!);
  const earliest = alerts.reduce((t, a) => Math.min(t, periodStart(mode, new Date(a.createdAt)).getTime()), windowStart.getTime());
  const payload: DigestPayload = {
    digest: true,
    rule: row.rule,
    mode,
    period: { start: new Date(earliest).toISOString(), end: periodEnd(mode, windowStart).toISOString() },
    alerts,
    createdAt: new Date(row.created_at).toISOString(),
  };
  return { kind: 'digest', payload };
}

/** Wait before try `failed + 1`: the same exponential back-off BullMQ applies to the queue's jobs. */
export const retryDelayMs = (backoffMs: number, failed: number) => Math.round(backoffMs * 2 ** (failed - 1));

/** One alert to deliver, with the `channels:` map its rule was configured with. */
export interface AlertToDeliver {
  alert: AlertRecord;
  channels: Record<string, ChannelConfig>;
}

export interface InProcessSummary {
  sent: number;
  alreadySent: number;
  dead: number;
  /** Deliveries of digest rules: stored, sent by `parallax start`'s digest job when their period is over. */
  digest: number;
}

/**
 * run-once's delivery: the alerts' deliveries stored, then each sent now with the queue's retries
 * and back-off, waited for in-process (no Redis). Digest rules' alerts are stored for the digest.
 */
export async function deliverInProcess(items: AlertToDeliver[], deps: DeliveryDeps): Promise<InProcessSummary> {
  const summary: InProcessSummary = { sent: 0, alreadySent: 0, dead: 0, digest: 0 };
  const now: string[] = [];
  for (const { alert, channels } of items) {
    const ids = await deps.store.deliveries.addAlert(alert, alertDeliveries(alert, channels), deps.now?.());
    now.push(...ids.now);
    summary.digest += ids.digest.length;
  }
  const attempts = deps.settings.attempts;
  await pMap(
    now,
    async (id) => {
      for (let tried = 0; tried < attempts; tried++) {
        if (tried > 0) await new Promise((r) => setTimeout(r, retryDelayMs(deps.settings.backoffMs, tried)));
        const r = await deliver(id, deps, { finalAttempt: tried + 1 >= attempts });
        if (r.outcome === 'sent') return void summary.sent++;
        if (r.outcome === 'already-sent') return void summary.alreadySent++;
      }
      summary.dead++;
    },
    { concurrency: deps.settings.concurrency },
  );
  return summary;
}
