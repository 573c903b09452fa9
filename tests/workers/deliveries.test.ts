import { pino } from 'pino';
import { buildApi } from '../../src/api/server.js';
import type { AlertView } from '../../src/store/alert-view.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChannelConfig } from '../../src/alerts/channels/index.js';
import { alertDeliveries, alertDeliveryId, digestDeliveryId } from '../../src/alerts/delivery-id.js';
import { loadVocabulary } from '../../src/cluster/index.js';
import type { DeliverySettings } from '../../src/config/settings.js';
import { HttpClient } from '../../src/fetch/index.js';
import { registry } from '../../src/observability/metrics.js';
import { compareContext } from '../../src/pipeline/compare-event.js';
import { deliverInProcess } from '../../src/pipeline/deliver.js';
import { openStore, type Store } from '../../src/store/index.js';
import { enqueueAlertDeliveries } from '../../workers/deliveries.js';
import { DIGEST_SCHEDULER_ID } from '../../workers/queues.js';
import { JobName } from '../../src/pipeline/jobs.js';
import { openQueues, startWorkers, type Queues, type RunningWorkers } from '../../workers/runtime.js';
import { scheduleDigests } from '../../workers/schedules.js';
import { sampleAlert, startWebhookReceiver, type WebhookReceiver } from '../helpers/alert-receivers.js';
import { eventually } from '../helpers/cli-process.js';
import { freshPostgres } from '../helpers/databases.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';

const SECRET = 'queue-test-secret';
process.env.PX_QUEUE_TEST_SECRET = SECRET;
// Short back-off so that four tries take well under a second.
const delivery: DeliverySettings = { attempts: 4, backoffMs: 50, timeoutMs: 2_000, concurrency: 4 };
const hook = (name: string, url: string): ChannelConfig => ({ name, type: 'webhook', url, secretEnv: 'PX_QUEUE_TEST_SECRET' });
const silent = pino({ level: 'silent' });

describe('the deliveries queue (real Redis, real PostgreSQL)', () => {
  let store: Store;
  let queues: Queues;
  let workers: RunningWorkers;
  let prefix: string;
  let dropDb: () => Promise<void>;
  const receivers: WebhookReceiver[] = [];
  const receiver = async (reply?: Parameters<typeof startWebhookReceiver>[1]) => {
    const r = await startWebhookReceiver(SECRET, reply);
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    const db = await freshPostgres();
    dropDb = db.drop;
    store = await openStore({ kind: 'postgres', url: db.url }, { poolSize: 4 });
    prefix = testPrefix();
    queues = openQueues({ redisUrl: TEST_REDIS_URL, prefix });
    const vocabulary = loadVocabulary();
    workers = await startWorkers({ store, http: new HttpClient(), log: silent, vocabulary, compare: compareContext(vocabulary) }, queues, {
      redisUrl: TEST_REDIS_URL, prefix, feedConcurrency: 1, articleConcurrency: 1, lockMs: 5_000, hostGapMs: 0, eventSettleMs: 0, delivery,
    });
  });
  afterAll(async () => {
    await workers?.close(2_000);
    await queues?.close();
    await Promise.all(receivers.map((r) => r.close()));
    await store?.close();
    await dropPrefix(prefix);
    await dropDb?.();
  });

  test('an endpoint that fails three times then recovers gets exactly one successful delivery', async () => {
    const rx = await receiver((n) => (n < 3 ? { status: 500 } : { status: 200 }));
    const alert = sampleAlert({ id: 'al-flaky', channels: ['flaky'] });
    const channels = { flaky: hook('flaky', rx.url) };
    const ids = await enqueueAlertDeliveries({ store, queues, delivery, eventSettleMs: 0, compareDelayMs: 0 }, alert, channels);
    const id = alertDeliveryId('al-flaky', 'flaky');
    expect(ids).toEqual({ now: [id], digest: [] });
    await eventually(async () => (await store.deliveries.get(id))?.status === 'sent', 15_000, 'the delivery sent');

    // Raised again (re-evaluation, a second worker): neither stored nor sent twice.
    await enqueueAlertDeliveries({ store, queues, delivery, eventSettleMs: 0, compareDelayMs: 0 }, alert, channels);
    await new Promise((r) => setTimeout(r, 500));
    expect(rx.requests).toHaveLength(4);
    expect(rx.requests.every((r) => r.verified && r.delivery === id)).toBe(true);
    expect(rx.requests.filter((_, n) => n >= 3)).toHaveLength(1);
    const attempts = await store.deliveries.attempts(id);
    expect(attempts.map((a) => [a.attempt, a.ok, a.status])).toEqual([[1, false, 500], [2, false, 500], [3, false, 500], [4, true, 200]]);
    expect((await store.deliveries.forAlerts(['al-flaky'])).get('al-flaky')).toMatchObject([{ channel: 'flaky', status: 'sent', attempts: 4, lastError: null }]);
    expect(await registry.getSingleMetricAsString('parallax_alerts_sent_total')).toMatch(/parallax_alerts_sent_total\{channel="flaky",trigger="divergence"\} 1/);
  }, 30_000);

  test('an endpoint that never recovers ends dead-lettered, and is shown so', async () => {
    const rx = await receiver(() => ({ status: 502 }));
    const alert = sampleAlert({ id: 'al-doomed', channels: ['doomed'] });
    await store.alerts.insert(alert);
    await enqueueAlertDeliveries({ store, queues, delivery, eventSettleMs: 0, compareDelayMs: 0 }, alert, { doomed: hook('doomed', rx.url) });
    const id = alertDeliveryId('al-doomed', 'doomed');
    await eventually(async () => (await store.deliveries.get(id))?.status === 'dead', 15_000, 'the delivery dead-lettered');
    const job = await queues.deliveries.getJob(id);
    await eventually(async () => (await job?.getState()) === 'failed', 5_000, 'the job failed');
    expect(rx.requests).toHaveLength(delivery.attempts);
    expect(new Set(rx.requests.map((r) => r.delivery))).toEqual(new Set([id]));
    const [view] = (await store.deliveries.forAlerts(['al-doomed'])).get('al-doomed')!;
    expect(view).toMatchObject({ status: 'dead', attempts: 4, lastStatus: 502, sentAt: null });
    expect(view!.lastError).toMatch(/HTTP 502 Bad Gateway/);
    expect((await store.deliveries.list({ status: 'dead' })).map((d) => d.id)).toContain(id);
    // Shown where analysts and operators look: GET /api/alerts (and `alerts list`, same read).
    const api = buildApi({ store, checks: [] });
    const listed = (await api.inject('/api/alerts?event=' + alert.eventId)).json() as AlertView[];
    expect(listed.find((a) => a.id === 'al-doomed')?.deliveries).toMatchObject([{ channel: 'doomed', status: 'dead', attempts: 4 }]);
    await api.close();
    expect(await registry.getSingleMetricAsString('parallax_alerts_failed_total')).toMatch(/channel="doomed",trigger="divergence",final="true"\} 1/);
  }, 30_000);

  test('digest rules: one message per rule and channel per period, sent by the send-digests job', async () => {
    const rx = await receiver();
    const channels = { digests: hook('digests', rx.url) };
    const lastHour = new Date(Date.now() - 3_600_000);
    for (const [id, rule] of [['al-d1', 'quiet-rule'], ['al-d2', 'quiet-rule'], ['al-d3', 'other-rule']] as const) {
      const alert = sampleAlert({ id, rule, mode: 'hourly', channels: ['digests'] });
      expect((await store.deliveries.addAlert(alert, alertDeliveries(alert, channels), lastHour)).now).toEqual([]);
    }
    await scheduleDigests(queues.deliveries);
    const scheduler = await queues.deliveries.getJobScheduler(DIGEST_SCHEDULER_ID);
    expect(scheduler).toMatchObject({ name: JobName.SendDigests, pattern: '1 * * * *', tz: 'UTC' });
    // What the scheduler does on the hour, now.
    await queues.deliveries.add(JobName.SendDigests, {});
    await eventually(async () => rx.requests.length === 2, 10_000, 'two digests');
    const bodies = rx.requests.map((r) => r.body as { digest: boolean; rule: string; alerts: { id: string }[] }).sort((a, b) => a.rule.localeCompare(b.rule));
    expect(bodies.map((b) => [b.digest, b.rule, b.alerts.map((a) => a.id)])).toEqual([[true, 'other-rule', ['al-d3']], [true, 'quiet-rule', ['al-d1', 'al-d2']]]);
    expect(rx.requests.every((r) => r.verified)).toBe(true);
    const windowStart = new Date(Math.floor(lastHour.getTime() / 3_600_000) * 3_600_000);
    expect(rx.requests.map((r) => r.delivery).sort()).toEqual(
      [digestDeliveryId('quiet-rule', 'digests', 'hourly', windowStart), digestDeliveryId('other-rule', 'digests', 'hourly', windowStart)].sort(),
    );
    await eventually(async () => (await store.deliveries.forAlerts(['al-d1'])).get('al-d1')?.[0]?.status === 'sent', 5_000, 'members sent');
    // The next run has nothing new to send.
    await queues.deliveries.add(JobName.SendDigests, {});
    await new Promise((r) => setTimeout(r, 500));
    expect(rx.requests).toHaveLength(2);
  }, 30_000);

  test('a delivery left retrying whose job was lost is sent by the next hourly sweep, with its id', async () => {
    const rx = await receiver();
    const alert = sampleAlert({ id: 'al-lost', channels: ['lost'] });
    const longAgo = new Date(Date.now() - 3_600_000);
    // Stored and tried once an hour ago; its job then vanished (Redis flushed): none is enqueued here.
    expect((await store.deliveries.addAlert(alert, alertDeliveries(alert, { lost: hook('lost', rx.url) }), longAgo)).now).toHaveLength(1);
    const id = alertDeliveryId('al-lost', 'lost');
    await store.deliveries.recordAttempt(id, { ok: false, final: false, status: 503, error: 'HTTP 503', elapsedMs: 5 }, longAgo);
    expect((await store.deliveries.get(id))?.status).toBe('retrying');
    await queues.deliveries.add(JobName.SendDigests, {});
    await eventually(async () => (await store.deliveries.get(id))?.status === 'sent', 10_000, 'the lost delivery sent');
    expect(rx.requests.map((r) => r.delivery)).toEqual([id]);
  }, 30_000);

  test('run-once delivers in-process with the same code: retried, recorded, never sent twice', async () => {
    const rx = await receiver((n) => (n === 0 ? { status: 429 } : { status: 204 }));
    const item = { alert: sampleAlert({ id: 'al-once', channels: ['once'] }), channels: { once: hook('once', rx.url) } };
    expect(await deliverInProcess([item], { store, log: silent, settings: delivery })).toEqual({ sent: 1, alreadySent: 0, dead: 0, digest: 0 });
    expect(await deliverInProcess([item], { store, log: silent, settings: delivery })).toEqual({ sent: 0, alreadySent: 1, dead: 0, digest: 0 });
    expect(rx.requests.map((r) => r.delivery)).toEqual([alertDeliveryId('al-once', 'once'), alertDeliveryId('al-once', 'once')]);
    const attempts = await store.deliveries.attempts(alertDeliveryId('al-once', 'once'));
    expect(attempts.map((a) => [a.ok, a.status])).toEqual([[false, 429], [true, 204]]);
  }, 30_000);
});
