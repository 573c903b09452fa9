import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FeedConfig } from '../../src/config/feeds-config.js';
import { HttpClient } from '../../src/fetch/index.js';
import type { PipelineDeps } from '../../src/pipeline/deps.js';
import { pollFeed } from '../../src/pipeline/poll-feed.js';
import { feedView, openStore } from '../../src/store/index.js';
import { migratedPgliteMemory } from '../helpers/migrated-pglite.js';

/** poll-feed's decisions about when (not) to poll, and conditional GET, against a real server and store. */
const ETAG = '"v1"';
let server: Server;
let base = '';
let requests: { path: string; ifNoneMatch: string | undefined }[] = [];
let deps: PipelineDeps;

/** 1,200 items, dated a minute apart but listed out of order, then 10 undated ones. */
const FLOOD_DATED = 1_200;
const floodDate = (i: number) => new Date(Date.UTC(2025, 7, 1) - i * 60_000);
function floodFeed(name: string): string {
  const order = Array.from({ length: FLOOD_DATED }, (_, i) => (i * 7) % FLOOD_DATED);
  const dated = order.map((i) => `<item><title>N${i}</title><link>${base}/${name}/n/${i}.html</link><pubDate>${floodDate(i).toUTCString()}</pubDate></item>`);
  const undated = Array.from({ length: 10 }, (_, i) => `<item><title>U${i}</title><link>${base}/${name}/u/${i}.html</link></item>`);
  return `<rss version="2.0"><channel><title>Flood</title>${dated.join('')}${undated.join('')}</channel></rss>`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
    if (req.url === '/down.xml') return void res.writeHead(503, { 'retry-after': '3600' }).end();
    if (req.url?.startsWith('/flood')) return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(floodFeed(req.url.slice(1, -4)));
    if (req.headers['if-none-match'] === ETAG) return void res.writeHead(304, { etag: ETAG }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG }).end(
      `<rss version="2.0"><channel><title>Feed</title><item><title>A</title><link>${base}/a.html</link></item></channel></rss>`,
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  deps = { store: await openStore(await migratedPgliteMemory()), http: new HttpClient({ perHostGapMs: 0 }), log: pino({ level: 'silent' }) };
}, 180_000);
afterAll(async () => {
  await deps.http.close();
  await deps.store.close();
  server.closeAllConnections();
  server.close();
});

const feed = (id: string, path: string): FeedConfig => ({
  id, url: `${base}${path}`, outlet: id, country: 'MA', language: 'fr', intervalMs: 60_000, tags: [], robots: true,
});

describe('the per-feed item cap', () => {
  test('a feed serving 1,210 items: the 500 newest are stored, the rest counted in its health and its poll', async () => {
    await deps.store.feeds.sync([feed('flood', '/flood.xml')]);
    const r = await pollFeed('flood', deps);
    expect(r).toMatchObject({ outcome: 'ok', items: FLOOD_DATED + 10, itemsDropped: FLOOD_DATED + 10 - 500 });
    expect(r.outcome === 'ok' && r.newArticles).toHaveLength(500);
    const stored = await deps.store.articles.list({ feedId: 'flood', limit: 1_000 });
    expect(stored.map((a) => a.url).sort()).toEqual(Array.from({ length: 500 }, (_, i) => `${base}/flood/n/${i}.html`).sort());
    const view = feedView((await deps.store.feeds.get('flood'))!);
    expect(view).toMatchObject({ maxItems: 500, itemsDropped: 710, itemsTotal: 500 });
    const [poll] = await deps.store.feeds.recentPolls('flood', 1);
    expect(poll).toMatchObject({ items: 1_210, new_items: 500, items_dropped: 710 });
  });

  test("a feed's own maxItems applies, and a raised cap takes the next newest on the next poll", async () => {
    await deps.store.feeds.sync([{ ...feed('flood-3', '/flood3.xml'), maxItems: 3 }]);
    const r = await pollFeed('flood-3', deps);
    expect(r.outcome === 'ok' && r.newArticles.map((a) => a.url)).toEqual([0, 1, 2].map((i) => `${base}/flood3/n/${i}.html`));
    await deps.store.feeds.sync([{ ...feed('flood-3', '/flood3.xml'), maxItems: 5 }]);
    const again = await pollFeed('flood-3', deps, { force: true });
    expect(again.outcome === 'ok' && again.newArticles.map((a) => a.url).sort()).toEqual([3, 4].map((i) => `${base}/flood3/n/${i}.html`));
    expect(feedView((await deps.store.feeds.get('flood-3'))!).itemsDropped).toBe(1_205);
  });
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
