import { pino } from 'pino';
import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadVocabulary, type Vocabulary } from '../../src/cluster/index.js';
import { EventAssigner } from '../../src/pipeline/assign-event.js';
import type { Store } from '../../src/store/index.js';
import { storageTargets } from '../helpers/databases.js';
import { freshStores } from '../helpers/fresh-stores.js';
import { storeMergingArticles } from '../helpers/synthetic-articles.js';

/**
 * What event assignment must keep true whatever happens to a write: every assigned article counted
 * once in its live event, and the log replayed by a fresh assigner giving back the store's events.
 */
const log = pino({ level: 'silent' });
let vocabulary: Vocabulary;
beforeAll(() => {
  vocabulary = loadVocabulary();
});

async function expectInvariants(store: Store, articles: number): Promise<void> {
  const db = store.database.db;
  const assigned = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('event_seq', 'is not', null).executeTakeFirstOrThrow();
  expect(Number(assigned.n)).toBe(articles);
  const live = await db.selectFrom('events').selectAll().where('merged_into', 'is', null).orderBy('id').execute();
  expect(live.reduce((sum, e) => sum + e.article_count, 0)).toBe(articles);
  const members = await db.selectFrom('articles').select(['id', 'event_id']).where('event_seq', 'is not', null).orderBy('id').execute();
  // Every article's event is a live event, and each live event counts exactly its articles.
  const liveIds = new Set(live.map((e) => e.id));
  for (const m of members) expect(liveIds.has(m.event_id!), `${m.id} in ${m.event_id}`).toBe(true);
  for (const e of live) expect(members.filter((m) => m.event_id === e.id).length, e.id).toBe(e.article_count);

  // A fresh decider replaying the log from nothing reaches the store's events, ids included, and
  // says nothing diverged: an article whose event was merged away later is no divergence.
  const warnings: string[] = [];
  const watching = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line).msg) });
  const fresh = new EventAssigner(store, vocabulary, watching);
  expect(await fresh.catchUp()).toBe(articles);
  expect(warnings).toEqual([]);
  for (const e of live) {
    const replayed = await fresh.stateOf(e.id);
    expect(replayed, e.id).toEqual({
      id: e.id, title: e.title, firstSeen: new Date(e.first_seen), lastUpdated: new Date(e.last_updated), articleCount: e.article_count,
      articleIds: members.filter((m) => m.event_id === e.id).map((m) => m.id).sort(),
    });
  }
}

/**
 * A database-side fault on the next write of events (a dropped connection, a failover, a full
 * disk, seen from the assigner): a statement trigger that fails once, counted by a sequence, whose
 * increments survive the rollback.
 */
async function failNextEventsWrite(store: Store): Promise<void> {
  await sql`create sequence px_fail_once`.execute(store.database.db);
  await sql`create function px_fail_once() returns trigger language plpgsql as $$
    begin
      if nextval('px_fail_once') = 1 then raise exception 'injected write failure'; end if;
      return null;
    end $$`.execute(store.database.db);
  await sql`create trigger px_fail_once before insert on events for each statement execute function px_fail_once()`.execute(store.database.db);
}

const PAIRS = 40;

describe.each(storageTargets)('event assignment invariants on $name', { timeout: 180_000 }, (backend) => {
  const freshStore = freshStores(backend);

  test('a batch in which events are created, joined and merged into one another is written, and counted once', async () => {
    const store = await freshStore();
    const ids = await storeMergingArticles(store, PAIRS);
    const results = await new EventAssigner(store, vocabulary, log).assignAll();
    expect(results.length).toBe(ids.length);
    // Each pair's bridging account merged its two events: the test provokes what it claims to.
    expect(results.filter((r) => r.outcome === 'assigned' && r.created).length).toBe(2 * PAIRS);
    expect((await store.events.list(10_000)).length).toBe(PAIRS);
    await expectInvariants(store, ids.length);
  });

  test('after a failed write the assigner starts again from the log: its retry counts every article once', async () => {
    const store = await freshStore();
    const ids = await storeMergingArticles(store, PAIRS);
    await failNextEventsWrite(store);
    const assigner = new EventAssigner(store, vocabulary, log);
    await expect(assigner.assignAll()).rejects.toThrow(/injected write failure/);
    expect(await store.events.maxSeq()).toBe(0);
    // The job's retry, in the same process: nothing it decided before the failure may count twice.
    expect((await assigner.assignAll()).length).toBe(ids.length);
    await expectInvariants(store, ids.length);
  });
});
