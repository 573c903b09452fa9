import type { LabelledArticle } from '../../bench/cluster/labelled-set.js';
import type { Store } from '../../src/store/index.js';

/**
 * Stores labelled articles (tests/fixtures/events) as extracted articles, each outlet its own feed,
 * ready for event assignment. Returns labelled id → stored article id.
 */
export async function storeLabelled(store: Store, set: LabelledArticle[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const { article } of set) {
    const feedId = article.outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    await store.feeds.sync([...(await store.feeds.list()).map((f) => ({ id: f.id, url: f.url, outlet: f.outlet, country: f.country, language: f.language, intervalMs: f.interval_ms, tags: [], robots: true })),
      { id: feedId, url: `https://${feedId}.example/feed`, outlet: article.outlet, country: 'ML', language: article.language, intervalMs: 900_000, tags: [], robots: true }]);
    const [row] = await store.articles.insertDiscovered({ id: feedId, outlet: article.outlet, country: 'ML', language: article.language }, [{
      url: article.url, guid: article.id, title: article.title, published: article.published!.toISOString(), updated: null,
      summary: null, contentHtml: null, author: null, categories: [], image: null,
    }]);
    ids.set(article.id, row!.id);
    await store.articles.saveExtracted(row!.id, {
      finalUrl: article.url, httpStatus: 200, html: '', title: article.title, byline: null, published: article.published!.toISOString(),
      modified: null, language: { code: article.language, source: 'text' }, text: article.text, image: null, extraction: {},
    });
  }
  return ids;
}
