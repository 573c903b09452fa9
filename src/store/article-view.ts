import type { ArticleRow } from './schema.js';

/**
 * The article as `parallax articles --json` and `GET /api/articles` show it. The field names are a
 * contract with analysts' scripts: add fields, never rename or remove one.
 */
export interface ArticleView {
  id: string;
  url: string;
  feedId: string;
  outlet: string;
  country: string;
  language: string;
  title: string;
  byline: string | null;
  published: string | null;
  text: string | null;
  duplicateOf: string | null;
  eventId: string | null;
  status: string;
  fetchError: string | null;
  discoveredAt: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The columns the view reads: lists select these, not the page's HTML or the search vector. */
export const ARTICLE_VIEW_COLUMNS = [
  'id', 'url', 'feed_id', 'outlet', 'country', 'language', 'title', 'byline', 'published', 'text',
  'duplicate_of', 'event_id', 'status', 'fetch_error', 'discovered_at',
] as const;

export type ArticleViewRow = Pick<ArticleRow, (typeof ARTICLE_VIEW_COLUMNS)[number]>;

export function articleView(a: ArticleViewRow): ArticleView {
  return {
    id: a.id,
    url: a.url,
    feedId: a.feed_id,
    outlet: a.outlet,
    country: a.country,
    language: a.language,
    title: a.title,
    byline: a.byline,
    published: iso(a.published),
    text: a.text,
    duplicateOf: a.duplicate_of,
    eventId: a.event_id,
    status: a.status,
    fetchError: a.fetch_error,
    discoveredAt: a.discovered_at.toISOString(),
  };
}
