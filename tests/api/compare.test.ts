import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApi } from '../../src/api/server.js';
import { loadVocabulary } from '../../src/cluster/index.js';
import { COMPARE_VERSION, type Comparison } from '../../src/compare/index.js';
import { compareContext, comparisonReader } from '../../src/pipeline/compare-event.js';
import { openStore, type Store } from '../../src/store/index.js';
import { migratedPgliteMemory } from '../helpers/migrated-pglite.js';
import { writeEvents } from '../helpers/synthetic-events.js';

/** GET /api/events/:id/compare over a real (embedded) store and the real compare stage. */
describe('GET /api/events/:id/compare', { timeout: 60_000 }, () => {
  let store: Store;
  let app: ReturnType<typeof buildApi>;
  const at = new Date('2025-08-01T12:00:00Z');

  beforeAll(async () => {
    store = await openStore(await migratedPgliteMemory());
    await writeEvents(store, [
      { id: 'ev-a', title: 'Four drivers freed', lastUpdated: at, feeds: ['ortm', 'hespress'] },
      { id: 'ev-b', title: 'Convoy attacked', lastUpdated: at, feeds: ['wire'] },
    ]);
    app = buildApi({ store, checks: [], comparison: comparisonReader(store, compareContext(loadVocabulary())) });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  const get = async (id: string) => {
    const r = await app.inject({ method: 'GET', url: `/api/events/${id}/compare` });
    return { status: r.statusCode, body: r.json() as Comparison & { error?: string } };
  };

  test("an event's comparison is computed on the first request, stored, and served from the store after", async () => {
    const first = await get('ev-a');
    expect(first.status).toBe(200);
    expect(first.body.event).toMatchObject({ id: 'ev-a', title: 'Four drivers freed', articleCount: 2 });
    expect(first.body.accounts.map((a) => a.outlet).sort()).toEqual(['Hespress', 'ORTM']);
    const stored = await store.comparisons.get('ev-a', COMPARE_VERSION);
    expect(stored?.current).toBe(true);
    const computedAt = stored!.computedAt.getTime();
    const again = await get('ev-a');
    expect(again.body).toEqual(first.body);
    expect((await store.comparisons.get('ev-a', COMPARE_VERSION))!.computedAt.getTime()).toBe(computedAt);
  });

  test('an event that changed is compared again; a merged-away id answers with its survivor', async () => {
    await writeEvents(store, [{ id: 'ev-a', title: 'Four drivers freed', lastUpdated: new Date(at.getTime() + 60_000), feeds: ['wire'] }]);
    expect((await get('ev-a')).body.event.articleCount).toBe(3);
    // ev-b merged into ev-a (only the event row: what the route reads to follow a merge).
    await store.database.db.updateTable('events').set({ merged_into: 'ev-a', updated_at: new Date() }).where('id', '=', 'ev-b').execute();
    const merged = await get('ev-b');
    expect(merged.status).toBe(200);
    expect(merged.body.event.id).toBe('ev-a');
  });

  test('an unknown event is 404', async () => {
    const r = await get('ev-none');
    expect(r.status).toBe(404);
    expect(r.body.error).toBe('no event ev-none');
  });
});
