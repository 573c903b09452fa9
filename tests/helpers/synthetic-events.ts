import type { FeedConfig } from '../../src/config/feeds-config.js';
import type { Store } from '../../src/store/index.js';

/** Outlets of three countries and three languages, so that list filters have something to tell apart. */
export const SYNTHETIC_FEEDS: FeedConfig[] = [
  { id: 'ortm', url: 'http://127.0.0.1:9/ortm.xml', outlet: 'ORTM', country: 'ML', language: 'fr', intervalMs: 900_000, tags: [], robots: false },
  { id: 'hespress', url: 'http://127.0.0.1:9/hespress.xml', outlet: 'Hespress', country: 'MA', language: 'ar', intervalMs: 900_000, tags: [], robots: false },
  { id: 'wire', url: 'http://127.0.0.1:9/wire.xml', outlet: 'Sahel Wire', country: 'SN', language: 'en', intervalMs: 900_000, tags: [], robots: false },
];

export interface SyntheticEvent {
  id: string;
  title: string;
  lastUpdated: Date;
  /** Feed ids of its articles, one article each. */
  feeds: string[];
  /** Countries the event is about. */
  about?: string[];
}

/**
 * Events written straight to the store (as the assigner would write them), for pages and lists
 * that only read: any number of them, with chosen outlets and times, in one transaction per batch.
 */
export async function writeEvents(store: Store, events: SyntheticEvent[]): Promise<void> {
  await store.feeds.sync(SYNTHETIC_FEEDS);
  const feeds = new Map(SYNTHETIC_FEEDS.map((f) => [f.id, f]));
  let seq = await store.events.maxSeq();
  for (let i = 0; i < events.length; i += 100) {
    const batch = events.slice(i, i + 100);
    // One insert per feed per batch; the URL says which event and position each article is.
    const byFeed = new Map<string, { url: string; eventId: string; published: Date; title: string }[]>();
    for (const e of batch) {
      for (const [k, feedId] of e.feeds.entries()) {
        const items = byFeed.get(feedId) ?? [];
        items.push({ url: `https://${feedId}.example/${e.id}/${k}`, eventId: e.id, published: new Date(e.lastUpdated.getTime() - k * 60_000), title: `${e.title} (${feeds.get(feedId)!.outlet})` });
        byFeed.set(feedId, items);
      }
    }
    const writes = [];
    for (const [feedId, items] of byFeed) {
      const f = feeds.get(feedId)!;
      const rows = await store.articles.insertDiscovered({ id: f.id, outlet: f.outlet, country: f.country, language: f.language }, items.map((it) => ({
        url: it.url, guid: it.url, title: it.title, published: it.published.toISOString(), updated: null, summary: 'summary', contentHtml: null,
        author: null, categories: [], image: null,
      })));
      const eventOf = new Map(items.map((it) => [it.url, it.eventId]));
      for (const r of rows) writes.push({ articleId: r.id, seq: ++seq, eventId: eventOf.get(r.url)!, duplicateOf: null, why: {}, merged: [] });
    }
    await store.events.record(writes, batch.map((e) => ({
      id: e.id, title: e.title, firstSeen: new Date(e.lastUpdated.getTime() - e.feeds.length * 60_000), lastUpdated: e.lastUpdated,
      articleCount: e.feeds.length, record: { countries: e.about ?? [] },
    })));
  }
}
