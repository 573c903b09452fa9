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
 * What keeps a broad query ("Mali" over a year of news) as fast as a narrow one: ranking reads
 * every candidate's whole vector, and counting visits every match.
 */
export interface SearchCosts {
  /** Relevance ranks the newest this many matches: a news desk wants the best of what is recent. */
  rankCandidates: number;
  /** Matches are counted up to this many; past it, the total says "at least". */
  countCap: number;
}

export const DEFAULT_SEARCH_COSTS: SearchCosts = { rankCandidates: 2_000, countCap: 10_000 };

export interface SearchTotal {
  total: number;
  /** The total stopped at the count cap: there are at least `total` matches. */
  totalCapped: boolean;
}

const when = sql`coalesce(a.published, a.discovered_at)`;

function conditions(tsquery: string, f: SearchFilter): RawBuilder<unknown> {
  const parts = [sql`a.search @@ ${tsquery}::tsquery`];
  if (f.language) parts.push(sql`a.language = ${f.language}`);
  if (f.country) parts.push(sql`a.country = ${f.country}`);
  if (f.outlet) parts.push(sql`a.outlet = ${f.outlet}`);
  if (f.feedId) parts.push(sql`a.feed_id = ${f.feedId}`);
  if (f.eventId) parts.push(sql`a.event_id = ${f.eventId}`);
  if (f.since) parts.push(sql`${when} >= ${f.since}`);
  if (f.until) parts.push(sql`${when} < ${f.until}`);
  return sql.join(parts, sql` and `);
}

/** Full-text search over stored articles: the tsquery comes from src/search/tsquery.ts. */
export class SearchRepo {
  constructor(
    private readonly db: Db,
    private readonly costs: SearchCosts = DEFAULT_SEARCH_COSTS,
  ) {}

  async articles(tsquery: string, filter: SearchFilter, page: SearchPage): Promise<{ rows: ArticleMatch[] } & SearchTotal> {
    const where = conditions(tsquery, filter);
    const rows =
      page.sort === 'date'
        ? await sql<ArticleMatch>`
            select ${COLUMNS}, ts_rank_cd(a.search, ${tsquery}::tsquery) as score from articles a
             where ${where} order by ${when} desc, a.id limit ${page.limit} offset ${page.offset}`.execute(this.db)
        : await sql<ArticleMatch>`
            with candidates as (
              select a.id, ${when} as at from articles a where ${where} order by ${when} desc, a.id limit ${this.costs.rankCandidates})
            select ${COLUMNS}, ts_rank_cd(a.search, ${tsquery}::tsquery) as score
              from candidates c join articles a on a.id = c.id
             order by score desc, c.at desc, a.id limit ${page.limit} offset ${page.offset}`.execute(this.db);
    return { rows: rows.rows.map((row) => ({ ...row, score: Number(row.score) })), ...(await this.count(sql`select 1 from articles a where ${where}`)) };
  }

  /** Live events with a matching article (merged events answer through the event they joined). */
  async events(tsquery: string, filter: SearchFilter, page: SearchPage): Promise<{ rows: EventMatch[] } & SearchTotal> {
    const where = conditions(tsquery, filter);
    const order = page.sort === 'date' ? sql`e.last_updated desc, e.id` : sql`score desc, e.last_updated desc, e.id`;
    const r = await sql<{ id: string; score: number | string; matched: number | string }>`
      with candidates as (
        select a.id, a.event_id from articles a where ${where} and a.event_id is not null order by ${when} desc, a.id limit ${this.costs.rankCandidates})
      select e.id, max(ts_rank_cd(a.search, ${tsquery}::tsquery)) as score, count(*) as matched
        from candidates c join articles a on a.id = c.id join events e on e.id = c.event_id and e.merged_into is null
       group by e.id
       order by ${order}
       limit ${page.limit} offset ${page.offset}`.execute(this.db);
    const rows = r.rows.map((x) => ({ id: x.id, score: Number(x.score), matchedArticles: Number(x.matched) }));
    return { rows, ...(await this.count(sql`select distinct a.event_id from articles a join events e on e.id = a.event_id and e.merged_into is null where ${where}`)) };
  }

  private async count(matches: RawBuilder<unknown>): Promise<SearchTotal> {
    const cap = this.costs.countCap;
    const r = await sql<{ n: string | number }>`select count(*) as n from (${matches} limit ${cap + 1}) m`.execute(this.db);
    const n = Number(r.rows[0]!.n);
    return { total: Math.min(n, cap), totalCapped: n > cap };
  }
}
