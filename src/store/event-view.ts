import type { EventRow } from './schema.js';

export interface EventArticleView {
  id: string;
  url: string;
  outlet: string;
  country: string;
  language: string;
  title: string;
  published: string | null;
  /** When Parallax first saw it (ISO): the article's time when the outlet gave none. */
  discoveredAt: string;
  /** Id of the feed (config/feeds.yaml) it came from. */
  feedId: string;
  duplicateOf: string | null;
  /** Why it joined: shared terms and keys, and the score. */
  why: Record<string, unknown> | null;
}

/**
 * An event as `parallax events --json` and `GET /api/events` show it. Field names are a contract
 * (issues 4 and 5): add fields, never rename or remove one.
 */
export interface EventView {
  id: string;
  title: string;
  firstSeen: string;
  lastUpdated: string;
  articles: EventArticleView[];
  outlets: string[];
  /** Countries the event is about (from the places it names). */
  countries: string[];
  /** Countries of the outlets that reported it. */
  outletCountries: string[];
  languages: string[];
  keys: string[];
  entities: string[];
  mergedFrom: string[];
}

export interface EventArticleRow {
  id: string;
  url: string;
  outlet: string;
  country: string;
  language: string;
  title: string;
  published: Date | null;
  discovered_at: Date;
  feed_id: string;
  duplicate_of: string | null;
  event_id: string | null;
  event_why: Record<string, unknown> | null;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function eventView(e: EventRow, articles: EventArticleRow[]): EventView {
  const record = e.record as Record<string, unknown>;
  return {
    id: e.id,
    title: e.title,
    firstSeen: e.first_seen.toISOString(),
    lastUpdated: e.last_updated.toISOString(),
    articles: articles.map((a) => ({
      id: a.id,
      url: a.url,
      outlet: a.outlet,
      country: a.country,
      language: a.language,
      title: a.title,
      published: a.published ? a.published.toISOString() : null,
      discoveredAt: a.discovered_at.toISOString(),
      feedId: a.feed_id,
      duplicateOf: a.duplicate_of,
      why: a.event_why,
    })),
    outlets: [...new Set(articles.map((a) => a.outlet))].sort(),
    countries: strings(record.countries),
    outletCountries: [...new Set(articles.map((a) => a.country))].sort(),
    languages: [...new Set(articles.map((a) => a.language))].sort(),
    keys: strings(record.keys),
    entities: strings(record.entities),
    mergedFrom: strings(record.mergedFrom),
  };
}
