import type { EventView } from '../model/event-view.js';
import type { EventRow } from './schema.js';

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
