import { sql, type RawBuilder } from 'kysely';
import type { SearchFilter, SearchPage } from '../search/types.js';
import type { Db } from './database.js';
import type { ArticleRow } from './schema.js';

/** An article that matched, with its rank (PostgreSQL's cover density, title words weighing most). */
export type ArticleMatch = ArticleRow & { score: number };

/** An event some of whose articles matched: its best article's rank and how many matched. */
export interface EventMatch {
  id: string;
  score: number;
  matchedArticles: number;
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
  constructor(private readonly db: Db) {}

  async articles(tsquery: string, filter: SearchFilter, page: SearchPage): Promise<{ rows: ArticleMatch[]; total: number }> {
    const order = page.sort === 'date' ? sql`${when} desc, a.id` : sql`score desc, ${when} desc, a.id`;
    const r = await sql<ArticleMatch & { total: string | number }>`
      select a.*, ts_rank_cd(a.search, ${tsquery}::tsquery) as score, count(*) over () as total
        from articles a
       where ${conditions(tsquery, filter)}
       order by ${order}
       limit ${page.limit} offset ${page.offset}`.execute(this.db);
    const total = r.rows.length > 0 ? Number(r.rows[0]!.total) : page.offset === 0 ? 0 : await this.count(tsquery, filter);
    return { rows: r.rows.map(({ total: _, ...row }) => ({ ...row, score: Number(row.score) })), total };
  }

  /** Live events with a matching article (merged events answer through the event they joined). */
  async events(tsquery: string, filter: SearchFilter, page: SearchPage): Promise<{ rows: EventMatch[]; total: number }> {
    const order = page.sort === 'date' ? sql`e.last_updated desc, e.id` : sql`score desc, e.last_updated desc, e.id`;
    const r = await sql<{ id: string; score: number | string; matched: number | string; total: number | string }>`
      select e.id, max(ts_rank_cd(a.search, ${tsquery}::tsquery)) as score, count(*) as matched, count(*) over () as total
        from articles a join events e on e.id = a.event_id and e.merged_into is null
       where ${conditions(tsquery, filter)}
       group by e.id
       order by ${order}
       limit ${page.limit} offset ${page.offset}`.execute(this.db);
    const rows = r.rows.map((x) => ({ id: x.id, score: Number(x.score), matchedArticles: Number(x.matched) }));
    const total = r.rows.length > 0 ? Number(r.rows[0]!.total) : page.offset === 0 ? 0 : (await this.events(tsquery, filter, { ...page, offset: 0, limit: 1 })).total;
    return { rows, total };
  }

  private async count(tsquery: string, filter: SearchFilter): Promise<number> {
    const r = await sql<{ n: string | number }>`select count(*) as n from articles a where ${conditions(tsquery, filter)}`.execute(this.db);
    return Number(r.rows[0]!.n);
  }
}
