import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { eventually, spawnCli } from '../helpers/cli-process.js';
import { freshPostgres } from '../helpers/databases.js';
import { fixtureFeedsYaml, startFixtureSite, type FixtureSite } from '../helpers/fixture-site.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';

interface Setup {
  site: FixtureSite;
  store: Store;
  config: string;
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

// The feeds config's minimum: the tests that wait for repeated polls get them every second.
const REPEATED_POLLS = '1s';

async function setup(site: FixtureSite, interval: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Setup> {
  const db = await freshPostgres();
  const prefix = testPrefix();
  const dir = mkdtempSync(join(tmpdir(), 'px-start-'));
  const config = join(dir, 'feeds.yaml');
  writeFileSync(config, fixtureFeedsYaml(site, interval));
  const store = await openStore({ kind: 'postgres', url: db.url }, { poolSize: 2 });
  return {
    site,
    store,
    config,
    env: {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      PARALLAX_QUEUE_PREFIX: prefix,
      PARALLAX_PORT: '0',
      ...extraEnv,
    },
    async cleanup() {
      await store.close();
      await site.close();
      await dropPrefix(prefix);
      await db.drop();
    },
  };
}

async function articleRows(store: Store) {
  return store.articles.list();
}

describe('parallax start against a local news site', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup(await startFixtureSite({ outlets: 5, articlesPerOutlet: 8, firstHost: 20 }), REPEATED_POLLS);
  });
  afterAll(async () => s?.cleanup());

  test('ingests every item exactly once across repeated polls, then stops cleanly on SIGTERM', async () => {
    const proc = spawnCli(['start', '--config', s.config], s.env);
    try {
      const [, address] = await proc.waitFor(/listening (http:\/\/\S+)/, 30_000);
      await eventually(async () => (await s.store.articles.countByStatus()).extracted === 40, 40_000, '40 extracted articles');

      s.site.publish(0, 3);
      s.site.publish(3, 2);
      await eventually(async () => (await s.store.articles.countByStatus()).extracted === 45, 30_000, '45 extracted articles');
      // Let every feed be polled at least twice more: nothing new may appear.
      const pollsBefore = (await s.store.feeds.recentPolls('outlet-1', 100)).length;
      await eventually(async () => (await s.store.feeds.recentPolls('outlet-1', 100)).length >= pollsBefore + 2, 20_000, 'two more polls');

      const rows = await articleRows(s.store);
      expect(rows).toHaveLength(45);
      expect(new Set(rows.map((r) => r.url)).size).toBe(45);
      expect(rows.every((r) => r.status === 'extracted' && r.text && r.text.length > 200)).toBe(true);
      // Tracking parameters in the feed's links were removed before storing.
      expect(rows.some((r) => r.url.includes('utm_'))).toBe(false);
      const pageHits = [...s.site.hits].filter(([path]) => path.includes('/news/'));
      expect(pageHits).toHaveLength(45);
      expect(pageHits.every(([, n]) => n === 1)).toBe(true);

      const health = await fetch(`${address}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok', events: 'ok', schedulers: 'ok' } });
      const feeds = (await (await fetch(`${address}/api/feeds`)).json()) as { id: string; health: string }[];
      expect(feeds.map((f) => f.health)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
      const api = (await (await fetch(`${address}/api/articles?limit=1000`)).json()) as { url: string }[];
      expect(api).toHaveLength(45);

      // Reload on SIGHUP: a feed removed from the file is deactivated and no longer polled.
      writeFileSync(s.config, fixtureFeedsYaml(s.site, REPEATED_POLLS).split('\n').filter((l) => !l.includes('outlet-4')).join('\n'));
      proc.child.kill('SIGHUP');
      await eventually(async () => (await s.store.feeds.get('outlet-4'))?.active === false, 10_000, 'outlet-4 deactivated');
      const pollsOf4 = (await s.store.feeds.recentPolls('outlet-4', 100)).length;
      await eventually(async () => (await s.store.feeds.recentPolls('outlet-1', 100)).length >= pollsBefore + 5, 20_000, 'more polls of outlet-1');
      // At most the one poll that was already queued when the scheduler was removed.
      expect((await s.store.feeds.recentPolls('outlet-4', 100)).length).toBeLessThanOrEqual(pollsOf4 + 1);
    } finally {
      const t0 = Date.now();
      proc.child.kill('SIGTERM');
      const { code } = await proc.exited;
      expect(code).toBe(0);
      expect(Date.now() - t0).toBeLessThan(10_000);
    }
  }, 120_000);
});

describe('a worker killed with SIGKILL mid-run', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup(await startFixtureSite({ outlets: 4, articlesPerOutlet: 15, pageDelayMs: 300, firstHost: 40 }), '1h', {
      // Short locks so that the jobs of the killed worker are taken over within seconds. Only here: a
      // process starved of CPU for that long (two busy cores) would lose its jobs to a stall check.
      PARALLAX_JOB_LOCK_MS: '2000',
    });
  });
  afterAll(async () => s?.cleanup());

  test('loses no article and duplicates none after a restart', async () => {
    const first = spawnCli(['start', '--config', s.config], s.env);
    await first.waitFor(/listening/, 30_000);
    await eventually(async () => (await s.store.articles.countByStatus()).extracted >= 5, 40_000, 'some articles extracted');
    first.child.kill('SIGKILL');
    await first.exited;
    const midway = await s.store.articles.countByStatus();
    expect(midway.extracted).toBeLessThan(60);
    expect(midway.pending + midway.extracted).toBe(60);

    const second = spawnCli(['start', '--config', s.config], s.env);
    try {
      await second.waitFor(/listening/, 30_000);
      await eventually(async () => (await s.store.articles.countByStatus()).extracted === 60, 60_000, 'all 60 articles extracted after restart');
      const rows = await articleRows(s.store);
      expect(rows).toHaveLength(60);
      expect(new Set(rows.map((r) => r.url)).size).toBe(60);
      expect(new Set(rows.map((r) => r.id)).size).toBe(60);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 150_000);
});

describe('parallax start beside a parallax worker (scaling out)', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup(await startFixtureSite({ outlets: 6, articlesPerOutlet: 10, pageDelayMs: 50, firstHost: 80 }), REPEATED_POLLS);
  });
  afterAll(async () => s?.cleanup());

  test('two processes share the work and still fetch every page exactly once', async () => {
    const main = spawnCli(['start', '--config', s.config], s.env);
    const extra = spawnCli(['worker'], s.env);
    try {
      await Promise.all([main.waitFor(/listening/, 30_000), extra.waitFor(/worker ready/, 30_000)]);
      await eventually(async () => (await s.store.articles.countByStatus()).extracted === 60, 60_000, '60 extracted articles');
      // Several more polls of every feed, by whichever process takes them.
      const pollsBefore = (await s.store.feeds.recentPolls('outlet-5', 100)).length;
      await eventually(async () => (await s.store.feeds.recentPolls('outlet-5', 100)).length >= pollsBefore + 2, 20_000, 'two more polls');
      const rows = await articleRows(s.store);
      expect(rows).toHaveLength(60);
      const pageHits = [...s.site.hits].filter(([path]) => path.includes('/news/'));
      expect(pageHits).toHaveLength(60);
      expect(pageHits.every(([, n]) => n === 1)).toBe(true);
    } finally {
      main.child.kill('SIGTERM');
      extra.child.kill('SIGTERM');
      expect((await main.exited).code).toBe(0);
      expect((await extra.exited).code).toBe(0);
    }
  }, 120_000);
});
