import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { eventually, spawnCli, type LongRunning } from '../helpers/cli-process.js';
import { freshPostgres, TEST_DATABASE_URL } from '../helpers/databases.js';
import { fixtureFeedsYaml, startFixtureSite, type FixtureSite } from '../helpers/fixture-site.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

/** Parallax's connections carry this name, so the test terminates theirs and never its own. */
const APPLICATION_NAME = 'parallax-under-test';

const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(15_000) });

interface Setup {
  site: FixtureSite;
  store: Store;
  database: string;
  /** Parallax's database URL, through `proxy`. */
  url: string;
  proxy: TcpProxy;
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

async function setup(site: FixtureSite): Promise<Setup> {
  const db = await freshPostgres();
  const direct = new URL(db.url);
  const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const viaProxy = new URL(db.url);
  viaProxy.port = String(proxy.port);
  viaProxy.searchParams.set('application_name', APPLICATION_NAME);
  const config = join(mkdtempSync(join(tmpdir(), 'px-pg-down-')), 'feeds.yaml');
  writeFileSync(config, fixtureFeedsYaml(site, '1s'));
  const store = await openStore({ kind: 'postgres', url: db.url }, { poolSize: 2 });
  const prefix = testPrefix();
  return {
    site,
    store,
    database: direct.pathname.slice(1),
    url: viaProxy.toString(),
    proxy,
    env: {
      DATABASE_URL: viaProxy.toString(),
      REDIS_URL: TEST_REDIS_URL,
      PARALLAX_QUEUE_PREFIX: prefix,
      PARALLAX_PORT: '0',
      PARALLAX_CONFIG: config,
      PARALLAX_JOB_LOCK_MS: '2000',
      PARALLAX_EVENT_SETTLE_MS: '200',
      LOG_LEVEL: 'info',
    },
    async cleanup() {
      await store.close();
      await proxy.close();
      await site.close();
      await dropPrefix(prefix);
      await db.drop();
    },
  };
}

/** pg_terminate_backend on Parallax's connections to this test's own database, and only those. */
async function terminateParallaxConnections(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    const r = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2 AND pid <> pg_backend_pid()',
      [database, APPLICATION_NAME],
    );
    return r.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

async function stop(proc: LongRunning): Promise<number | null> {
  proc.child.kill('SIGTERM');
  return (await proc.exited).code;
}

/** Runs `body` beside a `start` and a `worker`; both must then stop cleanly on SIGTERM. */
async function withStartAndWorker(env: NodeJS.ProcessEnv, body: (main: LongRunning, extra: LongRunning) => Promise<void>): Promise<void> {
  const main = spawnCli(['start'], env);
  const extra = spawnCli(['worker'], env);
  try {
    await body(main, extra);
    expect(await stop(extra)).toBe(0);
    expect(await stop(main)).toBe(0);
  } finally {
    main.child.kill('SIGKILL');
    extra.child.kill('SIGKILL');
  }
}

describe('parallax start and worker while PostgreSQL connections are terminated', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup(await startFixtureSite({ outlets: 3, articlesPerOutlet: 10, pageDelayMs: 100, firstHost: 120 }));
  });
  afterAll(async () => s?.cleanup());

  test('survive pg_terminate_backend mid-run, and every article is still stored once', async () => {
    await withStartAndWorker(s.env, async (main, extra) => {
      const [, address] = await main.waitFor(/listening (http:\/\/\S+)/, 90_000);
      await extra.waitFor(/worker ready/, 90_000);
      await eventually(async () => (await s.store.articles.countByStatus()).extracted >= 3, 30_000, 'some articles extracted');
      // Several rounds while pages are being fetched and stored: idle and busy connections alike.
      let terminated = 0;
      s.site.publish(0, 5);
      s.site.publish(1, 5);
      for (let round = 0; round < 4; round++) {
        terminated += await terminateParallaxConnections(s.database);
        await new Promise((r) => setTimeout(r, 400));
      }
      expect(terminated).toBeGreaterThan(0);
      await eventually(async () => (await s.store.articles.countByStatus()).extracted === 40, 90_000, 'all 40 articles extracted').catch(async (err) => {
        throw new Error(`${err.message}: ${JSON.stringify(await s.store.articles.countByStatus())}\n${(main.stderr() + extra.stderr()).split('\n').filter((l) => l.includes('"level":50')).slice(0, 15).join('\n')}`);
      });
      expect(main.child.exitCode).toBeNull();
      expect(extra.child.exitCode).toBeNull();
      const rows = await s.store.articles.list({ limit: 1000 });
      expect(rows).toHaveLength(40);
      expect(new Set(rows.map((r) => r.url)).size).toBe(40);
      expect((await get(`${address}/healthz`)).status).toBe(200);
      // The lost connections were reported as structured log lines, not as a crash.
      expect(main.stderr() + extra.stderr()).toMatch(/"msg":"PostgreSQL connection lost/);
      expect(main.stderr() + extra.stderr()).not.toMatch(/Unhandled 'error' event/);
    });
  }, 300_000);
});

describe('parallax start while PostgreSQL is down, then back', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup(await startFixtureSite({ outlets: 2, articlesPerOutlet: 5, firstHost: 130 }));
  });
  afterAll(async () => s?.cleanup());

  test('waits for the database at start, answers /healthz 503 while it is away and 200 after, and completes the work', async () => {
    await s.proxy.refuse();
    await withStartAndWorker(s.env, async (main, extra) => {
      // Both keep retrying, with the wait logged, instead of exiting.
      await eventually(async () => (main.stderr().match(/database unreachable/g) ?? []).length >= 2, 90_000, 'start retrying');
      await eventually(async () => (extra.stderr().match(/database unreachable/g) ?? []).length >= 2, 90_000, 'worker retrying');
      expect(main.child.exitCode).toBeNull();
      expect(extra.child.exitCode).toBeNull();
      await s.proxy.accept();
      const [, address] = await main.waitFor(/listening (http:\/\/\S+)/, 90_000);
      await extra.waitFor(/worker ready/, 90_000);
      await eventually(async () => (await s.store.articles.countByStatus()).extracted === 10, 30_000, '10 articles extracted');
      expect((await get(`${address}/healthz`)).status).toBe(200);

      // Away again while new articles are published.
      await s.proxy.refuse();
      s.site.publish(0, 3);
      s.site.publish(1, 3);
      const down = await get(`${address}/healthz`);
      expect(down.status).toBe(503);
      const body = (await down.json()) as { status: string; checks: Record<string, string> };
      expect(body.checks.database).toMatch(/^error: /);
      expect(body.checks.redis).toBe('ok');
      await new Promise((r) => setTimeout(r, 4_000));
      expect(main.child.exitCode).toBeNull();
      expect(extra.child.exitCode).toBeNull();
      expect((await get(`${address}/healthz`)).status).toBe(503);

      await s.proxy.accept();
      await eventually(async () => (await get(`${address}/healthz`)).status === 200, 20_000, '/healthz 200 after the database is back');
      await eventually(async () => (await s.store.articles.countByStatus()).extracted === 16, 60_000, 'the 6 new articles extracted');
      const rows = await s.store.articles.list({ limit: 1000 });
      expect(new Set(rows.map((r) => r.url)).size).toBe(16);
    });
  }, 300_000);
});
