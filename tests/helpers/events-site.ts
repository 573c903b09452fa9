import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadLabelledSet, type LabelledArticle } from '../../bench/cluster/labelled-set.js';

/**
 * The labelled multilingual event set (tests/fixtures/events) served as a news site: one RSS feed
 * per outlet and one article page per article, on 127.0.0.1. Page paths carry the labelled id, so
 * tests can map what Parallax stored back to the labels.
 */
export interface EventsSite {
  set: LabelledArticle[];
  feeds: { id: string; url: string; outlet: string; language: string }[];
  /** Labelled id of a stored article URL. */
  labelOf(url: string): string | undefined;
  close(): Promise<void>;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'outlet';

/** `only`: serve part of the set (a test that needs a few events, not all fourteen). */
export async function startEventsSite(only: (l: LabelledArticle) => boolean = () => true): Promise<EventsSite> {
  const set = loadLabelledSet().filter(only);
  const byOutlet = new Map<string, LabelledArticle[]>();
  for (const l of set) byOutlet.set(slug(l.article.outlet), [...(byOutlet.get(slug(l.article.outlet)) ?? []), l]);
  const byId = new Map(set.map((l) => [l.article.id, l]));
  let base = '';

  const page = (l: LabelledArticle) => {
    const a = l.article;
    const paragraphs = a.text.split(/\n+/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${escape(p)}</p>`).join('\n');
    return `<!doctype html><html lang="${a.language}"${a.language === 'ar' ? ' dir="rtl"' : ''}><head><meta charset="utf-8">` +
      `<title>${escape(a.title)}</title><meta property="article:published_time" content="${a.published!.toISOString()}"></head>` +
      `<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>${escape(a.title)}</h1>\n${paragraphs}\n</article></main>` +
      `<footer>© ${escape(a.outlet)}</footer></body></html>`;
  };
  const feed = (outlet: string, items: LabelledArticle[]) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escape(items[0]!.article.outlet)}</title><link>${base}/${outlet}/</link>` +
    items.map((l) => `<item><title>${escape(l.article.title)}</title><link>${base}/${outlet}/${encodeURIComponent(l.article.id)}.html</link>` +
      `<pubDate>${l.article.published!.toUTCString()}</pubDate></item>`).join('') +
    `</channel></rss>`;

  const server: Server = createServer((req, res) => {
    const m = /^\/([^/]+)\/(?:feed\.xml|([^/]+)\.html)$/.exec((req.url ?? '').split('?')[0]!);
    const items = m ? byOutlet.get(m[1]!) : undefined;
    if (m && items && !m[2]) return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed(m[1]!, items));
    const l = m?.[2] ? byId.get(decodeURIComponent(m[2])) : undefined;
    if (l) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(l));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    set,
    feeds: [...byOutlet].map(([outlet, items]) => ({ id: outlet, url: `${base}/${outlet}/feed.xml`, outlet: items[0]!.article.outlet, language: items[0]!.article.language })),
    labelOf: (url) => /\/([^/]+)\.html$/.exec(url)?.[1]?.replace(/%[0-9A-F]{2}/gi, (x) => decodeURIComponent(x)),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** feeds.yaml for the site. */
export function eventsFeedsYaml(site: EventsSite): string {
  return `feeds:\n${site.feeds.map((f) => `  - { id: ${f.id}, url: "${f.url}", outlet: ${JSON.stringify(f.outlet)}, country: ML, language: ${f.language}, robots: false }`).join('\n')}\n`;
}
