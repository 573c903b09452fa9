import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { eventually, spawnCli, type LongRunning } from '../helpers/cli-process.js';
import { freshPostgres } from '../helpers/databases.js';
import { fixtureFeedsYaml, startFixtureSite, type FixtureSite } from '../helpers/fixture-site.js';
import { answering, randomRedisPort, redisServer } from '../helpers/redis-server.js';

const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(15_000) });

interface Health {
  status: string;
  checks: Record<string, string>;
}

const health = async (address: string) => {
  const res = await get(`${address}/healthz`);
  return { code: res.status, body: (await res.json()) as Health };
};

/** What `start` keeps in its Redis, read there directly: scheduler ids, and the events queue's global concurrency. */
async function scheduling(port: number): Promise<{ schedulers: string[]; eventsConcurrency: number | null }> {
  const connection = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: null });
  const queues = ['feeds', 'deliveries', 'events'].map((name) => new Queue(name, { connection, prefix: 'parallax' }));
  try {
    const [feeds, deliveries, events] = queues as [Queue, Queue, Queue];
    const schedulers = [...(await feeds.getJobSchedulers(0, -1)), ...(await deliveries.getJobSchedulers(0, -1))].map((s) => s.id ?? s.key).sort();
    return { schedulers, eventsConcurrency: await events.getGlobalConcurrency() };
  } finally {
    await Promise.all(queues.map((q) => q.close()));
    connection.disconnect();
  }
}

const EXPECTED_SCHEDULERS = ['feed-outlet-0', 'feed-outlet-1', 'recover-pending', 'send-digests'];

/**
 * Articles as a poll stores them (pending), whose jobs Redis then lost: a later poll finds them
 * already stored and enqueues nothing, so only the recovery sweep can fetch them.
 */
async function storePendingWithoutJobs(store: Store, site: FixtureSite, outlet: number, n: number): Promise<void> {
  const o = site.outlets[outlet]!;
  const first = o.articles + 1;
  site.publish(outlet, n);
  const items = Array.from({ length: n }, (_, k) => first + k).map((a) => ({
    url: `http://${o.host}/news/${a}.html`,
    guid: `outlet-${outlet}-${a}`,
    title: `Dépêche ${a} de l’outlet ${outlet}`,
    published: new Date(Date.UTC(2025, 7, 1, a % 24)).toISOString(),
    updated: null,
    summary: `Résumé de la dépêche ${a}.`,
    contentHtml: null,
    author: null,
    categories: [],
    image: null,
  }));
  await store.articles.insertDiscovered({ id: `outlet-${outlet}`, outlet: `Outlet ${outlet}`, country: 'ML', language: 'fr' }, items);
}

describe('parallax start when its Redis loses every key', () => {
  const port = randomRedisPort();
  let redis: ChildProcess;
  let db: { url: string; drop(): Promise<void> };
  let site: FixtureSite;
  let store: Store;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    redis = redisServer(port);
    await answering(port);
    db = await freshPostgres();
    site = await startFixtureSite({ outlets: 2, articlesPerOutlet: 4, firstHost: 140 });
    store = await openStore({ kind: 'postgres', url: db.url }, { poolSize: 2 });
    const config = join(mkdtempSync(join(tmpdir(), 'px-redis-loss-')), 'feeds.yaml');
    // Polled once an hour: any poll after the first comes from a re-created scheduler.
    writeFileSync(config, fixtureFeedsYaml(site, '1h'));
    env = { DATABASE_URL: db.url, REDIS_URL: `redis://127.0.0.1:${port}`, PARALLAX_PORT: '0', PARALLAX_CONFIG: config, PARALLAX_EVENT_SETTLE_MS: '200', LOG_LEVEL: 'info' };
  }, 60_000);

  afterAll(async () => {
    redis?.kill();
    await store?.close();
    await site?.close();
    await db?.drop();
  });

  test('restarted without persistence: schedulers come back on reconnection, and the lost work is swept', async () => {
    // The periodic check is an hour away: only the reconnection can bring anything back here.
    const start = spawnCli(['start'], { ...env, PARALLAX_SCHEDULER_CHECK_MS: String(3600_000) });
    try {
      const [, address] = await start.waitFor(/listening (http:\/\/\S+)/, 90_000);
      await eventually(async () => (await store.articles.countByStatus()).extracted === 8, 60_000, '8 articles extracted');
      expect(await scheduling(port)).toEqual({ schedulers: EXPECTED_SCHEDULERS, eventsConcurrency: 1 });
      expect((await health(address)).body.checks.schedulers).toBe('ok');
      const pollsBefore = (await store.feeds.recentPolls('outlet-0', 100)).length;

      redis.kill();
      await new Promise((r) => redis.once('exit', r));
      const down = await health(address);
      expect(down.code).toBe(503);
      expect(down.body.checks.schedulers).toMatch(/^error: /);
      // Stored while Redis was away: their jobs are lost with it.
      await storePendingWithoutJobs(store, site, 0, 2);
      await storePendingWithoutJobs(store, site, 1, 1);

      redis = redisServer(port);
      await answering(port);
      await eventually(async () => (await health(address)).code === 200, 60_000, '/healthz 200 after Redis is back');
      expect(await scheduling(port)).toEqual({ schedulers: EXPECTED_SCHEDULERS, eventsConcurrency: 1 });
      // The re-created feed schedulers poll again, an hour before the lost ones would have.
      await eventually(async () => (await store.feeds.recentPolls('outlet-0', 100)).length > pollsBefore, 30_000, 'outlet-0 polled again');
      await eventually(async () => (await store.articles.countByStatus()).extracted === 11, 60_000, 'the 3 pending articles extracted');
      expect(start.stderr()).toMatch(/"reason":"reconnected".*"msg":"Redis had lost 5 schedulers and settings/);
      start.child.kill('SIGTERM');
      expect((await start.exited).code).toBe(0);
    } finally {
      start.child.kill('SIGKILL');
    }
  }, 300_000);

  test('emptied while connected: /healthz names the missing schedulers until the periodic check puts them back', async () => {
    const start: LongRunning = spawnCli(['start'], { ...env, PARALLAX_SCHEDULER_CHECK_MS: '4000' });
    const admin = new Redis({ port, host: '127.0.0.1' });
    try {
      const [, address] = await start.waitFor(/listening (http:\/\/\S+)/, 90_000);
      await eventually(async () => (await health(address)).code === 200, 30_000, '/healthz 200');
      // FLUSHALL on this test's own Redis. A check may fall between the flush and the probe:
      // flush again until /healthz is seen reporting the loss.
      let seen: Health | null = null;
      for (let i = 0; i < 3 && !seen; i++) {
        await admin.flushall();
        const h = await health(address);
        if (h.code === 503) seen = h.body;
      }
      expect(seen).not.toBeNull();
      expect(seen!.checks.redis).toBe('ok');
      expect(seen!.checks.database).toBe('ok');
      expect(seen!.checks.schedulers).toBe('error: missing in Redis: feed-outlet-0, feed-outlet-1, recover-pending, send-digests, events-global-concurrency');
      await eventually(async () => (await health(address)).code === 200, 30_000, '/healthz 200 after the periodic check');
      expect(await scheduling(port)).toEqual({ schedulers: EXPECTED_SCHEDULERS, eventsConcurrency: 1 });
      expect(start.stderr()).toMatch(/"reason":"periodic check"/);
      start.child.kill('SIGTERM');
      expect((await start.exited).code).toBe(0);
    } finally {
      admin.disconnect();
      start.child.kill('SIGKILL');
    }
  }, 300_000);
});
