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
 * A brief: a page whose whole story is two short lines, under the extractor's bar for "surely an
 * article". When the feed gives less (a title alone), the page's lines are the best text there is;
 * when the feed gives more, the feed's text is kept, as for any page that is not an article.
 */
const BRIEF = 'Bamako, 12 août (AMAP) – Les quatre chauffeurs marocains sont arrivés à Bamako mardi soir.';
const page = (title: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body>` +
  `<nav><a href="/">Accueil</a> <a href="/politique">Politique</a></nav>` +
  `<article><h1>${title}</h1><p>${BRIEF}</p><p>Ils seront reçus mercredi par le ministre.</p></article>` +
  `<footer>© Agence</footer></body></html>`;
const LONGER_FEED_TEXT =
  '<p>Les quatre chauffeurs marocains libérés sont arrivés à Bamako mardi soir, accueillis par des représentants des deux gouvernements.</p>' +
  '<p>Ils seront reçus mercredi par le ministre des affaires étrangères avant leur retour au Maroc, a indiqué une source diplomatique.</p>';

let server: Server;
let base = '';
let store: Store;
let http: HttpClient;

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '/').split('?')[0]!;
  const item = (title: string, link: string, content = '') =>
    `<item><title>${title}</title><link>${base}${link}</link><pubDate>Tue, 12 Aug 2025 18:00:00 GMT</pubDate>${content ? `<content:encoded><![CDATA[${content}]]></content:encoded>` : ''}</item>`;
  if (path === '/feed.xml') {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Brèves</title><link>${base}/</link>` +
        item('Arrivée à Bamako', '/breve-1.html') +
        item('Arrivée à Bamako (suite)', '/breve-2.html', LONGER_FEED_TEXT) +
        `</channel></rss>`,
    );
    return;
  }
  if (path === '/breve-1.html' || path === '/breve-2.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Arrivée à Bamako'));
    return;
  }
  res.writeHead(404).end();
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store = await openStore(await migratedPgliteMemory());
  http = new HttpClient({ maxBodyBytes: 1 << 20, timeoutMs: 5_000, idleTimeoutMs: 2_000, perHostGapMs: 0, perHostConcurrency: 4 });
  const feed: FeedConfig = { id: 'breves', url: `${base}/feed.xml`, outlet: 'Brèves', country: 'ML', language: 'fr', intervalMs: 15 * 60_000, tags: [], robots: false };
  await runOnce([feed], { store, http, log: pino({ level: 'silent' }) }, { feedConcurrency: 1, articleConcurrency: 2 });
}, 60_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await http?.close();
  await store?.close();
});

describe('a brief under the bar for a sure article', () => {
  test('keeps the page\'s lines when the feed gives a title alone', async () => {
    const [a] = (await store.articles.list({ feedId: 'breves' })).filter((x) => x.url.endsWith('/breve-1.html'));
    expect(a?.status).toBe('extracted');
    expect(a?.text).toBe(`${BRIEF}\n\nIls seront reçus mercredi par le ministre.`);
  });

  test("keeps the feed's text when it says more", async () => {
    const [a] = (await store.articles.list({ feedId: 'breves' })).filter((x) => x.url.endsWith('/breve-2.html'));
    expect(a?.status).toBe('feed-content');
    expect(a?.text).toContain('accueillis par des représentants des deux gouvernements');
    expect(a?.fetch_error).toMatch(/too little text/);
  });
});
