import { sql } from 'kysely';
import type { Db } from './database.js';
import type { EventView } from '../model/event-view.js';
import { eventView, type EventArticleRow } from './event-view.js';
import type { EventListFilter, EventSummary, EventSummaryPage } from './event-summary-view.js';
import type { EventRow } from './schema.js';

/** An article as event assignment reads it: the clusterer's input plus its place in the log. */
export interface AssignableArticle {
  id: string;
  url: string;
  language: string;
  title: string;
  text: string;
  /** Publication time, or discovery time when the article has none: replays must see the same time. */
  at: Date;
  outlet: string;
  country: string;
  eventSeq: number | null;
  eventId: string | null;
}

/** One assignment, as written to the log. */
export interface AssignmentWrite {
  articleId: string;
  seq: number;
  eventId: string;
  duplicateOf: string | null;
  why: Record<string, unknown>;
  /** Events merged into `eventId` by this assignment. */
  merged: string[];
}

/** An event's record after a batch of assignments. */
export interface EventWrite {
  id: string;
  title: string;
  firstSeen: Date;
  lastUpdated: Date;
  articleCount: number;
  record: Record<string, unknown>;
}

/** The clusterer's state after the decisions up to log position `seq`. */
export interface EventSnapshotWrite {
  seq: number;
  identity: string;
  state: Uint8Array;
}

/** Snapshots kept: the latest, and the one before it should the latest be of no use. */
const SNAPSHOTS_KEPT = 2;

/**
 * Bytes of a snapshot read per query: a bytea comes back as hex text, two characters a byte, and
 * one string cannot pass 2^29 characters, so a snapshot of more than 256 MiB read whole would fail.
 */
const SNAPSHOT_READ_BYTES = 4 * 2 ** 20;

/** Writes a snapshot and drops those older than the ones kept; a snapshot of the same position already there stays. */
async function writeSnapshot(db: Db, s: EventSnapshotWrite): Promise<void> {
  await db.insertInto('event_snapshots').values({ seq: s.seq, identity: s.identity, state: s.state }).onConflict((oc) => oc.column('seq').doNothing()).execute();
  await sql`delete from event_snapshots where seq not in (select seq from event_snapshots order by seq desc limit ${SNAPSHOTS_KEPT})`.execute(db);
}

/** Another decider wrote this position of the log first (or already assigned the article). */
export class AssignmentConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssignmentConflictError';
  }
}

const assignable = (db: Db) =>
  db
    .selectFrom('articles')
    .select([
      'id', 'url', 'language', 'title', 'outlet', 'country', 'event_seq', 'event_id',
      sql<string>`coalesce(text, summary, '')`.as('body'),
      sql<Date>`coalesce(published, discovered_at)`.as('at'),
    ]);

type AssignableRow = {
  id: string; url: string; language: string; title: string; outlet: string; country: string;
  event_seq: number | null; event_id: string | null; body: string; at: Date | string;
};

const toAssignable = (r: AssignableRow): AssignableArticle => ({
  id: r.id,
  url: r.url,
  language: r.language,
  title: r.title,
  text: r.body,
  at: new Date(r.at),
  outlet: r.outlet,
  country: r.country,
  eventSeq: r.event_seq,
  eventId: r.event_id,
});

/** All SQL about events and the assignment log. */
export class EventsRepo {
  constructor(private readonly db: Db) {}

  /** The assignment log after position `afterSeq`, in order: what a decider replays to catch up. */
  async log(afterSeq: number, limit = 1000): Promise<(AssignableArticle & { eventSeq: number })[]> {
    const rows = await assignable(this.db).where('event_seq', '>', afterSeq).orderBy('event_seq').limit(limit).execute();
    return rows.map((r) => toAssignable(r as AssignableRow) as AssignableArticle & { eventSeq: number });
  }

  async getAssignable(articleId: string): Promise<(AssignableArticle & { status: string }) | undefined> {
    const r = await assignable(this.db).select('status').where('id', '=', articleId).executeTakeFirst();
    return r ? { ...toAssignable(r as AssignableRow), status: r.status } : undefined;
  }

  /** Articles with their text stored but no event yet, oldest first (run-once, recovery). */
  async unassigned(limit = 10_000, discoveredBefore?: Date): Promise<AssignableArticle[]> {
    let q = assignable(this.db).where('status', '!=', 'pending').where('event_seq', 'is', null);
    if (discoveredBefore) q = q.where('discovered_at', '<', discoveredBefore);
    const rows = await q.orderBy(sql`coalesce(published, discovered_at)`).orderBy('id').limit(limit).execute();
    return rows.map((r) => toAssignable(r as AssignableRow));
  }

  /**
   * Writes a batch of assignments at their log positions, atomically: the articles, the records of
   * the events they touched, and merges in the order they happened (articles of merged events
   * follow them). A position or article already written means another decider got there first:
   * AssignmentConflictError, and nothing is written. A snapshot of the state after the batch, if
   * given, is written with it.
   */
  async record(writes: AssignmentWrite[], events: EventWrite[], snapshot?: EventSnapshotWrite): Promise<void> {
    if (writes.length === 0) return;
    if (snapshot && snapshot.seq !== writes.at(-1)!.seq) throw new Error(`a snapshot written with positions ${writes[0]!.seq}-${writes.at(-1)!.seq} must be of the last (${snapshot.seq})`);
    try {
      await this.db.transaction().execute(async (trx) => {
        const r = await sql`
          update articles a
             set event_id = v.event_id, duplicate_of = v.duplicate_of, event_why = v.why::jsonb, event_seq = v.seq
            from unnest(${writes.map((w) => w.articleId)}::text[], ${writes.map((w) => w.eventId)}::text[],
                        ${writes.map((w) => w.duplicateOf)}::text[], ${writes.map((w) => JSON.stringify(w.why))}::text[],
                        ${writes.map((w) => w.seq)}::int[]) as v(id, event_id, duplicate_of, why, seq)
           where a.id = v.id and a.event_seq is null`.execute(trx);
        if (Number(r.numAffectedRows ?? 0) !== writes.length) throw new AssignmentConflictError(`some of ${writes.length} articles were already assigned`);
        await trx
          .insertInto('events')
          .values(events.map((e) => ({
            id: e.id, title: e.title, first_seen: e.firstSeen, last_updated: e.lastUpdated,
            article_count: e.articleCount, record: JSON.stringify(e.record), merged_into: null,
          })))
          .onConflict((oc) =>
            oc.column('id').doUpdateSet((eb) => ({
              title: eb.ref('excluded.title'), first_seen: eb.ref('excluded.first_seen'), last_updated: eb.ref('excluded.last_updated'),
              article_count: eb.ref('excluded.article_count'), record: eb.ref('excluded.record'), merged_into: null, updated_at: new Date(),
            })),
          )
          .execute();
        for (const w of writes.filter((x) => x.merged.length > 0)) {
          await trx.updateTable('events').set({ merged_into: w.eventId, updated_at: new Date() }).where('id', 'in', w.merged).execute();
          await trx.updateTable('articles').set({ event_id: w.eventId }).where('event_id', 'in', w.merged).execute();
        }
        // In the transaction of the decisions it covers: a snapshot never claims a decision the log lacks.
        if (snapshot) await writeSnapshot(trx, snapshot);
      });
    } catch (err) {
      // Unique violation on event_seq: the positions were taken by another decider.
      if ((err as { code?: string }).code === '23505') throw new AssignmentConflictError(`log positions ${writes[0]!.seq}-${writes.at(-1)!.seq} were already written`);
      throw err;
    }
  }

  /**
   * How long event assignment has kept stored articles waiting: when the longest-waiting stored
   * article without an event was stored, and when an event was last written (null: none).
   */
  async assignmentLag(): Promise<{ oldestWaitingSince: Date | null; lastWrite: Date | null }> {
    const waiting = await this.db
      .selectFrom('articles')
      .select(sql<Date | string | null>`min(coalesce(fetched_at, discovered_at))`.as('since'))
      .where('event_seq', 'is', null)
      .where('status', '<>', 'pending')
      .executeTakeFirst();
    // Every write touches a live event (merged-away ones stop being written): the partial index events_live answers.
    const written = await this.db.selectFrom('events').select(sql<Date | string | null>`max(updated_at)`.as('at')).where('merged_into', 'is', null).executeTakeFirst();
    const date = (d: Date | string | null | undefined) => (d ? new Date(d) : null);
    return { oldestWaitingSince: date(waiting?.since), lastWrite: date(written?.at) };
  }

  /**
   * A snapshot of decisions already in the log (a decider that replayed them): refused, and false,
   * if the log does not reach `seq`.
   */
  async saveSnapshot(snapshot: EventSnapshotWrite): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const r = await trx.selectFrom('articles').select(sql<number | null>`max(event_seq)`.as('m')).executeTakeFirst();
      if (Number(r?.m ?? 0) < snapshot.seq) return false;
      await writeSnapshot(trx, snapshot);
      return true;
    });
  }

  /** The snapshots kept, latest first, without their states. */
  async snapshots(): Promise<{ seq: number; identity: string; bytes: number; createdAt: Date }[]> {
    const rows = await this.db
      .selectFrom('event_snapshots')
      .select(['seq', 'identity', 'created_at', sql<number>`octet_length(state)`.as('bytes')])
      .orderBy('seq', 'desc')
      .execute();
    return rows.map((r) => ({ seq: r.seq, identity: r.identity, bytes: Number(r.bytes), createdAt: new Date(r.created_at) }));
  }

  /** A snapshot's encoded state, or undefined if it was dropped since; read in parts (SNAPSHOT_READ_BYTES). */
  async snapshotState(seq: number): Promise<Uint8Array | undefined> {
    const size = await this.db.selectFrom('event_snapshots').select(sql<number>`octet_length(state)`.as('bytes')).where('seq', '=', seq).executeTakeFirst();
    if (!size) return undefined;
    const state = new Uint8Array(Number(size.bytes));
    for (let at = 0; at < state.byteLength; at += SNAPSHOT_READ_BYTES) {
      const part = await this.db
        .selectFrom('event_snapshots')
        .select(sql<Uint8Array>`substring(state from ${at + 1} for ${SNAPSHOT_READ_BYTES})`.as('part'))
        .where('seq', '=', seq)
        .executeTakeFirst();
      if (!part) return undefined;
      state.set(part.part, at);
    }
    return state;
  }

  async maxSeq(): Promise<number> {
    const r = await this.db.selectFrom('articles').select(sql<number | null>`max(event_seq)`.as('m')).executeTakeFirst();
    return Number(r?.m ?? 0);
  }

  /** Live (not merged-away) events, most recently updated first. */
  async list(limit = 200, offset = 0): Promise<EventRow[]> {
    return this.db.selectFrom('events').selectAll().where('merged_into', 'is', null).orderBy('last_updated', 'desc').orderBy('id').limit(limit).offset(offset).execute();
  }

  /** The event, following merges to the one that absorbed it. */
  async get(id: string): Promise<EventRow | undefined> {
    let row = await this.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    for (let hops = 0; row?.merged_into && hops < 100; hops++) {
      row = await this.db.selectFrom('events').selectAll().where('id', '=', row.merged_into).executeTakeFirst();
    }
    return row;
  }

  /** The articles of events, for their views. */
  async articlesOf(eventIds: string[]) {
    if (eventIds.length === 0) return [];
    return this.db
      .selectFrom('articles')
      .select(['id', 'url', 'feed_id', 'outlet', 'country', 'language', 'title', 'published', 'discovered_at', 'duplicate_of', 'event_id', 'event_why'])
      .where('event_id', 'in', eventIds)
      .orderBy(sql`coalesce(published, discovered_at)`)
      .orderBy('id')
      .execute();
  }

  /**
   * A page of live events, most recently updated first, with what the events list shows of each
   * and the number of events matching the filter: one query, however many events there are.
   */
  async summaries(filter: EventListFilter): Promise<EventSummaryPage> {
    const rows = await sql<{
      id: string; title: string; first_seen: Date; last_updated: Date; about: unknown;
      outlets: string[]; countries: string[]; languages: string[]; articles: number | string; total: number | string;
    }>`
      select e.id, e.title, e.first_seen, e.last_updated, e.record->'countries' as about,
             array_agg(distinct a.outlet) as outlets, array_agg(distinct a.country) as countries,
             array_agg(distinct a.language) as languages, count(a.id) as articles, count(*) over () as total
        from events e join articles a on a.event_id = e.id
       where e.merged_into is null
         ${filter.since ? sql`and e.last_updated >= ${filter.since}` : sql``}
         ${filter.ids ? sql`and e.id = any(${filter.ids})` : sql``}
         ${filter.watchlist ? sql`and exists (select 1 from alert_states s where s.rule = ${filter.watchlist} and s.event_id = e.id)` : sql``}
       group by e.id
      having true
         ${filter.country ? sql`and (bool_or(a.country = ${filter.country}) or coalesce(e.record->'countries', '[]'::jsonb) @> to_jsonb(${filter.country}::text))` : sql``}
         ${filter.language ? sql`and bool_or(a.language = ${filter.language})` : sql``}
       order by e.last_updated desc, e.id
       limit ${filter.limit} offset ${filter.offset}`.execute(this.db);
    const events: EventSummary[] = rows.rows.map((r) => ({
      id: r.id,
      title: r.title,
      firstSeen: new Date(r.first_seen).toISOString(),
      lastUpdated: new Date(r.last_updated).toISOString(),
      articleCount: Number(r.articles),
      outlets: r.outlets,
      outletCountries: r.countries,
      countries: Array.isArray(r.about) ? r.about.filter((c): c is string => typeof c === 'string') : [],
      languages: r.languages,
    }));
    // The window count rides on every row; a page past the end has none, so count once more then.
    const total = rows.rows.length > 0 ? Number(rows.rows[0]!.total) : filter.offset === 0 ? 0 : (await this.summaries({ ...filter, limit: 1, offset: 0 })).total;
    return { events, total };
  }

  /** Events with their articles, as the CLI and the API show them. */
  async views(limit = 200, offset = 0): Promise<EventView[]> {
    return this.withArticles(await this.list(limit, offset));
  }

  async view(id: string): Promise<EventView | undefined> {
    const row = await this.get(id);
    return row ? (await this.withArticles([row]))[0] : undefined;
  }

  private async withArticles(rows: EventRow[]): Promise<EventView[]> {
    const articles = (await this.articlesOf(rows.map((r) => r.id))) as EventArticleRow[];
    const byEvent = new Map<string, EventArticleRow[]>();
    for (const a of articles) byEvent.set(a.event_id!, [...(byEvent.get(a.event_id!) ?? []), a]);
    return rows.map((r) => eventView(r, byEvent.get(r.id) ?? []));
  }
}
