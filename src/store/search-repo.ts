import { sql, type RawBuilder } from 'kysely';
import type { SearchFilter, SearchPage } from '../search/types.js';
import type { Db } from './database.js';
import { ARTICLE_VIEW_COLUMNS, type ArticleViewRow } from './article-view.js';
import type { ArticleRow } from './schema.js';

/** An article that matched, with its rank (PostgreSQL's cover density, title words weighing most). */
export type ArticleMatch = ArticleViewRow & Pick<ArticleRow, 'summary'> & { score: number };

const COLUMNS = sql.join([...ARTICLE_VIEW_COLUMNS, 'summary'].map((c) => sql.ref(`a.${c}`)));

/** An event some of whose articles matched: its best article's rank and how many matched. */
export interface EventMatch {
  id: string;
  score: number;
  matchedArticles: number;
}

/**
 * What keeps a search over a year of news as fast as one over a week: matches are sought newest
 * first, in widening spans of time, and the work stops once a page can be ranked and counted.
 */
export interface SearchCosts {
  /** Relevance ranks the newest this many matches: a news desk wants the best of what is recent. */
  rankCandidates: number;
  /** Matches are counted up to this many; past it, the total says "at least". */
  countCap: number;
  /**
   * Spans, in days back from the newest article (or `until`), searched one after the other until
   * enough matches are found; older than the last, the rest of the store.
   */
  lookbackDays: number[];
}

export const DEFAULT_SEARCH_COSTS: SearchCosts = { rankCandidates: 1_000, countCap: 1_000, lookbackDays: [1, 7, 30, 180] };

export interface SearchTotal {
  total: number;
  /** The total stopped at the count cap: there are at least `total` matches. */
  totalCapped: boolean;
}

const when = sql`coalesce(a.published, a.discovered_at)`;
const DAY_MS = 86_400_000;

function conditions(tsquery: string, f: SearchFilter): RawBuilder<unknown> {
  const parts = [sql`a.search @@ ${tsquery}::tsquery`];
  if (f.language) parts.push(sql`a.language = ${f.language}`);
  if (f.country) parts.push(sql`a.country = ${f.country}`);
  if (f.outlet) parts.push(sql`a.outlet = ${f.outlet}`);
  if (f.feedId) parts.push(sql`a.feed_id = ${f.feedId}`);
  if (f.eventId) parts.push(sql`a.event_id = ${f.eventId}`);
  return sql.join(parts, sql` and `);
}

/** A span of time [from, to), either end open. */
interface Span {
  from?: Date;
  to?: Date;
}

/** The spans to search, newest first, cut to the filter's own time range. */
export function searchSpans(anchor: Date, lookbackDays: number[], since?: Date, until?: Date): Span[] {
  const edges = lookbackDays.map((d) => new Date(anchor.getTime() - d * DAY_MS));
  const spans: Span[] = [];
  let to: Date | undefined = until;
  for (const edge of [...edges, undefined]) {
    const from = since && (!edge || edge < since) ? since : edge;
    if (!to || !from || from < to) spans.push({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
    if (from && since && from.getTime() === since.getTime()) break;
    if (from) to = from;
  }
  return spans;
}

interface Candidate {
  id: string;
  event_id: string | null;
  at: Date;
}

/** Full-text search over stored articles: the tsquery comes from src/search/tsquery.ts. */
export class SearchRepo {
  constructor(
    private readonly db: Db,
    private readonly costs: SearchCosts = DEFAULT_SEARCH_COSTS,
  ) {}

  async articles(tsquery: string, filter: SearchFilter, page: SearchPage): Promise<{ rows: ArticleMatch[] } & SearchTotal> {
    const wanted = page.sort === 'date' ? page.offset + page.limit : Math.max(this.costs.rankCandidates, page.offset + page.limit);
    const found = await this.newestMatches(tsquery, filter, false, wanted, (rows) => rows.length);
    const ids = found.candidates.map((c) => c.id);
    if (ids.length === 0) return { rows: [], ...found.total };
    const rows =
      page.sort === 'date'
        ? await sql<ArticleMatch>`
            select ${COLUMNS}, ts_rank_cd(a.search, ${tsquery}::tsquery) as score from articles a
             where a.id = any(${ids.slice(page.offset)}::text[]) order by ${when} desc, a.id`.execute(this.db)
        : await sql<ArticleMatch>`
            with ranked as (
              select a.id, ts_rank_cd(a.search, ${tsquery}::tsquery) as score, ${when} as at from articles a where a.id = any(${ids}::text[])
               order by score desc, at desc, a.id limit ${page.limit} offset ${page.offset})
            select ${COLUMNS}, r.score from ranked r join articles a on a.id = r.id order by r.score desc, r.at desc, a.id`.execute(this.db);
    return { rows: rows.rows.map((row) => ({ ...row, score: Number(row.score) })), ...found.total };
  }

  /** Live events with a matching article (merged events answer through the event they joined). */
  async events(tsquery: string, filter: SearchFilter, page: SearchPage): Promise<{ rows: EventMatch[] } & SearchTotal> {
    const found = await this.newestMatches(tsquery, filter, true, this.costs.rankCandidates, (rows) => new Set(rows.map((r) => r.event_id)).size);
    const ids = found.candidates.map((c) => c.id);
    if (ids.length === 0) return { rows: [], ...found.total };
    const order = page.sort === 'date' ? sql`e.last_updated desc, e.id` : sql`score desc, e.last_updated desc, e.id`;
    const r = await sql<{ id: string; score: number | string; matched: number | string }>`
      select e.id, max(ts_rank_cd(a.search, ${tsquery}::tsquery)) as score, count(*) as matched
        from articles a join events e on e.id = a.event_id and e.merged_into is null
       where a.id = any(${ids}::text[])
       group by e.id
       order by ${order}
       limit ${page.limit} offset ${page.offset}`.execute(this.db);
    return { rows: r.rows.map((x) => ({ id: x.id, score: Number(x.score), matchedArticles: Number(x.matched) })), ...found.total };
  }

  /**
   * The newest `wanted` matches and the count (by `measure`: articles, or distinct events) up to
   * the cap, span by span; when the rows fetched stop short of every match, the count is "at least". Within a span the word index and the date index are read together as
   * bitmaps; an index walk by date would test every article's vector, which costs more than the
   * whole span as soon as matches are sparse.
   */
  private async newestMatches(
    tsquery: string,
    filter: SearchFilter,
    inEvents: boolean,
    wanted: number,
    measure: (rows: Candidate[]) => number,
  ): Promise<{ candidates: Candidate[]; total: SearchTotal }> {
    const cap = this.costs.countCap;
    const anchor = filter.until ?? (await this.newest());
    if (!anchor) return { candidates: [], total: { total: 0, totalCapped: false } };
    const where = conditions(tsquery, filter);
    const live = inEvents ? sql`and exists (select 1 from events e where e.id = a.event_id and e.merged_into is null)` : sql``;
    const seen: Candidate[] = [];
    let truncated = false;
    return this.db.transaction().execute(async (trx) => {
      await sql`set local enable_indexscan = off`.execute(trx);
      for (const span of searchSpans(anchor, this.costs.lookbackDays, filter.since, filter.until)) {
        const limit = Math.max(wanted, cap + 1) - seen.length;
        const range = sql.join([sql`true`, ...(span.from ? [sql`${when} >= ${span.from}`] : []), ...(span.to ? [sql`${when} < ${span.to}`] : [])], sql` and `);
        const r = await sql<Candidate>`
          select a.id, a.event_id, ${when} as at from articles a where ${where} and ${range} ${live}
           order by ${when} desc, a.id limit ${limit}`.execute(trx);
        seen.push(...r.rows);
        truncated = r.rows.length === limit;
        if (truncated) break;
      }
      const n = measure(seen);
      return { candidates: seen.slice(0, wanted), total: { total: Math.min(n, cap), totalCapped: n > cap || truncated } };
    });
  }

  /** When the newest stored article was published: where the search spans start. */
  private async newest(): Promise<Date | undefined> {
    const r = await sql<{ at: Date | null }>`select max(${when}) as at from articles a`.execute(this.db);
    return r.rows[0]?.at ?? undefined;
  }
}
