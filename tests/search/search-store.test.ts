import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { QuerySyntaxError } from '../../src/alerts/query.js';
import { loadVocabulary } from '../../src/cluster/index.js';
import type { FeedConfig } from '../../src/config/feeds-config.js';
import type { FeedItem } from '../../src/feeds/types.js';
import { searchArticles, type SearchRequest } from '../../src/pipeline/search.js';
import * as searchMigration from '../../src/store/migrations/0006-search.js';
import { articleId, openStore, type Store } from '../../src/store/index.js';
import { storageTargets } from '../helpers/databases.js';

const vocabulary = loadVocabulary('config/vocabulary');

const feed = (id: string, language: string, country: string): FeedConfig => ({
  id, url: `https://${id}.example/feed`, outlet: id.toUpperCase(), country, language, intervalMs: 900_000, tags: [], robots: true,
});

const item = (n: number, title: string, published: string): FeedItem => ({
  url: `https://example.org/${n}`, guid: `g${n}`, title, published, updated: null,
  summary: null, contentHtml: null, author: null, categories: [], image: null,
});

/** Each article: feed, title, text (stored as extracted), published. */
const ARTICLES: [string, string, string, string][] = [
  ['ortm', 'Libération des otages marocains', "Les quatre otages ont été libérés à Kidal par les services maliens.", '2025-08-10T10:00:00Z'],
  ['aps', 'Mali: attaque contre un convoi', "Un convoi de l'armée a été attaqué près de Gao, faisant cinq morts.", '2025-08-12T10:00:00Z'],
  ['hespress', 'الإفراج عن رهينة مغربي', 'أعلنت السلطات في مالي الإفراج عن رهينة مغربي والجيش يؤكد', '2025-08-11T10:00:00Z'],
  ['reuters', 'Four Moroccan hostages freed in Mali', 'The truck drivers were held by Islamic State in the Sahel for months.', '2025-08-10T12:00:00Z'],
  ['reuters', 'Drought hits Niger farmers', 'Farmers in Niger say the harvest failed for the second year.', '2025-07-01T12:00:00Z'],
];

const FEEDS = { ortm: feed('ortm', 'fr', 'ML'), aps: feed('aps', 'fr', 'DZ'), hespress: feed('hespress', 'ar', 'MA'), reuters: feed('reuters', 'en', 'GB') };

async function seed(store: Store): Promise<void> {
  await store.feeds.sync(Object.values(FEEDS));
  for (const [n, [feedId, title, text, published]] of ARTICLES.entries()) {
    const f = FEEDS[feedId as keyof typeof FEEDS];
    await store.articles.insertDiscovered(f, [item(n, title, published)]);
    await store.articles.saveExtracted(articleId(`https://example.org/${n}`), {
      finalUrl: `https://example.org/${n}`, httpStatus: 200, html: '<p></p>', title: null, byline: null, published: null, modified: null,
      language: null, text, image: null, extraction: {},
    });
  }
}

const request = (query: string, over: Partial<SearchRequest> = {}): SearchRequest => ({
  query, filter: {}, page: { limit: 20, offset: 0, sort: 'relevance' }, ...over,
});

for (const backend of storageTargets) {
  describe(`search on ${backend.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    const titles = async (query: string, over: Partial<SearchRequest> = {}) =>
      (await searchArticles(store, vocabulary, request(query, over))).articles.map((a) => a.title).sort();

    beforeAll(async () => {
      const t = await backend.target();
      cleanup = t.cleanup;
      store = await openStore(t.target);
      await seed(store);
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    test('words meet their other forms: stems in English and French, folding and clitics in Arabic', async () => {
      expect(await titles('hostage')).toContain('Four Moroccan hostages freed in Mali');
      expect(await titles('otage')).toContain('Libération des otages marocains');
      // "and the authorities" finds "the authorities": the clitic و is stripped as watchlists strip it.
      expect(await titles('والسلطات')).toEqual(['الإفراج عن رهينة مغربي']);
    });

    test('a word finds the other forms of its vocabulary key, in any language', async () => {
      // The plural الرهائن finds the singular رهينة, and the English and French accounts too.
      expect(await titles('الرهائن')).toEqual(['Four Moroccan hostages freed in Mali', 'Libération des otages marocains', 'الإفراج عن رهينة مغربي']);
      expect(await titles('Mali')).toEqual(expect.arrayContaining(['الإفراج عن رهينة مغربي', 'Four Moroccan hostages freed in Mali']));
    });

    test('AND, OR, NOT, phrases and parentheses mean what they mean to a watchlist', async () => {
      expect(await titles('convoi AND Gao')).toEqual(['Mali: attaque contre un convoi']);
      expect(await titles('convoi Kidal')).toEqual([]);
      expect(await titles('Kidal OR Gao')).toEqual(['Libération des otages marocains', 'Mali: attaque contre un convoi']);
      expect(await titles('hostages NOT Sahel')).toEqual(['Libération des otages marocains', 'الإفراج عن رهينة مغربي']);
      expect(await titles('"truck drivers"')).toEqual(['Four Moroccan hostages freed in Mali']);
      expect(await titles('"drivers truck"')).toEqual([]);
      expect(await titles('(Niger OR Gao) AND NOT drought')).toEqual(['Mali: attaque contre un convoi']);
    });

    test('filters: language, country, outlet, time range', async () => {
      expect(await titles('hostages', { filter: { language: 'en' } })).toEqual(['Four Moroccan hostages freed in Mali']);
      expect(await titles('hostages', { filter: { country: 'MA' } })).toEqual(['الإفراج عن رهينة مغربي']);
      expect(await titles('Niger OR hostages', { filter: { outlet: 'REUTERS' } })).toHaveLength(2);
      expect(await titles('Niger OR hostages', { filter: { since: new Date('2025-08-01T00:00:00Z') } })).not.toContain('Drought hits Niger farmers');
      expect(await titles('Niger OR hostages', { filter: { until: new Date('2025-08-01T00:00:00Z') } })).toEqual(['Drought hits Niger farmers']);
    });

    test('ranked, with a snippet that marks the words that matched, and paged', async () => {
      const r = await searchArticles(store, vocabulary, request('convoi Gao'));
      expect(r.total).toBe(1);
      const hit = r.articles[0]!;
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.snippet).toContain('près de Gao');
      expect(hit.snippetMarks.map(([a, b]) => hit.snippet.slice(a, b))).toEqual(['convoi', 'Gao']);
      const byDate = await searchArticles(store, vocabulary, request('Mali OR Niger OR hostages', { page: { limit: 2, offset: 1, sort: 'date' } }));
      expect(byDate.total).toBe(5);
      expect(byDate.articles.map((a) => a.published)).toEqual(['2025-08-11T10:00:00.000Z', '2025-08-10T12:00:00.000Z']);
    });

    test('a malformed query is refused with its column', async () => {
      await expect(searchArticles(store, vocabulary, request('Gao AND (Kidal'))).rejects.toThrow(QuerySyntaxError);
      await expect(searchArticles(store, vocabulary, request('Gao AND (Kidal'))).rejects.toMatchObject({ column: 15 });
    });

    test('a store from before search is indexed by the migration', async () => {
      await searchMigration.down(store.database.db as never);
      await searchMigration.up(store.database.db as never);
      expect(await titles('convoi AND Gao')).toEqual(['Mali: attaque contre un convoi']);
      expect(await titles('الرهائن')).toHaveLength(3);
    });
  });
}
