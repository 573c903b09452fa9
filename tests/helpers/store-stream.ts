import type { ClusterArticle } from '../../src/cluster/index.js';
import type { Store } from '../../src/store/index.js';

/**
 * Stores a stream of articles as extracted articles, one feed per outlet, so that event assignment
 * reads them back as the clusterer received them. Returns the stored ids in the stream's order.
 */
export async function storeStream(store: Store, articles: readonly ClusterArticle[]): Promise<string[]> {
  const outlets = [...new Set(articles.map((a) => a.outlet))].sort();
  const feedOf = (outlet: string) => ({ id: `feed-${outlet}`, outlet, country: 'ML', language: 'fr' });
  await store.feeds.sync(outlets.map((o) => ({ ...feedOf(o), url: `http://127.0.0.1:9/${o}.xml`, intervalMs: 900_000, tags: [], robots: false })));
  const idOfUrl = new Map<string, string>();
  for (const outlet of outlets) {
    const mine = articles.filter((a) => a.outlet === outlet);
    const rows = await store.articles.insertDiscovered(feedOf(outlet), mine.map((a) => ({
      url: a.url, guid: a.url, title: a.title, published: a.published!.toISOString(), updated: null, summary: null, contentHtml: null, author: null, categories: [], image: null,
    })));
    for (const r of rows) idOfUrl.set(r.url, r.id);
  }
  for (const a of articles) {
    await store.articles.saveExtracted(idOfUrl.get(a.url)!, {
      finalUrl: a.url, httpStatus: 200, html: '', title: a.title, byline: null, published: a.published!.toISOString(),
      modified: null, language: { code: a.language, source: 'text' }, text: a.text, image: null, extraction: {},
    });
  }
  return articles.map((a) => idOfUrl.get(a.url)!);
}
