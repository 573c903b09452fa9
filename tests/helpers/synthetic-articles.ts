import type { Store } from '../../src/store/index.js';

/** One outlet for every synthetic article: what is tested is the events, not the outlets. */
const FEED = { id: 'merging-wire', outlet: 'Merging Wire', country: 'ML', language: 'en' } as const;

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'ten', 'vas', 'dor', 'pel', 'zun', 'fi', 'gor', 'hal', 'nex', 'tuv', 'bri', 'sol'];

/** Words no other story uses: a story's own vocabulary, so that only a bridging account joins two. */
function storyWords(story: number, n: number): string[] {
  const r = rng(story * 7919 + 17);
  return Array.from({ length: n }, (_, k) => `${SYLLABLES[Math.floor(r() * 16)]}${SYLLABLES[Math.floor(r() * 16)]}${SYLLABLES[(story + k) % 16]}${story}q${k}`);
}

/** Who and how many: a story's names and figures (the clusterer's language-neutral keys). */
function storyKeys(story: number): string[] {
  const [first, second] = storyWords(story + 100_000, 2).map((w) => w.charAt(0).toUpperCase() + w.slice(1).replace(/q\d+$/, ''));
  return [`${first} ${second}`, String(1000 + 37 * story)];
}

function text(words: string[], keys: string[], seed: number): string {
  const r = rng(seed);
  return Array.from({ length: 4 }, (_, p) => `${keys[p % keys.length]} ` + Array.from({ length: 14 }, () => words[Math.floor(r() * words.length)]!).join(' ') + '.').join('\n\n');
}

/**
 * Stores `pairs` × 3 extracted articles that make the clusterer merge events: for each pair, an
 * account of story A, one of story B (no word in common, so two events), then one telling both,
 * which joins one and bridges it to the other: a merge of an event created a moment before.
 * Publication order is that order, so one assignment batch sees creation, join and merge.
 */
export async function storeMergingArticles(store: Store, pairs: number, start = new Date('2025-08-01T00:00:00Z')): Promise<string[]> {
  await store.feeds.sync([{ id: FEED.id, url: 'http://127.0.0.1:9/merging.xml', outlet: FEED.outlet, country: FEED.country, language: FEED.language, intervalMs: 900_000, tags: [], robots: false }]);
  const items: { url: string; title: string; published: string; text: string }[] = [];
  for (let p = 0; p < pairs; p++) {
    const a = storyWords(2 * p, 12);
    const b = storyWords(2 * p + 1, 12);
    const at = (k: number) => new Date(start.getTime() + (3 * p + k) * 60_000).toISOString();
    items.push({ url: `https://merging.example/${p}/a`, title: `${a[0]} ${a[1]}`, published: at(0), text: text(a, storyKeys(2 * p), 3 * p) });
    items.push({ url: `https://merging.example/${p}/b`, title: `${b[0]} ${b[1]}`, published: at(1), text: text(b, storyKeys(2 * p + 1), 3 * p + 1) });
    items.push({ url: `https://merging.example/${p}/both`, title: `${a[0]} ${b[0]}`, published: at(2), text: text([...a, ...b], [...storyKeys(2 * p), ...storyKeys(2 * p + 1)], 3 * p + 2) });
  }
  const rows = await store.articles.insertDiscovered(FEED, items.map((it) => ({
    url: it.url, guid: it.url, title: it.title, published: it.published, updated: null, summary: null, contentHtml: null, author: null, categories: [], image: null,
  })));
  const byUrl = new Map(items.map((it) => [it.url, it]));
  for (const row of rows) {
    const it = byUrl.get(row.url)!;
    await store.articles.saveExtracted(row.id, {
      finalUrl: it.url, httpStatus: 200, html: '', title: it.title, byline: null, published: it.published,
      modified: null, language: { code: 'en', source: 'text' }, text: it.text, image: null, extraction: {},
    });
  }
  return rows.map((r) => r.id);
}
