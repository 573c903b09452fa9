import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FeedConfig } from '../../src/config/feeds-config.js';
import { HttpClient } from '../../src/fetch/index.js';
import { runOnce, type RunOnceSummary } from '../../src/pipeline/run-once.js';
import { openStore, type Store } from '../../src/store/index.js';
import { migratedPgliteMemory } from '../helpers/migrated-pglite.js';

/**
 * Acceptance point 3 of issue 2, end to end through the real pipeline (`run-once`'s stages, real
 * HTTP client, real store): every kind of bad input a feed can serve gets a clear error recorded
 * against that feed, and the good feeds polled alongside it are ingested as if nothing happened.
 */

const CAP = 256 * 1024;
// 64 MiB of spaces compress to ~64 KiB: only a cap on decompressed bytes stops it. Compressed once,
// before the run: compressing inside the handler blocked this process (server and pipeline alike)
// for seconds on a loaded machine, and the other feeds' idle timers fired meanwhile.
const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
const goodArticle = (n: number) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Bonne dépêche ${n}</title></head><body>` +
  `<article><h1>Bonne dépêche ${n}</h1>${'<p>Les autorités ont annoncé la libération des quatre chauffeurs marocains enlevés en janvier près de la frontière.</p>'.repeat(4)}</article></body></html>`;

const rss = (base: string, title: string, items: { title: string; path: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>${base}/</link>` +
  items.map((i) => `<item><title>${i.title}</title><link>${base}${i.path}</link><pubDate>Tue, 12 Aug 2025 10:00:00 GMT</pubDate></item>`).join('') +
  `</channel></rss>`;

let server: Server;
let base = '';
const openSockets = new Set<ServerResponse>();

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '/').split('?')[0]!;
  const xml = { 'content-type': 'application/rss+xml; charset=utf-8' };
  switch (path) {
    case '/good.xml':
      res.writeHead(200, xml).end(rss(base, 'Good', [{ title: 'Un', path: '/a/1.html' }, { title: 'Deux', path: '/a/2.html' }, { title: 'Page perdue', path: '/a/missing.html' }]));
      return;
    case '/a/1.html':
    case '/a/2.html':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(goodArticle(Number(path[3])));
      return;
    case '/malformed.xml':
      res.writeHead(200, xml).end('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>A</title></chan');
      return;
    case '/html-instead.xml':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html><head><title>Welcome</title></head><body><p>Our new website!</p></body></html>');
      return;
    case '/gone.xml':
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    case '/broken.xml':
      res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      return;
    case '/hang.xml':
      openSockets.add(res); // never answers
      return;
    case '/drip.xml': {
      openSockets.add(res);
      res.writeHead(200, xml);
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      const timer = setInterval(() => res.write(' '), 2_000);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case '/loop-a.xml':
      res.writeHead(302, { location: '/loop-b.xml' }).end();
      return;
    case '/loop-b.xml':
      res.writeHead(301, { location: '/loop-a.xml' }).end();
      return;
    case '/huge.xml':
      res.writeHead(200, xml).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>${'x'.repeat(CAP * 2)}</title></channel></rss>`);
      return;
    case '/bomb.xml':
      res.writeHead(200, { ...xml, 'content-encoding': 'gzip' }).end(BOMB);
      return;
    case '/latin1-no-charset.xml':
      // windows-1252 bytes, no charset anywhere: must not come out as mojibake.
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        iconv.encode(rss(base, 'Élysée', [{ title: 'Sécurité au Sahel : l’armée déployée', path: '/b/gone.html' }]).replace(' encoding="UTF-8"', ''), 'windows-1252'),
      );
      return;
    case '/arabic-wrong-header.xml':
      // windows-1256 bytes declared in the prolog, while the server claims nothing useful.
      res.writeHead(200, { 'content-type': 'text/xml' }).end(
        iconv.encode(rss(base, 'الأخبار', [{ title: 'الإفراج عن السائقين المغاربة', path: '/c/gone.html' }]).replace('encoding="UTF-8"', 'encoding="windows-1256"'), 'windows-1256'),
      );
      return;
    default:
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

const feed = (id: string, path: string): FeedConfig => ({
  id,
  url: `${base}${path}`,
  outlet: id,
  country: 'ML',
  language: 'fr',
  intervalMs: 15 * 60_000,
  tags: [],
  robots: false,
});

let store: Store;
let http: HttpClient;
let summary: RunOnceSummary;

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store = await openStore(await migratedPgliteMemory());
  http = new HttpClient({ maxBodyBytes: CAP, timeoutMs: 3_000, idleTimeoutMs: 1_000, perHostGapMs: 0, perHostConcurrency: 16 });
  const feeds = [
    feed('good', '/good.xml'),
    feed('malformed', '/malformed.xml'),
    feed('html-instead', '/html-instead.xml'),
    feed('gone', '/gone.xml'),
    feed('broken', '/broken.xml'),
    feed('hang', '/hang.xml'),
    feed('drip', '/drip.xml'),
    feed('loop', '/loop-a.xml'),
    feed('huge', '/huge.xml'),
    feed('bomb', '/bomb.xml'),
    feed('latin1', '/latin1-no-charset.xml'),
    feed('arabic', '/arabic-wrong-header.xml'),
  ];
  summary = await runOnce(feeds, { store, http, log: pino({ level: 'silent' }) }, { feedConcurrency: 12, articleConcurrency: 4 });
}, 90_000);

afterAll(async () => {
  for (const res of openSockets) res.destroy();
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await http?.close();
  await store?.close();
});

describe('bad feeds are recorded against themselves and stop nothing else', () => {
  test.each([
    ['malformed', 'feed-malformed', /malformed|XML|unclosed|unexpected/i],
    ['html-instead', 'feed-not-a-feed', /HTML/i],
    ['gone', 'http-status', /404/],
    ['broken', 'http-status', /500/],
    ['hang', 'timeout', /time/i],
    ['drip', 'timeout', /time|slow|idle/i],
    ['loop', 'redirect-loop', /redirect/i],
    ['huge', 'too-large', /limit|large|exceed/i],
    ['bomb', 'too-large', /limit|large|exceed/i],
  ])('%s → %s', async (id, kind, words) => {
    const row = await store.feeds.get(id);
    expect(row?.last_error_kind).toBe(kind);
    expect(row?.last_error).toMatch(words);
    // The message names the feed's URL, so the analyst knows where to look.
    expect(row?.last_error).toContain(`${base}/`);
    expect(row?.consecutive_errors).toBe(1);
    expect(row?.next_poll_at?.getTime()).toBeGreaterThan(Date.now());
    const polls = await store.feeds.recentPolls(id);
    expect(polls).toHaveLength(1);
    expect(polls[0]!.outcome).toBe('error');
    expect(polls[0]!.error_kind).toBe(kind);
  });

  test('the good feed is ingested in full despite its neighbours', async () => {
    expect(summary.feeds).toEqual({ ok: 3, notModified: 0, errors: 9, skipped: 0 });
    const good = await store.articles.list({ feedId: 'good' });
    const byPath = new Map(good.map((a) => [new URL(a.url).pathname, a]));
    expect([...byPath.keys()].sort()).toEqual(['/a/1.html', '/a/2.html', '/a/missing.html']);
    // Extracted from the page: the page's own title replaces the feed's.
    expect(byPath.get('/a/1.html')?.status).toBe('extracted');
    expect(byPath.get('/a/1.html')?.title).toBe('Bonne dépêche 1');
    expect(byPath.get('/a/1.html')?.text).toContain('libération des quatre chauffeurs');
    // A page that cannot be fetched keeps the feed's entry, with the reason recorded.
    expect(byPath.get('/a/missing.html')?.status).toBe('feed-content');
    expect(byPath.get('/a/missing.html')?.title).toBe('Page perdue');
    expect(byPath.get('/a/missing.html')?.fetch_error).toMatch(/404/);
    expect((await store.feeds.get('good'))?.last_error).toBeNull();
  });

  test('a missing charset (windows-1252) and a prolog-only charset (windows-1256) decode correctly', async () => {
    // Their pages are gone, so the titles stored are the feeds' own.
    const [latin] = await store.articles.list({ feedId: 'latin1' });
    expect(latin?.title).toBe('Sécurité au Sahel : l’armée déployée');
    expect((await store.feeds.get('latin1'))?.title).toBe('Élysée');
    const [arabic] = await store.articles.list({ feedId: 'arabic' });
    expect(arabic?.title).toBe('الإفراج عن السائقين المغاربة');
    expect((await store.feeds.get('arabic'))?.title).toBe('الأخبار');
  });
});
