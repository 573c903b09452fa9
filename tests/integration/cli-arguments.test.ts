import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli-process.js';
import { freshPostgres } from '../helpers/databases.js';
import { fixtureFeedsYaml, startFixtureSite, type FixtureSite } from '../helpers/fixture-site.js';
import { copyMigratedDataDir } from '../helpers/migrated-pglite.js';
import { dropPrefix, TEST_REDIS_URL, testPrefix } from '../helpers/redis-prefix.js';

/**
 * The command line refuses what it cannot use before it does anything: a bad argument is
 * one line on stderr and exit 2, with no feed synced, no scheduler touched, no database created; and
 * `run-once` says with its exit code when alerts could not be delivered.
 */
const oneLine = (stderr: string) => stderr.trim().split('\n');

describe('arguments are checked before any side effect', () => {
  let dir: string;
  let db: { url: string; drop(): Promise<void> };
  const prefix = testPrefix();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'px-cli-args-'));
    db = await freshPostgres();
    writeFileSync(join(dir, 'feeds.yaml'), 'feeds:\n  - { id: one, url: "http://127.0.0.1:9/feed.xml", outlet: One, country: ML, language: fr }\n');
  });
  afterAll(async () => {
    await db?.drop();
    await dropPrefix(prefix);
    rmSync(dir, { recursive: true, force: true });
  });

  test('start --port abc: one line, exit 2, no feed synced and nothing written to Redis', async () => {
    const r = await runCli(['start', '--config', join(dir, 'feeds.yaml'), '--port', 'abc'], { DATABASE_URL: db.url, PARALLAX_QUEUE_PREFIX: prefix });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^parallax: .*--port.*"abc" is not a port number/);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const tables = await client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'feeds'`);
      expect(tables.rows[0].n).toBe(0); // not even migrated
    } finally {
      await client.end();
    }
    const redis = new Redis(TEST_REDIS_URL);
    try {
      expect(await redis.keys(`${prefix}:*`)).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });

  test.each([
    [['articles', '--limit', 'abc'], /"abc" is not a positive whole number/],
    [['events', '--limit', '0'], /"0" is not a positive whole number/],
    [['demo', '--port', '70000'], /"70000" is not a port number/],
    [['articles', '--no-such-option'], /unknown option '--no-such-option'/],
  ])('%j: one line, exit 2, no help dumped', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  test('--help still prints the help and exits 0', async () => {
    const r = await runCli(['articles', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--limit <n>');
  });

  test.each([
    [['articles', '--data']],
    [['events', '--data']],
    [['alerts', 'list', '--data']],
    [['compare', 'ev-x', '--data']],
    [['run-once', '--config', 'CONFIG', '--data']],
  ])('%j a path that holds no database: refused in one line, nothing created', async (args) => {
    const typo = join(dir, 'typo', 'data');
    const full = [...args.map((a) => (a === 'CONFIG' ? join(dir, 'feeds.yaml') : a)), typo];
    const r = await runCli(full, { DATABASE_URL: '' });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr), r.stderr).toHaveLength(1);
    expect(r.stderr).toContain(`--data ${typo}: no Parallax database there`);
    expect(r.stderr).toContain('--init');
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });

  test('PARALLAX_DATA_DIR is a choice too: a path without a database is refused', async () => {
    const typo = join(dir, 'env-typo');
    const r = await runCli(['articles'], { DATABASE_URL: '', PARALLAX_DATA_DIR: typo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--data ${typo}: no Parallax database there`);
    expect(existsSync(typo)).toBe(false);
  });

  test('a path that holds a database is opened as before', async () => {
    const data = join(dir, 'existing');
    await copyMigratedDataDir(data);
    const r = await runCli(['articles', '--data', data, '--json'], { DATABASE_URL: '' });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  }, 120_000);
});

describe('run-once exit code 3 when deliveries are dead', () => {
  let site: FixtureSite;
  let receiver: Server;
  let dir: string;
  let data: string;

  beforeAll(async () => {
    site = await startFixtureSite({ outlets: 2, articlesPerOutlet: 2, firstHost: 70 });
    // A receiver that refuses every alert: with one attempt allowed, each delivery is dead at once.
    receiver = createServer((_req, res) => res.writeHead(500).end('down'));
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    dir = mkdtempSync(join(tmpdir(), 'px-dead-'));
    data = join(dir, 'data');
    await copyMigratedDataDir(data);
    writeFileSync(join(dir, 'feeds.yaml'), fixtureFeedsYaml(site));
    writeFileSync(join(dir, 'watchlists.yaml'), `channels:
  desk: { type: webhook, url: "http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook", secretEnv: PX_DEAD_TEST_SECRET }
watchlists:
  - name: everything
    query: 'Dépêche OR outlet'
    triggers: [new-event]
    channels: [desk]
`);
  });
  afterAll(async () => {
    await site?.close();
    await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
    rmSync(dir, { recursive: true, force: true });
  });

  test('every delivery failed for good: the summary says so and the exit code is 3', async () => {
    const env = { DATABASE_URL: '', PARALLAX_HOST_GAP_MS: '0', PARALLAX_DELIVERY_ATTEMPTS: '1', PX_DEAD_TEST_SECRET: 'x' };
    const args = ['run-once', '--config', join(dir, 'feeds.yaml'), '--data', data, '--watchlists', join(dir, 'watchlists.yaml'), '--json'];
    const r = await runCli(args, env, 120_000);
    expect(r.code, r.stderr).toBe(3);
    const summary = JSON.parse(r.stdout);
    expect(summary.alerts.created).toBeGreaterThan(0);
    expect(summary.alerts.dead).toBeGreaterThan(0);
    expect(summary.alerts.sent).toBe(0);

    // Nothing new the second time, nothing dead in this run: exit 0.
    const again = await runCli(args, env, 120_000);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).alerts).toMatchObject({ created: 0, dead: 0 });
  }, 240_000);
});
