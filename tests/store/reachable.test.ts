import { Writable } from 'node:stream';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStoreWhenReachable } from '../../src/store/reachable.js';
import { eventually } from '../helpers/cli-process.js';
import { freshPostgres, TEST_DATABASE_URL } from '../helpers/databases.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

/** A logger whose lines the test reads. */
function capturingLogger() {
  const lines: { msg: string; [k: string]: unknown }[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: 'info' }, sink), lines };
}

const FAST = { firstMs: 50, maxMs: 200 };

describe('opening a PostgreSQL store that comes and goes', () => {
  let db: { url: string; drop(): Promise<void> };
  let proxy: TcpProxy;
  let viaProxy: string;
  beforeAll(async () => {
    db = await freshPostgres();
    const direct = new URL(db.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) }, { refusing: true });
    const u = new URL(db.url);
    u.port = String(proxy.port);
    u.searchParams.set('application_name', 'parallax-reachable-test');
    viaProxy = u.toString();
  });
  afterAll(async () => {
    await proxy?.close();
    await db?.drop();
  });

  test('waits, logging each refused attempt with its back-off, and opens once the database answers', async () => {
    const { log, lines } = capturingLogger();
    const opening = openStoreWhenReachable({ kind: 'postgres', url: viaProxy }, { log, backoff: FAST });
    await eventually(async () => lines.length >= 3, 10_000, 'three refused attempts', 20);
    await proxy.accept();
    const store = await opening;
    try {
      expect((await store.feeds.list()).length).toBe(0);
      const waits = lines.filter((l) => l.msg.startsWith('database unreachable'));
      expect(waits.length).toBeGreaterThanOrEqual(3);
      expect(waits.slice(0, 3).map((l) => l.retryInMs)).toEqual([50, 100, 200]);
      expect(waits[0]!.msg).toMatch(/ECONNREFUSED/);
    } finally {
      await store.close();
    }
  });

  test('a connection terminated under the open store is logged, not fatal, and the next query gets a new one', async () => {
    await proxy.accept();
    const { log, lines } = capturingLogger();
    const store = await openStoreWhenReachable({ kind: 'postgres', url: viaProxy }, { log, backoff: FAST });
    try {
      await store.feeds.list();
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'parallax-reachable-test' AND datname = $1", [
        new URL(db.url).pathname.slice(1),
      ]);
      await admin.end();
      await eventually(async () => lines.some((l) => l.msg.startsWith('PostgreSQL connection lost')), 10_000, 'the lost connection logged', 20);
      expect((await store.feeds.list()).length).toBe(0);
    } finally {
      await store.close();
    }
  });

  test('a database that does not exist is not waited for: the error comes at once', async () => {
    const { log, lines } = capturingLogger();
    const missing = new URL(TEST_DATABASE_URL);
    missing.pathname = '/parallax_no_such_database';
    await expect(openStoreWhenReachable({ kind: 'postgres', url: missing.toString() }, { log, backoff: FAST })).rejects.toThrow(/does not exist/);
    expect(lines.filter((l) => l.msg.startsWith('database unreachable'))).toEqual([]);
  });

  test('a database closed to connections by its operator (ALLOW_CONNECTIONS false) is waited for', async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    const name = new URL(db.url).pathname.slice(1);
    const { log, lines } = capturingLogger();
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      const opening = openStoreWhenReachable({ kind: 'postgres', url: db.url }, { log, backoff: FAST });
      await eventually(async () => lines.some((l) => /not currently accepting connections/.test(l.msg)), 10_000, 'a retry logged');
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      const store = await opening;
      expect(await store.feeds.list()).toEqual([]);
      await store.close();
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
  });
});
