import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChannelConfig } from '../../src/alerts/channels/index.js';
import { alertDeliveries, alertDeliveryId } from '../../src/alerts/delivery-id.js';
import { buildApi } from '../../src/api/server.js';
import type { DeliverySettings } from '../../src/config/settings.js';
import { createLogger } from '../../src/log.js';
import { deliver, deliverInProcess } from '../../src/pipeline/deliver.js';
import { openStore, type Store } from '../../src/store/index.js';
import { sampleAlert } from '../helpers/alert-receivers.js';
import { runCli } from '../helpers/cli-process.js';
import { freshPostgres } from '../helpers/databases.js';

/**
 * A Slack webhook URL is a credential: whoever has it can post to the channel. A delivery that
 * fails (the receiver says 404, or nothing listens) must not print it in the logs, in the stored
 * delivery error (`alerts list`, `alerts list --json`, GET /api/alerts) nor in the error BullMQ keeps.
 */
const SECRET_PATH = '/services/T0PXSECRET/B0PXSECRET/xoxPXsecretsecretsecret';
const SECRET_PARTS = ['T0PXSECRET', 'B0PXSECRET', 'xoxPXsecretsecretsecret'];
const delivery: DeliverySettings = { attempts: 2, backoffMs: 10, timeoutMs: 2_000, concurrency: 2 };

function expectNoSecret(text: string, where: string) {
  for (const part of SECRET_PARTS) expect(text, `${where} shows the Slack URL`).not.toContain(part);
}

describe('the Slack webhook URL never printed', () => {
  let store: Store;
  let db: { url: string; drop(): Promise<void> };
  let slack: Server;
  let slackUrl: string;
  let deadUrl: string;
  const lines: string[] = [];
  const log = createLogger('debug', { write: (s: string) => void lines.push(s) });

  beforeAll(async () => {
    // Slack answers a revoked or mistyped hook with 404 and a short reason.
    slack = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(404, { 'content-type': 'text/plain' }).end('no_service'));
    });
    await new Promise<void>((r) => slack.listen(0, '127.0.0.1', r));
    slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}${SECRET_PATH}`;
    // Nothing listens there: a network error, which quotes the URL differently.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}${SECRET_PATH}`;
    await new Promise<void>((r) => closed.close(() => r()));
    db = await freshPostgres();
    store = await openStore({ kind: 'postgres', url: db.url });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
    await new Promise<void>((r) => slack?.close(() => r()));
  });

  test('a failed Slack delivery: logs, stored error, alerts list (text and JSON), /api/alerts and the thrown error', async () => {
    const env = { PX_REDACT_SLACK_URL: slackUrl };
    const channels: Record<string, ChannelConfig> = {
      desk: { name: 'desk', type: 'slack', urlEnv: 'PX_REDACT_SLACK_URL' },
      inline: { name: 'inline', type: 'slack', url: deadUrl },
    };
    const alert = sampleAlert({ id: 'al-redact', channels: ['desk', 'inline'] });
    await store.alerts.insert(alert);
    const summary = await deliverInProcess([{ alert, channels }], { store, log, settings: delivery, env });
    expect(summary.dead).toBe(2);

    // What a queue worker throws, and BullMQ stores as the job's failure and shows on /queues.
    const again = await deliver(alertDeliveryId('al-redact', 'desk'), { store, log, settings: delivery, env }, { finalAttempt: true });
    expect(again.outcome).toBe('failed');
    if (again.outcome === 'failed') {
      expectNoSecret(again.error.message, 'the thrown error');
      expectNoSecret(again.error.stack ?? '', 'the thrown error stack');
    }

    const logged = lines.join('');
    expect(logged).toMatch(/dead-lettered on desk/);
    expectNoSecret(logged, 'the log');

    const [view] = await store.alerts.list({ eventId: alert.eventId });
    const errors = Object.fromEntries(view!.deliveries!.map((d) => [d.channel, d.lastError]));
    // Still useful to an operator: which receiver, and what it said.
    expect(errors.desk).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/\[REDACTED\]: HTTP 404 Not Found: no_service$/);
    expect(errors.inline).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/\[REDACTED\]: ECONNREFUSED/);
    for (const id of view!.deliveries!.map((d) => d.id)) expectNoSecret(JSON.stringify(await store.deliveries.attempts(id)), 'the stored attempts');

    const cliEnv = { DATABASE_URL: db.url };
    const json = await runCli(['alerts', 'list', '--json'], cliEnv);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)[0].deliveries).toHaveLength(2);
    expectNoSecret(json.stdout, 'alerts list --json');
    const text = await runCli(['alerts', 'list'], cliEnv);
    expect(text.stdout).toContain('last error: POST http://127.0.0.1');
    expectNoSecret(text.stdout, 'alerts list');

    const api = buildApi({ store, checks: [] });
    const res = await api.inject('/api/alerts');
    await api.close();
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('HTTP 404');
    expectNoSecret(res.body, '/api/alerts');
  }, 60_000);

  test('an error stored by an older version, URL and all, is shown redacted', async () => {
    const alert = sampleAlert({ id: 'al-old', channels: ['inline'] });
    await store.alerts.insert(alert);
    const [id] = (await store.deliveries.addAlert(alert, alertDeliveries(alert, { inline: { name: 'inline', type: 'slack', url: slackUrl } }))).now;
    await store.deliveries.recordAttempt(id!, { ok: false, status: 404, error: `POST ${slackUrl}: HTTP 404 Not Found: no_service`, elapsedMs: 3, final: true });
    const [view] = (await store.deliveries.forAlerts(['al-old'])).get('al-old')!;
    expect(view!.lastError).toMatch(/HTTP 404/);
    expectNoSecret(view!.lastError!, 'an old stored error');
    expectNoSecret(JSON.stringify(await store.deliveries.attempts(id!)), 'an old stored attempt');
  });
});
