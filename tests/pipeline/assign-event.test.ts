import { pino } from 'pino';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { bcubed } from '../../bench/cluster/bcubed.js';
import { loadLabelledSet, type LabelledArticle } from '../../bench/cluster/labelled-set.js';
import { loadVocabulary, type Vocabulary } from '../../src/cluster/index.js';
import { EventAssigner } from '../../src/pipeline/assign-event.js';
import { AssignmentConflictError, openStore, type Store } from '../../src/store/index.js';
import { migratedPgliteMemory } from '../helpers/migrated-pglite.js';
import { storeLabelled } from '../helpers/labelled-store.js';

/**
 * Event assignment against the store: the labelled multilingual set (tests/fixtures/events) stored
 * as extracted articles, assigned by one or several deciders sharing the store's log.
 */
const log = pino({ level: 'silent' });
let vocabulary: Vocabulary;
let set: LabelledArticle[];
const stores: Store[] = [];

beforeAll(() => {
  vocabulary = loadVocabulary();
  set = loadLabelledSet();
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

async function storeWithSet(): Promise<{ store: Store; ids: Map<string, string> }> {
  const store = await openStore(await migratedPgliteMemory());
  stores.push(store);
  const ids = await storeLabelled(store, set);
  return { store, ids };
}

/** The partition the store holds, in the labelled set's order. */
async function partition(store: Store, ids: Map<string, string>): Promise<string[]> {
  const rows = await store.articles.list({ limit: 10_000 });
  const eventOf = new Map(rows.map((r) => [r.id, r.event_id ?? 'none']));
  return set.map((l) => eventOf.get(ids.get(l.article.id)!)!);
}

/** The partition one decider makes, and a second store with two deciders ready to share it. */
async function oneDeciderThenTwo() {
  const one = await storeWithSet();
  await new EventAssigner(one.store, vocabulary, log).assignAll();
  const expected = await partition(one.store, one.ids);
  const two = await storeWithSet();
  const a = new EventAssigner(two.store, vocabulary, log);
  const b = new EventAssigner(two.store, vocabulary, log);
  return { expected, two, a, b, order: await two.store.events.unassigned() };
}

// Each test stores the labelled set in one or two in-memory PGlite databases and assigns all of it.
describe('event assignment through the store', { timeout: 120_000 }, () => {
  test('the labelled set comes out as labelled: the seed story in one event, no hard negative in it, the copy flagged', async () => {
    const { store, ids } = await storeWithSet();
    const results = await new EventAssigner(store, vocabulary, log).assignAll();
    expect(results.every((r) => r.outcome === 'assigned')).toBe(true);
    const predicted = await partition(store, ids);
    const score = bcubed(set.map((l) => l.gold), predicted);
    expect(score.f1).toBeGreaterThanOrEqual(0.95);
    const seedEvent = predicted[set.findIndex((l) => l.seed)];
    const seedStory = set.filter((l, i) => predicted[i] === seedEvent);
    expect(new Set(seedStory.map((l) => l.gold)).size).toBe(1);
    expect(seedStory.length).toBe(set.filter((l) => l.gold === set.find((x) => x.seed)!.gold).length);
    expect(seedStory.some((l) => l.negative)).toBe(false);

    const rows = await store.articles.list({ limit: 10_000 });
    const byUrl = new Map(rows.map((r) => [r.url, r]));
    for (const l of set) {
      const original = l.copyOf ? set.find((x) => x.article.id === l.copyOf)!.article.url : null;
      expect(byUrl.get(l.article.url)?.duplicate_of ?? null, l.article.id).toBe(original);
    }
    // Events are stored with their records; the log is contiguous.
    const events = await store.events.list();
    expect(events.length).toBe(new Set(predicted).size);
    // An event is named after the article that started it: unique without coordination, and never
    // reused for another story by a process whose replay took a different course.
    for (const e of events) expect(rows.filter((r) => r.event_id === e.id).map((r) => `ev-${r.id}`)).toContain(e.id);
    expect(await store.events.maxSeq()).toBe(set.length);
  });

  test('two deciders taking turns over one store make the same events as one decider', async () => {
    const { expected, two, a, b, order } = await oneDeciderThenTwo();
    for (const [i, article] of order.entries()) {
      // Alternating, so each decider must replay the other's decisions before making its own.
      const r = await (i % 3 === 0 ? a : b).assign(article.id);
      expect(r.outcome).toBe('assigned');
    }
    expect(await partition(two.store, two.ids)).toEqual(expected);
  });

  test('deciders that race cannot both write: the loser gets a conflict, rebuilds from the log, and its retry agrees', async () => {
    const { expected, two, a, b, order } = await oneDeciderThenTwo();
    let conflicts = 0;
    for (let i = 0; i < order.length; i += 2) {
      const pair = order.slice(i, i + 2);
      const settled = await Promise.allSettled(pair.map((x, k) => (k === 0 ? a : b).assign(x.id)));
      for (const [k, s] of settled.entries()) {
        if (s.status === 'fulfilled') continue;
        expect(s.reason).toBeInstanceOf(AssignmentConflictError);
        conflicts++;
        expect((await (k === 0 ? a : b).assign(pair[k]!.id)).outcome).toBe('assigned');
      }
    }
    expect(conflicts).toBeGreaterThan(0);
    expect(await two.store.events.maxSeq()).toBe(set.length);
    // The race changes the order of decisions, so compare what the order cannot change: the seed story.
    const got = await partition(two.store, two.ids);
    const seedIndex = set.findIndex((l) => l.seed);
    const sameAsSeed = (p: string[]) => set.map((_, i) => p[i] === p[seedIndex]);
    expect(sameAsSeed(got)).toEqual(sameAsSeed(expected));
    expect(bcubed(set.map((l) => l.gold), got).f1).toBeGreaterThanOrEqual(0.95);
  });
});
