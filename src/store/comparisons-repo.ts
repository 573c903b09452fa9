import { sql } from 'kysely';
import type { CompareArticle, CompareInput, Comparison } from '../compare/types.js';
import type { Db } from './database.js';

/** A stored comparison, and whether it is still the comparison of its event as it is now. */
export interface StoredComparison {
  eventId: string;
  version: number;
  articleCount: number;
  /** The event's `updated_at` when compared (ISO, microseconds kept). */
  eventUpdatedAt: string;
  computedAt: Date;
  comparison: Comparison;
  /** Same version as asked, and the event has not changed since (nor been merged away). */
  current: boolean;
}

/** What the compare stage reads, with the event state it was read from (to store beside the result). */
export interface ComparisonSnapshot {
  input: CompareInput;
  eventUpdatedAt: string;
}

export interface ComparisonWrite {
  eventId: string;
  version: number;
  articleCount: number;
  eventUpdatedAt: string;
  comparison: Comparison;
}

// updated_at as exact text: a JS Date keeps milliseconds and the column microseconds (now()), so a
// value that went through a Date would never equal the column again and everything would look stale.
const exactUpdatedAt = sql<string>`to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const iso = (d: Date | string) => new Date(d).toISOString();

/** All SQL about comparisons, and the one read that gathers an event's articles for comparing. */
export class ComparisonsRepo {
  constructor(private readonly db: Db) {}

  /** The stored comparison of a (live) event id, with whether it is current for `version`. */
  async get(eventId: string, version: number): Promise<StoredComparison | undefined> {
    const r = await this.db
      .selectFrom('comparisons as c')
      .leftJoin('events as e', 'e.id', 'c.event_id')
      .select([
        'c.event_id', 'c.version', 'c.article_count', 'c.computed_at', 'c.record',
        sql<string>`to_char(c.event_updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('event_updated_at'),
        sql<boolean>`coalesce(c.version = ${version} and c.event_updated_at = e.updated_at and e.merged_into is null, false)`.as('current'),
      ])
      .where('c.event_id', '=', eventId)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      eventId: r.event_id,
      version: r.version,
      articleCount: r.article_count,
      eventUpdatedAt: r.event_updated_at,
      computedAt: new Date(r.computed_at),
      comparison: r.record as unknown as Comparison,
      current: r.current,
    };
  }

  /**
   * The event and its articles with their text, as the compare stage takes them, read from one
   * snapshot (repeatable read): the state stored beside the comparison is exactly the state compared.
   */
  async snapshot(eventId: string): Promise<ComparisonSnapshot | undefined> {
    return this.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const e = await trx
        .selectFrom('events')
        .select(['id', 'title', 'first_seen', 'last_updated', exactUpdatedAt.as('updated_at')])
        .where('id', '=', eventId)
        .where('merged_into', 'is', null)
        .executeTakeFirst();
      if (!e) return undefined;
      const rows = await trx
        .selectFrom('articles as a')
        // Copies record their original by URL (the clusterer's output); the stage wants its id, and
        // only within this event: an original elsewhere leaves the copy an account of its own.
        .leftJoin('articles as o', (j) => j.onRef('o.url', '=', 'a.duplicate_of').onRef('o.event_id', '=', 'a.event_id'))
        .select([
          'a.id', 'a.url', 'a.outlet', 'a.country', 'a.language', 'a.title', 'a.published', 'a.discovered_at',
          'o.id as original',
          sql<string>`coalesce(a.text, a.summary, '')`.as('text'),
        ])
        .where('a.event_id', '=', eventId)
        .orderBy(sql`coalesce(a.published, a.discovered_at)`)
        .orderBy('a.id')
        .execute();
      const articles: CompareArticle[] = rows.map((a) => ({
        id: a.id,
        url: a.url,
        outlet: a.outlet,
        country: a.country,
        language: a.language,
        title: a.title,
        published: a.published ? iso(a.published) : null,
        discoveredAt: iso(a.discovered_at),
        duplicateOf: a.original,
        text: a.text,
      }));
      return {
        input: { event: { id: e.id, title: e.title, firstSeen: iso(e.first_seen), lastUpdated: iso(e.last_updated) }, articles },
        eventUpdatedAt: e.updated_at,
      };
    });
  }

  /**
   * Stores a comparison unless a comparison of a later state of the event is already there, or the
   * event has been merged away meanwhile. True when written.
   */
  async save(w: ComparisonWrite): Promise<boolean> {
    const r = await sql`
      insert into comparisons (event_id, version, article_count, event_updated_at, computed_at, record)
      select ${w.eventId}, ${w.version}, ${w.articleCount}, ${w.eventUpdatedAt}::timestamptz, now(), ${JSON.stringify(w.comparison)}::jsonb
       where exists (select 1 from events where id = ${w.eventId} and merged_into is null)
      on conflict (event_id) do update
         set version = excluded.version, article_count = excluded.article_count, event_updated_at = excluded.event_updated_at,
             computed_at = excluded.computed_at, record = excluded.record
       where comparisons.event_updated_at <= excluded.event_updated_at`.execute(this.db);
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  /**
   * Live events whose comparison is missing, of another version, or older than the event's last
   * change; least recently changed first. `changedBefore` leaves alone events whose compare job is
   * still on its normal way.
   */
  async stale(version: number, options: { limit?: number; changedBefore?: Date } = {}): Promise<string[]> {
    let q = this.db
      .selectFrom('events as e')
      .leftJoin('comparisons as c', 'c.event_id', 'e.id')
      .select('e.id')
      .where('e.merged_into', 'is', null)
      .where((eb) => eb.or([eb('c.event_id', 'is', null), eb('c.version', '!=', version), eb('c.event_updated_at', '!=', eb.ref('e.updated_at'))]));
    if (options.changedBefore) q = q.where('e.updated_at', '<', options.changedBefore);
    const rows = await q.orderBy('e.updated_at').orderBy('e.id').limit(options.limit ?? 10_000).execute();
    return rows.map((r) => r.id);
  }

  /** Removes the comparisons of events merged into others (theirs is now part of the survivor's). */
  async deleteMerged(): Promise<number> {
    const r = await this.db
      .deleteFrom('comparisons')
      .where('event_id', 'in', (eb) => eb.selectFrom('events').select('id').where('merged_into', 'is not', null))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
