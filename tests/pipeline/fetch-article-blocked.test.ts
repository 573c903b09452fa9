import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FeedConfig } from '../../src/config/feeds-config.js';
import { HttpClient } from '../../src/fetch/index.js';
import { runOnce } from '../../src/pipeline/run-once.js';
import { openStore, type Store } from '../../src/store/index.js';
import { migratedPgliteMemory } from '../helpers/migrated-pglite.js';

/**
 * An outlet's feed on 127.0.0.1 (configured, so trusted) whose items link to its own pages, to an
 * internal service on another loopback origin (127.0.0.2), and to an own page that redirects
 * there. Only the outlet's own pages are fetched; the rest is recorded as `blocked-address` on the
 * article, with the feed's text kept, and the internal service never sees a request.
 */
const STORY =
  '<p>Les autorités de la région ont annoncé mardi la réouverture de la route nationale après trois semaines de fermeture.</p>' +
  '<p>Les transporteurs attendaient cette décision depuis le début du mois, selon le syndicat des routiers de la région.</p>' +
  '<p>Le gouverneur a précisé que des patrouilles accompagneront les convois pendant les premiers jours de circulation.</p>';

let outlet: Server;
let internal: Server;
let base = '';
let internalBase = '';
const internalHits: string[] = [];
let store: Store;
let http: HttpClient;

function outletRoute(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  const item = (title: string, link: string) =>
    `<item><title>${title}</title><link>${link}</link><description>${title}: le texte du fil.</description><pubDate>Tue, 12 Aug 2025 18:00:00 GMT</pubDate></item>`;
  if (path === '/feed.xml') {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Route</title><link>${base}/</link>` +
        item('La route rouvre', `${base}/route.html`) +
        item('Lien interne', `${internalBase}/secret-internal`) +
        item('Lien redirigé', `${base}/moved.html`) +
        `</channel></rss>`,
    );
    return;
  }
  if (path === '/moved-feed.xml') return void res.writeHead(301, { location: `${internalBase}/feed.xml` }).end();
  if (path === '/moved.html') return void res.writeHead(302, { location: `${internalBase}/secret-internal` }).end();
  if (path === '/route.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html lang="fr"><head><title>La route rouvre</title></head><body><article><h1>La route rouvre</h1>${STORY}</article></body></html>`,
    );
    return;
  }
  res.writeHead(404).end();
}

async function listen(server: Server, host: string): Promise<string> {
  await new Promise<void>((r) => server.listen(0, host, () => r()));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  internal = createServer((req, res) => {
    internalHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><article>${STORY}</article></body></html>`);
  });
  internalBase = await listen(internal, '127.0.0.2');
  outlet = createServer(outletRoute);
  base = await listen(outlet, '127.0.0.1');
  store = await openStore(await migratedPgliteMemory());
  http = new HttpClient({ timeoutMs: 5_000, perHostGapMs: 0, perHostConcurrency: 4 });
  const feed = (id: string, path: string): FeedConfig => ({ id, url: `${base}${path}`, outlet: 'Route', country: 'ML', language: 'fr', intervalMs: 15 * 60_000, tags: [], robots: false });
  await runOnce([feed('route', '/feed.xml'), feed('moved', '/moved-feed.xml')], { store, http, log: pino({ level: process.env.TEST_LOG ?? 'silent' }) }, { feedConcurrency: 1, articleConcurrency: 2 });
}, 120_000);

afterAll(async () => {
  for (const s of [outlet, internal]) {
    s?.closeAllConnections();
    await new Promise<void>((r) => (s ? s.close(() => r()) : r()));
  }
  await http?.close();
  await store?.close();
});

describe('article links off the feed\'s origin to a private address', () => {
  test('the feed\'s own page is fetched and extracted', async () => {
    const [a] = (await store.articles.list({ feedId: 'route' })).filter((x) => x.url === `${base}/route.html`);
    expect(a?.status).toBe('extracted');
  });

  test('a link to another loopback origin is recorded as blocked-address, feed text kept', async () => {
    const [a] = (await store.articles.list({ feedId: 'route' })).filter((x) => x.url === `${internalBase}/secret-internal`);
    expect(a?.status).toBe('feed-content');
    expect(a?.fetch_error_kind).toBe('blocked-address');
    expect(a?.fetch_error).toContain('127.0.0.2 is a loopback address');
    expect(a?.text).toContain('le texte du fil');
  });

  test('an own page redirecting to another loopback origin is recorded as blocked-address', async () => {
    const [a] = (await store.articles.list({ feedId: 'route' })).filter((x) => x.url === `${base}/moved.html`);
    expect(a?.fetch_error_kind).toBe('blocked-address');
  });

  test('a feed redirected to a private address is a feed error of that kind', async () => {
    const feed = await store.feeds.get('moved');
    expect(feed?.last_error_kind).toBe('blocked-address');
  });

  test('the internal service was never asked for anything', () => {
    expect(internalHits).toEqual([]);
  });
});
