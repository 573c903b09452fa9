import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Comparison } from '../../src/compare/types.js';
import type { FeedItem } from '../../src/feeds/types.js';
import { openStore, type AssignmentWrite, type EventWrite, type Store } from '../../src/store/index.js';
import { storageTargets } from '../helpers/databases.js';

const feeds = [
  { id: 'ortm', url: 'https://ortm.example/feed', outlet: 'ORTM', country: 'ML', language: 'fr', intervalMs: 900_000, tags: [], robots: true },
  { id: 'hespress', url: 'https://hespress.example/feed', outlet: 'Hespress', country: 'MA', language: 'ar', intervalMs: 900_000, tags: [], robots: true },
];

const item = (url: string, published: string | null): FeedItem => ({
  url, guid: url, title: `Titre ${url}`, published, updated: null, summary: `Résumé de ${url}`, contentHtml: null, author: null, categories: [], image: null,
});

/** A stored comparison's content does not matter to the store: any valid shape, told apart by its title. */
const comparison = (eventId: string, title: string): Comparison => ({
  event: { id: eventId, title, firstSeen: '2025-08-01T10:00:00.000Z', lastUpdated: '2025-08-01T12:00:00.000Z', articleCount: 2 },
  accounts: [], timeline: [], claims: [], conflicts: [], contradictions: [], quotes: [], sources: [], entities: [], framing: [],
});

const event = (id: string, articleCount: number): EventWrite => ({
  id, title: `Event ${id}`, firstSeen: new Date('2025-08-01T10:00:00Z'), lastUpdated: new Date('2025-08-01T12:00:00Z'), articleCount, record: {},
});

const write = (articleId: string, seq: number, eventId: string, over: Partial<AssignmentWrite> = {}): AssignmentWrite => ({
  articleId, seq, eventId, duplicateOf: null, why: {}, merged: [], ...over,
});

for (const backend of storageTargets) {
  describe(`comparisons on ${backend.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    const ids: Record<string, string> = {};
    const url = (n: number) => `https://${n % 2 ? 'ortm' : 'hespress'}.example/news/${n}`;

    beforeAll(async () => {
      const t = await backend.target();
      cleanup = t.cleanup;
      store = await openStore(t.target);
      await store.feeds.sync(feeds);
      for (const n of [1, 2, 3, 4, 5]) {
        const feed = feeds[n % 2 ? 0 : 1]!;
        const [a] = await store.articles.insertDiscovered(feed, [item(url(n), n === 3 ? null : `2025-08-01T1${n}:00:00.000Z`)]);
        ids[n] = a!.id;
      }
      // 1, 2 and 4 have their pages; 3 and 5 only the feed's summary.
      for (const n of [1, 2, 4]) {
        await store.articles.saveExtracted(ids[n]!, {
          finalUrl: url(n), httpStatus: 200, html: '', title: null, byline: null, published: null, modified: null,
          language: null, text: `Texte ${n}.\n\nSecond paragraphe ${n}.`, image: null, extraction: {},
        });
      }
      for (const n of [3, 5]) await store.articles.saveFallback(ids[n]!, { reason: 'HTTP 404', kind: 'http-status', httpStatus: 404, text: null });
      await store.events.record([write(ids[1]!, 1, 'ev-1'), write(ids[2]!, 2, 'ev-1', { duplicateOf: url(1) })], [event('ev-1', 2)]);
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    test("an event's snapshot holds its articles with their text, the copy pointing at its original's id", async () => {
      const snap = (await store.comparisons.snapshot('ev-1'))!;
      expect(snap.eventUpdatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      expect(snap.input.event).toEqual({ id: 'ev-1', title: 'Event ev-1', firstSeen: '2025-08-01T10:00:00.000Z', lastUpdated: '2025-08-01T12:00:00.000Z' });
      expect(snap.input.articles).toEqual([
        {
          id: ids[1], url: url(1), outlet: 'ORTM', country: 'ML', language: 'fr', title: `Titre ${url(1)}`, published: '2025-08-01T11:00:00.000Z',
          discoveredAt: expect.stringMatching(/Z$/), duplicateOf: null, text: 'Texte 1.\n\nSecond paragraphe 1.',
        },
        {
          id: ids[2], url: url(2), outlet: 'Hespress', country: 'MA', language: 'ar', title: `Titre ${url(2)}`, published: '2025-08-01T12:00:00.000Z',
          discoveredAt: expect.stringMatching(/Z$/), duplicateOf: ids[1], text: 'Texte 2.\n\nSecond paragraphe 2.',
        },
      ]);
      expect(await store.comparisons.snapshot('ev-none')).toBeUndefined();
    });

    test('a comparison is stale until stored, current after, and stale again for another version', async () => {
      expect(await store.comparisons.stale(1)).toEqual(['ev-1']);
      expect(await store.comparisons.get('ev-1', 1)).toBeUndefined();
      const snap = (await store.comparisons.snapshot('ev-1'))!;
      expect(await store.comparisons.save({ eventId: 'ev-1', version: 1, articleCount: 2, eventUpdatedAt: snap.eventUpdatedAt, comparison: comparison('ev-1', 'first') })).toBe(true);
      expect(await store.comparisons.stale(1)).toEqual([]);
      const stored = (await store.comparisons.get('ev-1', 1))!;
      expect(stored).toMatchObject({ eventId: 'ev-1', version: 1, articleCount: 2, eventUpdatedAt: snap.eventUpdatedAt, current: true });
      expect(stored.comparison).toEqual(comparison('ev-1', 'first'));
      expect((await store.comparisons.get('ev-1', 2))!.current).toBe(false);
      expect(await store.comparisons.stale(2)).toEqual(['ev-1']);
    });

    test('an event that changes makes its comparison stale; an older state never overwrites a newer one', async () => {
      const before = (await store.comparisons.snapshot('ev-1'))!;
      await store.events.record([write(ids[3]!, 3, 'ev-1')], [event('ev-1', 3)]);
      expect(await store.comparisons.stale(1)).toEqual(['ev-1']);
      expect((await store.comparisons.get('ev-1', 1))!.current).toBe(false);
      // Changed an hour ago or earlier: no; recovery leaves it to the compare job on its way.
      expect(await store.comparisons.stale(1, { changedBefore: new Date(Date.now() - 3_600_000) })).toEqual([]);

      const after = (await store.comparisons.snapshot('ev-1'))!;
      expect(after.eventUpdatedAt > before.eventUpdatedAt).toBe(true);
      // The article without a page is compared on its feed summary.
      expect(after.input.articles.find((a) => a.id === ids[3])).toMatchObject({ published: null, text: `Résumé de ${url(3)}` });
      expect(await store.comparisons.save({ eventId: 'ev-1', version: 1, articleCount: 3, eventUpdatedAt: after.eventUpdatedAt, comparison: comparison('ev-1', 'second') })).toBe(true);
      // A slower worker finishing its comparison of the earlier state afterwards is ignored.
      expect(await store.comparisons.save({ eventId: 'ev-1', version: 1, articleCount: 2, eventUpdatedAt: before.eventUpdatedAt, comparison: comparison('ev-1', 'late') })).toBe(false);
      expect((await store.comparisons.get('ev-1', 1))!).toMatchObject({ current: true, articleCount: 3, comparison: { event: { title: 'second' } } });
    });

    test('an event merged away loses its comparison, and none can be stored for it again', async () => {
      await store.events.record([write(ids[4]!, 4, 'ev-4')], [event('ev-4', 1)]);
      const snap = (await store.comparisons.snapshot('ev-4'))!;
      expect(await store.comparisons.save({ eventId: 'ev-4', version: 1, articleCount: 1, eventUpdatedAt: snap.eventUpdatedAt, comparison: comparison('ev-4', 'x') })).toBe(true);
      await store.events.record([write(ids[5]!, 5, 'ev-1', { merged: ['ev-4'] })], [event('ev-1', 5)]);
      expect((await store.comparisons.get('ev-4', 1))!.current).toBe(false);
      expect(await store.comparisons.stale(1)).toEqual(['ev-1']);
      expect(await store.comparisons.snapshot('ev-4')).toBeUndefined();
      expect(await store.comparisons.deleteMerged()).toBe(1);
      expect(await store.comparisons.get('ev-4', 1)).toBeUndefined();
      expect(await store.comparisons.save({ eventId: 'ev-4', version: 1, articleCount: 1, eventUpdatedAt: snap.eventUpdatedAt, comparison: comparison('ev-4', 'x') })).toBe(false);
      expect((await store.comparisons.snapshot('ev-1'))!.input.articles.map((a) => a.id).sort()).toEqual([1, 2, 3, 4, 5].map((n) => ids[n]).sort());
    });
  });
}
