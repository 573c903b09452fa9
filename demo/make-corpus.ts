/**
 * Writes demo/corpus/: the bundled offline corpus `parallax demo` serves (RSS feeds and article
 * pages), from the labelled multilingual set (tests/fixtures/events) and the planted comparison
 * event (tests/fixtures/compare/hostage-release.yaml). Run once after either changes:
 *   node bin/run-ts.js demo/make-corpus.ts
 * The planted event replaces the labelled set's telling of the same story (same outlets, same
 * URLs), so the demo shows the event whose divergences are known. Links are written as
 * `{{BASE}}/...`: the demo's local server fills in its own address when it serves them.
 * Feeds carry each story's paragraphs (content:encoded), as many outlets' feeds do: the set's
 * stories are a few sentences, below the length at which extraction takes a page for an article,
 * and without them most demo articles would be clustered on their titles alone.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadLabelledSet } from '../bench/cluster/labelled-set.js';
import { loadYamlFile } from '../src/config/yaml-file.js';
import { CORPUS_DIR, type CorpusFeed } from '../src/demo/corpus.js';

const PLANTED = 'tests/fixtures/compare/hostage-release.yaml';

/** The labelled set names outlets only; these are the countries they are placed in (placeholders, like the outlets). */
const COUNTRY: Record<string, string> = {
  Alakhbar: 'MR', Burkina24: 'BF', Cridem: 'MR', Echorouk: 'DZ', Hespress: 'MA', 'Hespress FR': 'MA', Le360: 'MA',
  'Maghreb Daily': 'TN', 'Maghreb Hebdo': 'TN', Maliweb: 'ML', 'Morocco World': 'MA', 'Niamey Info': 'NE', ORTM: 'ML',
  'Revue du Sahel': 'BF', 'Sahel Arabic': 'MR', 'Sahel Wire': 'NE', 'Seed outlet (opinion)': 'MA', 'TSA Algérie': 'DZ',
  'West Africa Daily': 'GH', 'Mali Daily': 'ML',
};

interface CorpusArticle { id: string; outlet: string; country: string; language: string; published: Date; title: string; text: string }

const plantedSchema = z.object({
  articles: z.array(z.object({
    id: z.string(), outlet: z.string(), country: z.string(), language: z.string(),
    published: z.union([z.date(), z.string()]).transform((d) => new Date(d)), title: z.string(), text: z.string(),
  }).passthrough()),
}).passthrough();

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function articles(): CorpusArticle[] {
  const labelled = loadLabelledSet();
  const planted = existsSync(PLANTED) ? loadYamlFile(PLANTED, plantedSchema).articles : [];
  // The labelled story that the planted event tells again, with its divergences placed on purpose.
  const replaced = planted.length ? labelled.find((l) => l.seed)!.gold : null;
  return [
    ...labelled.filter((l) => l.gold !== replaced).map((l) => ({
      id: l.article.id, outlet: l.article.outlet, country: COUNTRY[l.article.outlet] ?? 'ML', language: l.article.language,
      published: l.article.published!, title: l.article.title, text: l.article.text,
    })),
    ...planted.map((a) => ({ id: a.id, outlet: a.outlet, country: a.country, language: a.language, published: a.published, title: a.title, text: a.text })),
  ];
}

function paragraphs(a: CorpusArticle): string {
  return a.text.split(/\n+/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${escape(p)}</p>`).join('\n');
}

function page(a: CorpusArticle): string {
  return `<!doctype html>\n<html lang="${a.language}"${a.language === 'ar' ? ' dir="rtl"' : ''}><head><meta charset="utf-8">\n` +
    `<title>${escape(a.title)} | ${escape(a.outlet)}</title>\n<meta property="article:published_time" content="${a.published.toISOString()}">\n</head>\n` +
    `<body><header><nav><a href="/">${escape(a.outlet)}</a></nav></header>\n<main><article><h1>${escape(a.title)}</h1>\n${paragraphs(a)}\n</article></main>\n` +
    `<footer>Demo corpus: outlet and wording invented for Parallax's tests.</footer></body></html>\n`;
}

function rss(feed: CorpusFeed, items: CorpusArticle[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escape(feed.outlet)}</title><link>{{BASE}}/</link><language>${feed.language}</language>\n` +
    items.map((a) => `<item><title>${escape(a.title)}</title><link>{{BASE}}/articles/${feed.id}/${a.id}.html</link><guid isPermaLink="false">${a.id}</guid>` +
      `<pubDate>${a.published.toUTCString()}</pubDate><content:encoded><![CDATA[${paragraphs(a)}]]></content:encoded></item>\n`).join('') + `</channel></rss>\n`;
}

const all = articles();
const dup = all.find((a, i) => all.findIndex((b) => b.id === a.id) !== i);
if (dup) throw new Error(`article id ${dup.id} twice: page paths would collide`);
const byFeed = new Map<string, CorpusArticle[]>();
for (const a of all) {
  const id = `${slug(a.outlet)}-${a.language}`;
  byFeed.set(id, [...(byFeed.get(id) ?? []), a]);
}
rmSync(CORPUS_DIR, { recursive: true, force: true });
mkdirSync(join(CORPUS_DIR, 'feeds'), { recursive: true });
const feeds: CorpusFeed[] = [];
for (const [id, items] of [...byFeed].sort(([a], [b]) => a.localeCompare(b))) {
  const feed: CorpusFeed = { id, outlet: items[0]!.outlet, country: items[0]!.country, language: items[0]!.language, path: `feeds/${id}.xml` };
  feeds.push(feed);
  writeFileSync(join(CORPUS_DIR, feed.path), rss(feed, items));
  mkdirSync(join(CORPUS_DIR, 'articles', id), { recursive: true });
  for (const a of items) writeFileSync(join(CORPUS_DIR, 'articles', id, `${a.id}.html`), page(a));
}
writeFileSync(join(CORPUS_DIR, 'feeds.json'), `${JSON.stringify(feeds, null, 1)}\n`);
console.log(`${CORPUS_DIR}: ${feeds.length} feeds, ${all.length} articles`);
