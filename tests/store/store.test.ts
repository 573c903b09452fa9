import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FeedConfig } from '../../src/config/feeds-config.js';
import type { FeedItem } from '../../src/feeds/types.js';
import { articleId, articleView, feedView, openStore, type DatabaseTarget, type Store } from '../../src/store/index.js';
import { storageTargets } from '../helpers/databases.js';
import { migratedPgliteMemory } from '../helpers/migrated-pglite.js';

const feed = (id: string, over: Partial<FeedConfig> = {}): FeedConfig => ({
  id, url: `https://${id}.example/feed`, outlet: id.toUpperCase(), country: 'ML', language: 'fr', intervalMs: 900_000, tags: [], robots: true, ...over,
});

const item = (n: number, over: Partial<FeedItem> = {}): FeedItem => ({
  url: `https://ortm.example/news/${n}`, guid: `g${n}`, title: `Titre ${n}`, published: '2025-08-01T10:00:00.000Z', updated: null,
  summary: `Résumé ${n}`, contentHtml: null, author: null, categories: ['Sécurité'], image: null, ...over,
});

for (const backend of storageTargets) {
  describe(`store on ${backend.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      const t = await backend.target();
      cleanup = t.cleanup;
      store = await openStore(t.target);
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    test('feeds are synced with the config: added, changed, removed', async () => {
      expect(await store.feeds.sync([feed('ortm'), feed('hespress')])).toEqual({ added: ['ortm', 'hespress'], changed: [], removed: [] });
      expect(await store.feeds.sync([feed('ortm'), feed('hespress')])).toEqual({ added: [], changed: [], removed: [] });
      const r = await store.feeds.sync([feed('ortm', { intervalMs: 3_600_000, tags: ['state'] }), feed('aps')]);
      expect(r).toEqual({ added: ['aps'], changed: ['ortm'], removed: ['hespress'] });
      const all = await store.feeds.list();
      expect(all.map((f) => [f.id, f.active])).toEqual([['aps', true], ['hespress', false], ['ortm', true]]);
      expect(feedView(all[2]!)).toMatchObject({ id: 'ortm', interval: '1h', tags: ['state'], health: 'new' });
    });

    test('discovered items become pending articles once, whoever inserts them', async () => {
      const f = { id: 'ortm', outlet: 'ORTM', country: 'ML', language: 'fr' };
      const first = await store.articles.insertDiscovered(f, [item(1), item(2), item(2)]);
      expect(first.map((a) => a.url).sort()).toEqual(['https://ortm.example/news/1', 'https://ortm.example/news/2']);
      expect(first[0]!.id).toBe(articleId(first[0]!.url));
      // Concurrent re-polls: every racer inserts the same items; only new ones come back, once.
      const racers = await Promise.all([1, 2, 3, 4].map(() => store.articles.insertDiscovered(f, [item(2), item(3)])));
      expect(racers.flat().map((a) => a.url)).toEqual(['https://ortm.example/news/3']);
      expect((await store.articles.countByStatus()).pending).toBe(3);
    });

    test('an article is completed once, from its page or from the feed', async () => {
      const id = articleId('https://ortm.example/news/1');
      const fields = {
        finalUrl: 'https://ortm.example/news/1', httpStatus: 200, html: '<p>x</p>', title: 'Libération des chauffeurs',
        byline: 'A. Traoré', published: '2025-08-01T09:00:00.000Z', modified: null, language: { code: 'fr', source: 'text' as const }, text: 'Premier paragraphe.\n\nSecond.',
        image: null, extraction: { siteName: 'ORTM' },
      };
      expect(await store.articles.saveExtracted(id, fields)).toBe(true);
      expect(await store.articles.saveExtracted(id, fields)).toBe(false);
      expect(await store.articles.saveFallback(id, { reason: 'x', kind: 'timeout', httpStatus: null, text: null })).toBe(false);
      const view = articleView((await store.articles.get(id))!);
      expect(view).toMatchObject({
        id, url: 'https://ortm.example/news/1', feedId: 'ortm', outlet: 'ORTM', country: 'ML', language: 'fr',
        title: 'Libération des chauffeurs', byline: 'A. Traoré', published: '2025-08-01T09:00:00.000Z',
        text: 'Premier paragraphe.\n\nSecond.', duplicateOf: null, eventId: null, status: 'extracted',
      });

      const id2 = articleId('https://ortm.example/news/2');
      expect(await store.articles.saveFallback(id2, { reason: 'HTTP 404 Not Found from https://ortm.example/news/2', kind: 'http-status', httpStatus: 404, text: 'Résumé 2' })).toBe(true);
      expect(articleView((await store.articles.get(id2))!)).toMatchObject({
        status: 'feed-content', text: 'Résumé 2', title: 'Titre 2', fetchError: 'HTTP 404 Not Found from https://ortm.example/news/2',
      });
      expect(await store.articles.countByStatus()).toEqual({ pending: 1, extracted: 1, 'feed-content': 1 });
    });

    test('pending articles older than a cut-off are listed for recovery', async () => {
      expect((await store.articles.listPending(new Date(Date.now() + 1000))).map((a) => a.url)).toEqual(['https://ortm.example/news/3']);
      expect(await store.articles.listPending(new Date(Date.now() - 3_600_000))).toEqual([]);
    });

    test("the feed's language stays unless the page's text says otherwise with confidence", async () => {
      const base = { finalUrl: '', httpStatus: 200, html: '', title: null, byline: null, published: null, modified: null, text: 'x', image: null, extraction: {} };
      // Feed 'ortm' is configured as French; item 3 is still pending from the tests above.
      const fromPage = articleId('https://ortm.example/news/3');
      await store.articles.saveExtracted(fromPage, { ...base, finalUrl: 'https://ortm.example/news/3', language: { code: 'en', source: 'page' } });
      expect((await store.articles.get(fromPage))!.language).toBe('fr');
      const fromText = articleId('https://ortm.example/news/4');
      await store.articles.insertDiscovered({ id: 'ortm', outlet: 'ORTM', country: 'ML', language: 'fr' }, [item(4)]);
      await store.articles.saveExtracted(fromText, { ...base, finalUrl: 'https://ortm.example/news/4', language: { code: 'ar', source: 'text' } });
      expect((await store.articles.get(fromText))!.language).toBe('ar');
    });

    test('feed health: failures count up with a back-off, a success resets them', async () => {
      const at = new Date('2025-08-01T12:00:00Z');
      const streak1 = await store.feeds.recordFailure('aps', {
        at, elapsedMs: 12, httpStatus: 503, kind: 'http-status', message: 'HTTP 503 from https://aps.example/feed',
        nextPollAt: (s) => new Date(at.getTime() + s * 60_000),
      });
      const streak2 = await store.feeds.recordFailure('aps', {
        at, elapsedMs: 12, httpStatus: 503, kind: 'http-status', message: 'HTTP 503 from https://aps.example/feed',
        nextPollAt: (s) => new Date(at.getTime() + s * 60_000),
      });
      expect([streak1, streak2]).toEqual([1, 2]);
      let v = feedView((await store.feeds.get('aps'))!);
      expect(v).toMatchObject({ health: 'failing', consecutiveErrors: 2, lastErrorKind: 'http-status', lastHttpStatus: 503, nextPollAt: '2025-08-01T12:02:00.000Z' });
      await store.feeds.recordSuccess('aps', { at, elapsedMs: 5, httpStatus: 200, etag: '"v1"', lastModified: null, title: 'APS', items: 3, newItems: 3 });
      v = feedView((await store.feeds.get('aps'))!);
      expect(v).toMatchObject({ health: 'ok', consecutiveErrors: 0, lastError: null, nextPollAt: null, itemsTotal: 3, title: 'APS' });
      expect((await store.feeds.recentPolls('aps')).map((p) => p.outcome)).toEqual(['ok', 'error', 'error']);
    });

    test('a snapshot larger than one read comes back byte for byte', async () => {
      // 9 MiB of varied bytes: three reads of 4 MiB, the last one short.
      const state = new Uint8Array(9 * 2 ** 20 + 123);
      for (let i = 0; i < state.length; i++) state[i] = (i * 2654435761) >>> 24;
      await store.database.db.insertInto('event_snapshots').values({ seq: 777, identity: 'test', state }).execute();
      const back = await store.events.snapshotState(777);
      expect(back?.byteLength).toBe(state.byteLength);
      expect(Buffer.from(back!).equals(Buffer.from(state))).toBe(true);
      expect(await store.events.snapshotState(778)).toBeUndefined();
      await store.database.db.deleteFrom('event_snapshots').where('seq', '=', 777).execute();
    });
  });
}

// The PGlite stores of the suite start from tests/helpers/migrated-pglite.ts's dump: here the
// migrations run from nothing, as on a first start, and must make that schema.
describe('PGlite migrated from nothing', () => {
  /** Tables with their columns, indexes, constraints and the migrations applied, as the database reports them. */
  async function schemaOf(target: DatabaseTarget) {
    const store = await openStore(target);
    try {
      const db = store.database.db;
      const columns = await sql`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = 'public' ORDER BY table_name, column_name`.execute(db);
      const indexes = await sql`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`.execute(db);
      const constraints = await sql`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace ORDER BY conname`.execute(db);
      const migrations = await sql`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
      return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows, migrations: migrations.rows };
    } finally {
      await store.close();
    }
  }

  test('has the schema of the dump the other PGlite stores start from', async () => {
    const fromNothing = await schemaOf({ kind: 'pglite-memory' });
    expect(fromNothing.columns.length).toBeGreaterThan(50);
    expect(fromNothing.migrations.length).toBeGreaterThanOrEqual(5);
    expect(await schemaOf(await migratedPgliteMemory())).toEqual(fromNothing);
  }, 60_000);
});
