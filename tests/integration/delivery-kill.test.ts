import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alertDeliveryId } from '../../src/alerts/delivery-id.js';
import { openStore, type Store } from '../../src/store/index.js';
import { enqueueAlertDeliveries } from '../../workers/deliveries.js';
import { openQueues, type Queues } from '../../workers/runtime.js';
import { sampleAlert, startWebhookReceiver, type WebhookReceiver } from '../helpers/alert-receivers.js';
import { eventually, spawnCli, type LongRunning } from '../helpers/cli-process.js';
import { freshPostgres } from '../helpers/databases.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';

const SECRET = 'kill-test-secret';

describe('a worker killed (SIGKILL) mid-delivery', () => {
  let store: Store;
  let queues: Queues;
  let rx: WebhookReceiver;
  let env: NodeJS.ProcessEnv;
  let prefix: string;
  let dropDb: () => Promise<void>;
  const procs: LongRunning[] = [];

  beforeAll(async () => {
    const db = await freshPostgres();
    dropDb = db.drop;
    prefix = testPrefix();
    store = await openStore({ kind: 'postgres', url: db.url }, { poolSize: 2 });
    queues = openQueues({ redisUrl: TEST_REDIS_URL, prefix });
    // The first request is never answered: the worker dies with it in flight, after the receiver
    // has the alert and before the worker could record it (the only way a repeat can happen).
    rx = await startWebhookReceiver(SECRET, (n) => (n === 0 ? 'hang' : { status: 200 }));
    env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      PARALLAX_QUEUE_PREFIX: prefix,
      // Short locks so that the killed worker's job is taken over within seconds.
      PARALLAX_JOB_LOCK_MS: '2000',
      PARALLAX_DELIVERY_TIMEOUT_MS: '60000',
      PARALLAX_DELIVERY_BACKOFF_MS: '100',
      PX_KILL_SECRET: SECRET,
    };
  });
  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await queues?.close();
    await rx?.close();
    await store?.close();
    await dropPrefix(prefix);
    await dropDb?.();
  });

  test('delivers the alert after a restart; the repeat carries the same X-Parallax-Delivery id', async () => {
    const alert = sampleAlert({ id: 'al-kill', channels: ['analysts'] });
    const channels = { analysts: { name: 'analysts', type: 'webhook' as const, url: rx.url, secretEnv: 'PX_KILL_SECRET' } };
    await enqueueAlertDeliveries({ store, queues, eventSettleMs: 0, compareDelayMs: 0, delivery: { attempts: 5, backoffMs: 100, timeoutMs: 60_000, concurrency: 1 } }, alert, channels);
    const id = alertDeliveryId('al-kill', 'analysts');

    const first = spawnCli(['worker'], env);
    procs.push(first);
    await first.waitFor(/worker ready/, 30_000);
    await eventually(async () => rx.requests.length === 1, 30_000, 'the first request in flight');
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await store.deliveries.get(id)).toMatchObject({ status: 'pending', attempts: 0 });

    const second = spawnCli(['worker'], env);
    procs.push(second);
    try {
      await second.waitFor(/worker ready/, 30_000);
      await eventually(async () => (await store.deliveries.get(id))?.status === 'sent', 40_000, 'the alert delivered after the restart');
    } finally {
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
    }
    expect(rx.requests).toHaveLength(2);
    expect(rx.requests.map((r) => r.delivery)).toEqual([id, id]);
    expect(rx.requests.every((r) => r.verified)).toBe(true);
    expect(rx.requests[1]!.raw).toBe(rx.requests[0]!.raw);
    // The killed try was never recorded; the one after the restart was, once.
    const attempts = await store.deliveries.attempts(id);
    expect(attempts.map((a) => [a.attempt, a.ok, a.status])).toEqual([[1, true, 200]]);
  }, 120_000);
});
