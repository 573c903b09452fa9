import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local news site for integration tests and the ingestion benchmark: N outlets, each on its own
 * loopback address (127.0.0.N, all routed to `lo` on Linux) so per-host politeness applies per
 * outlet as it would on the internet, each with an RSS feed and article pages. Nothing leaves the
 * machine. Feeds can grow while the test runs, pages can be slowed down, and every request is
 * counted, so tests can assert that each page was fetched exactly once.
 */
export interface FixtureSiteOptions {
  outlets: number;
  articlesPerOutlet: number;
  /** Delay before each article page answers, to keep work in flight (crash tests). */
  pageDelayMs?: number;
  /** First loopback host number used: 127.0.0.<firstHost>. */
  firstHost?: number;
  /** What article `article` of outlet `outlet` says; default: a text of its own from a shared word list. */
  content?: (outlet: number, article: number) => ArticleContent;
}

export interface ArticleContent {
  title: string;
  paragraphs: string[];
  published: Date;
}

export interface FixtureOutlet {
  index: number;
  host: string;
  feedUrl: string;
  articles: number;
}

export interface FixtureSite {
  outlets: FixtureOutlet[];
  /** Requests per path ("http://host:port/path" → count). */
  hits: Map<string, number>;
  articleUrls(): string[];
  /** Publishes `n` more articles in an outlet's feed. */
  publish(outletIndex: number, n: number): void;
  pageDelayMs: number;
  close(): Promise<void>;
}

// Words to make sentences from: every article gets its own text, as real reports do, so that the
// events and duplicate stages downstream see distinct stories rather than one story 2,000 times.
const WORDS = (
  'autorités gouvernement armée ministre sécurité région frontière village marché route convoi otages libération ' +
  'attaque enquête délégation accord élection budget récolte sécheresse inondation école hôpital réfugiés famille ' +
  'commerce douane port pêche mine or uranium coton prix carburant électricité eau santé vaccin épidémie tribunal ' +
  'procès avocat journaliste radio syndicat grève étudiants université police gendarmerie patrouille base aérienne ' +
  'drone frappe négociation médiation sommet ambassade coopération bailleurs projet barrage irrigation semences ' +
  'council ministry talks ceasefire militia convoy ambush hostages release kidnapping border traders market fuel ' +
  'prices drought floods harvest refugees camp clinic outbreak court trial lawyer reporter strike students police ' +
  'patrol airbase drone strike mediation summit embassy cooperation donors dam irrigation seeds exports gold mine'
).split(' ');

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function paragraphs(outlet: number, article: number): string[] {
  return Array.from({ length: 6 }, (_, p) => {
    const r = rng(outlet * 100_003 + article * 101 + p + 1);
    const sentence = () => {
      const words = Array.from({ length: 12 + Math.floor(r() * 8) }, () => WORDS[Math.floor(r() * WORDS.length)]!);
      return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`;
    };
    return `${sentence()} ${sentence()} ${sentence()} (${outlet}-${article}-${p})`;
  });
}

/** The fixture's own text: every article distinct, all drawn from one word list. */
function wordListArticle(outlet: number, article: number): ArticleContent {
  return { title: `Dépêche ${article} de l’outlet ${outlet}`, paragraphs: paragraphs(outlet, article), published: new Date(Date.UTC(2025, 7, 1, article % 24)) };
}

function articlePage(outlet: number, article: number, base: string, content: ArticleContent): string {
  const { title } = content;
  const body = content.paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title} | Outlet ${outlet}</title>
<link rel="canonical" href="${base}/news/${article}.html">
<meta property="og:title" content="${title}"><meta property="article:published_time" content="${content.published.toISOString()}">
</head><body>
<header><nav><a href="/">Accueil</a> <a href="/politique">Politique</a> <a href="/securite">Sécurité</a> <a href="/economie">Économie</a></nav></header>
<main><article><h1>${title}</h1><p class="byline">Par Rédaction ${outlet}</p>
${body}
</article>
<aside class="related"><h2>À lire aussi</h2><ul>${[1, 2, 3].map((k) => `<li><a href="/news/${article + k}.html">Autre dépêche ${article + k}</a></li>`).join('')}</ul></aside></main>
<footer><p>© Outlet ${outlet}. Tous droits réservés.</p><a href="/contact">Contact</a></footer>
</body></html>`;
}

function feedXml(o: FixtureOutlet, base: string, content: (outlet: number, article: number) => ArticleContent): string {
  const items = Array.from({ length: o.articles }, (_, k) => o.articles - k).map(
    (a) => `<item><title>${content(o.index, a).title}</title><link>${base}/news/${a}.html?utm_source=rss</link>` +
      `<guid isPermaLink="false">outlet-${o.index}-${a}</guid><pubDate>${content(o.index, a).published.toUTCString()}</pubDate>` +
      `<description>Résumé de la dépêche ${a}.</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Outlet ${o.index}</title><link>${base}/</link>` +
    `<description>Fixture outlet</description>${items.join('')}</channel></rss>`;
}

export async function startFixtureSite(opts: FixtureSiteOptions): Promise<FixtureSite> {
  const hits = new Map<string, number>();
  const servers: Server[] = [];
  const outlets: FixtureOutlet[] = [];
  const site: FixtureSite = {
    outlets,
    hits,
    pageDelayMs: opts.pageDelayMs ?? 0,
    articleUrls: () => outlets.flatMap((o) => Array.from({ length: o.articles }, (_, k) => `${base(o)}/news/${k + 1}.html`)),
    publish: (i, n) => void (outlets[i]!.articles += n),
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); })));
    },
  };
  const base = (o: FixtureOutlet) => `http://${o.host}`;
  const content = opts.content ?? wordListArticle;
  const first = opts.firstHost ?? 10;
  for (let i = 0; i < opts.outlets; i++) {
    const address = `127.0.0.${first + i}`;
    const outlet: FixtureOutlet = { index: i, host: '', feedUrl: '', articles: opts.articlesPerOutlet };
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '/').split('?')[0]!;
      const key = `${base(outlet)}${path}`;
      hits.set(key, (hits.get(key) ?? 0) + 1);
      if (path === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feedXml(outlet, base(outlet), content));
        return;
      }
      const m = /^\/news\/(\d+)\.html$/.exec(path);
      if (m && Number(m[1]) <= outlet.articles) {
        const send = () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(i, Number(m[1]), base(outlet), content(i, Number(m[1]))));
        if (site.pageDelayMs > 0) setTimeout(send, site.pageDelayMs);
        else send();
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    };
    const server = createServer(handler);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, address, () => resolve());
    });
    servers.push(server);
    outlet.host = `${address}:${(server.address() as AddressInfo).port}`;
    outlet.feedUrl = `${base(outlet)}/feed.xml`;
    outlets.push(outlet);
  }
  return site;
}

/** A feeds.yaml for the site. */
export function fixtureFeedsYaml(site: Pick<FixtureSite, 'outlets'>, interval = '15m'): string {
  return `feeds:\n${site.outlets
    .map((o) => `  - { id: outlet-${o.index}, url: "${o.feedUrl}", outlet: "Outlet ${o.index}", country: ML, language: fr, interval: ${interval} }`)
    .join('\n')}\n`;
}
