import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { FeedItem } from '../feeds/types.js';
import { searchVector } from '../search/document.js';
import type { Db } from './database.js';
import type { ArticleRow, ArticleStatus } from './schema.js';

/** Article id: a pure function of the canonical URL, so every process derives the same id (and job id). */
export function articleId(canonicalUrl: string): string {
  return createHash('sha256').update(canonicalUrl).digest('hex').slice(0, 16);
}

export interface FeedOfArticle {
  id: string;
  outlet: string;
  country: string;
  language: string;
}

/** An article's title and language as stored before a write: what its search vector falls back on. */
export interface StoredTitle {
  title: string;
  language: string;
}

export interface ExtractedFields {
  finalUrl: string;
  httpStatus: number;
  html: string;
  title: string | null;
  byline: string | null;
  published: string | null;
  modified: string | null;
  /**
   * The page's language and how it was found. Only a confident detection from the text overrules
   * the feed's configured language: a page's lang attribute is often a CMS default.
   */
  language: { code: string; source: 'text' | 'page' | 'guess' } | null;
  text: string;
  image: string | null;
  extraction: Record<string, unknown>;
  /** The stored title and language, when the caller has read them already; else they are read here. */
  stored?: StoredTitle;
}

export interface FallbackFields {
  /** Why the page was not used, in words for the analyst. */
  reason: string;
  kind: string;
  httpStatus: number | null;
  text: string | null;
  html?: string | null;
  finalUrl?: string | null;
  extraction?: Record<string, unknown> | null;
  /** The stored title and language, when the caller has read them already; else they are read here. */
  stored?: StoredTitle;
}

export interface ArticleQuery {
  limit?: number;
  offset?: number;
  feedId?: string;
  status?: ArticleStatus;
}

/** All SQL about articles. */
export class ArticlesRepo {
  constructor(private readonly db: Db) {}

  /**
   * Stores newly discovered feed items as pending articles and returns the ones that were new.
   * Uniqueness is the database's job (unique canonical URL): re-polls, retries and concurrent
   * workers race here harmlessly, and only the winner gets the row back.
   */
  async insertDiscovered(feed: FeedOfArticle, items: FeedItem[], at = new Date()): Promise<{ id: string; url: string }[]> {
    const byUrl = new Map<string, FeedItem>();
    for (const item of items) if (!byUrl.has(item.url)) byUrl.set(item.url, item);
    if (byUrl.size === 0) return [];
    const rows = [...byUrl.values()].map((item) => ({
      id: articleId(item.url),
      url: item.url,
      feed_id: feed.id,
      guid: item.guid,
      outlet: feed.outlet,
      country: feed.country,
      language: feed.language,
      status: 'pending' as const,
      title: item.title,
      byline: item.author,
      published: item.published,
      modified: item.updated,
      summary: item.summary,
      feed_content_html: item.contentHtml,
      feed_categories: JSON.stringify(item.categories),
      image: item.image,
      // Searchable from discovery, by what the feed says, until the page's text replaces it.
      search: searchVector(item.title, item.summary, feed.language),
      discovered_at: at,
    }));
    const inserted: { id: string; url: string }[] = [];
    // Chunked so that a feed of thousands of items stays under the bind-parameter limit.
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      inserted.push(
        ...(await this.db
          .insertInto('articles')
          .values(chunk)
          .onConflict((oc) => oc.doNothing())
          .returning(['id', 'url'])
          .execute()),
      );
    }
    return inserted;
  }

  async get(id: string): Promise<ArticleRow | undefined> {
    return this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** What fetch-article needs, with its feed's robots setting, in one round trip (the hot path). */
  async getForFetch(id: string) {
    return this.db
      .selectFrom('articles')
      .leftJoin('feeds', 'feeds.id', 'articles.feed_id')
      .select(['articles.id', 'articles.url', 'articles.feed_id', 'articles.status', 'articles.feed_content_html', 'articles.summary', 'articles.title', 'articles.language', 'feeds.robots', 'feeds.url as feed_url', 'feeds.extract_rules'])
      .where('articles.id', '=', id)
      .executeTakeFirst();
  }

  async getByUrl(url: string): Promise<ArticleRow | undefined> {
    return this.db.selectFrom('articles').selectAll().where('url', '=', url).executeTakeFirst();
  }

  /** Fills a pending article from its page. Returns false if it was not pending (already done by someone). */
  async saveExtracted(id: string, f: ExtractedFields, at = new Date()): Promise<boolean> {
    // The index is written with the text, so it can never lag behind it; the title and language the
    // page leaves as they were come from the caller or one key lookup, and only when needed.
    const language = f.language?.source === 'text' ? f.language.code : null;
    const kept = f.title && language ? null : (f.stored ?? (await this.titleAndLanguage(id)));
    if (kept === undefined) return false;
    const search = searchVector(f.title || kept!.title, f.text, language ?? kept!.language);
    const r = await this.db
      .updateTable('articles')
      .set((eb) => ({
        status: 'extracted',
        final_url: f.finalUrl,
        http_status: f.httpStatus,
        html: f.html,
        // The feed's title and date stay when the page has none: the feed is evidence too.
        title: f.title ? f.title : eb.ref('title'),
        byline: f.byline ? f.byline : eb.ref('byline'),
        published: f.published ? f.published : eb.ref('published'),
        modified: f.modified ? f.modified : eb.ref('modified'),
        language: f.language?.source === 'text' ? f.language.code : eb.ref('language'),
        image: f.image ? f.image : eb.ref('image'),
        text: f.text,
        extraction: JSON.stringify(f.extraction),
        search,
        fetch_error: null,
        fetch_error_kind: null,
        fetched_at: at,
      }))
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Keeps the feed's own content when the page cannot be used, and records why. */
  async saveFallback(id: string, f: FallbackFields, at = new Date()): Promise<boolean> {
    const kept = f.stored ?? (await this.titleAndLanguage(id));
    if (!kept) return false;
    const r = await this.db
      .updateTable('articles')
      .set({
        status: 'feed-content',
        text: f.text,
        ...(f.text ? { search: searchVector(kept.title, f.text, kept.language) } : {}),
        html: f.html ?? null,
        final_url: f.finalUrl ?? null,
        extraction: f.extraction ? JSON.stringify(f.extraction) : null,
        fetch_error: f.reason,
        fetch_error_kind: f.kind,
        http_status: f.httpStatus,
        fetched_at: at,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  private titleAndLanguage(id: string): Promise<StoredTitle | undefined> {
    return this.db.selectFrom('articles').select(['title', 'language']).where('id', '=', id).executeTakeFirst();
  }

  /** Pending articles discovered before `before`: work whose job may have been lost. */
  async listPending(before: Date, limit = 1000): Promise<{ id: string; url: string; feed_id: string }[]> {
    return this.db
      .selectFrom('articles')
      .select(['id', 'url', 'feed_id'])
      .where('status', '=', 'pending')
      .where('discovered_at', '<', before)
      .orderBy('discovered_at')
      .limit(limit)
      .execute();
  }

  /** One feed's pending articles, oldest first: what a retried poll makes sure has a job. */
  async listPendingOfFeed(feedId: string, limit = 1000): Promise<{ id: string; url: string }[]> {
    return this.db
      .selectFrom('articles')
      .select(['id', 'url'])
      .where('status', '=', 'pending')
      .where('feed_id', '=', feedId)
      .orderBy('discovered_at')
      .limit(limit)
      .execute();
  }

  async list(q: ArticleQuery = {}): Promise<ArticleRow[]> {
    let query = this.db
      .selectFrom('articles')
      .selectAll()
      .orderBy(sql`coalesce(published, discovered_at)`, 'desc')
      .orderBy('id');
    if (q.feedId) query = query.where('feed_id', '=', q.feedId);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.limit !== undefined) query = query.limit(q.limit);
    if (q.offset) query = query.offset(q.offset);
    return query.execute();
  }

  async countByStatus(): Promise<Record<ArticleStatus, number>> {
    const rows = await this.db
      .selectFrom('articles')
      .select(['status', sql<string>`count(*)`.as('n')])
      .groupBy('status')
      .execute();
    const out: Record<ArticleStatus, number> = { pending: 0, extracted: 0, 'feed-content': 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }
}
