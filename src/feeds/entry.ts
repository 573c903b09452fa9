import type { FeedFormat } from './types.js';

/**
 * What a format parser hands to normalisation: the entry's fields as the feed wrote them (HTML
 * not stripped, dates not parsed, URLs not resolved), plus the base URLs in force where the
 * entry sits. Format parsers fill this; `normalize-item.ts` turns it into a FeedItem, so the
 * rules for URLs, dates and text live in one place whatever the format.
 */
export interface RawEntry {
  /** Candidate article links, best first (alternate link, guid permalink, rdf:about...). */
  links: string[];
  /** Base URLs for this entry's relative references, innermost (entry's xml:base) first. */
  bases: string[];
  id: string | null;
  /** Title, possibly with markup or entities. */
  title: string | null;
  published: string | null;
  updated: string | null;
  /** Summary/description as written (HTML or text). */
  summary: string | null;
  /** Full content as HTML, when the feed carries it. */
  contentHtml: string | null;
  authors: string[];
  categories: string[];
  /** Candidate image URLs, best first. */
  images: string[];
}

export interface RawFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  language: string | null;
  /** Feed-level base URLs, innermost first (channel/feed xml:base). */
  bases: string[];
  entries: RawEntry[];
}

export function emptyEntry(bases: string[]): RawEntry {
  return {
    links: [],
    bases,
    id: null,
    title: null,
    published: null,
    updated: null,
    summary: null,
    contentHtml: null,
    authors: [],
    categories: [],
    images: [],
  };
}
