import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FeedConfig } from '../../src/config/feeds-config.js';
import { HttpClient } from '../../src/fetch/index.js';
import type { PipelineDeps } from '../../src/pipeline/deps.js';
import { pollFeed } from '../../src/pipeline/poll-feed.js';
import { openStore } from '../../src/store/index.js';
import { migratedPgliteMemory } from '../helpers/migrated-pglite.js';

/** poll-feed's decisions about when (not) to poll, and conditional GET, against a real server and store. */
const ETAG = '"v1"';
let server: Server;
let base = '';
let requests: { path: string; ifNoneMatch: string | undefined }[] = [];
let deps: PipelineDeps;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
    if (req.url === '/down.xml') return void res.writeHead(503, { 'retry-after': '3600' }).end();
    if (req.headers['if-none-match'] === ETAG) return void res.writeHead(304, { etag: ETAG }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG }).end(
      `<rss version="2.0"><channel><title>Feed</title><item><title>A</title><link>${base}/a.html</link></item></channel></rss>`,
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  deps = { store: await openStore(await migratedPgliteMemory()), http: new HttpClient({ perHostGapMs: 0 }), log: pino({ level: 'silent' }) };
});
afterAll(async () => {
  await deps.http.close();
  await deps.store.close();
  server.closeAllConnections();
  server.close();
});

const feed = (id: string, path: string): FeedConfig => ({
  id, url: `${base}${path}`, outlet: id, country: 'MA', language: 'fr', intervalMs: 60_000, tags: [], robots: true,
});

describe('pollFeed', () => {
  test('sends the stored validators and records a 304 as a success with nothing new', async () => {
    await deps.store.feeds.sync([feed('f', '/feed.xml'), feed('down', '/down.xml')]);
    requests = [];
    const first = await pollFeed('f', deps);
    expect(first).toMatchObject({ outcome: 'ok', items: 1 });
    const second = await pollFeed('f', deps);
    expect(second).toEqual({ outcome: 'not-modified', feedId: 'f' });
    expect(requests.map((r) => r.ifNoneMatch)).toEqual([undefined, ETAG]);
    const row = await deps.store.feeds.get('f');
    expect(row?.etag).toBe(ETAG);
    expect(row?.consecutive_errors).toBe(0);
  });

  test('a failing feed backs off at least as long as Retry-After asks, and is skipped until then unless forced', async () => {
    const now = Date.now();
    const r = await pollFeed('down', deps);
    expect(r.outcome).toBe('error');
    if (r.outcome !== 'error') return;
    expect(r.kind).toBe('http-status');
    expect(r.nextPollAt.getTime()).toBeGreaterThanOrEqual(now + 3_600_000);
    expect(await pollFeed('down', deps)).toMatchObject({ outcome: 'skipped', reason: 'backing-off' });
    const forced = await pollFeed('down', deps, { force: true });
    expect(forced).toMatchObject({ outcome: 'error', streak: 2 });
  });

  test('a feed removed from the config is kept but no longer polled', async () => {
    await deps.store.feeds.sync([feed('down', '/down.xml')]);
    requests = [];
    expect(await pollFeed('f', deps)).toEqual({ outcome: 'skipped', feedId: 'f', reason: 'inactive' });
    expect(await pollFeed('nope', deps)).toEqual({ outcome: 'skipped', feedId: 'nope', reason: 'unknown-feed' });
    expect(requests).toEqual([]);
    expect((await deps.store.feeds.get('f'))?.active).toBe(false);
  });
});
