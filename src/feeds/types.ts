/** One feed entry after parsing and normalisation: what the rest of the pipeline sees of a feed. */
export interface FeedItem {
  /** Canonical URL: absolute, resolved against xml:base / the feed URL, tracking params and fragment removed. */
  url: string;
  /** Stable id: the entry's guid/id when it has one, else the canonical URL. */
  guid: string;
  /** Plain text: entities decoded, tags stripped, whitespace collapsed. Empty string when the entry has none. */
  title: string;
  /** ISO 8601 (UTC) or null when the feed gives no date or one that cannot be parsed. Never invented. */
  published: string | null;
  updated: string | null;
  /** Plain-text summary (description/summary), or null. */
  summary: string | null;
  /** Full content as HTML when the feed carries it (content:encoded, atom content, content_html), or null. */
  contentHtml: string | null;
  author: string | null;
  categories: string[];
  /** Absolute image URL (media:content/thumbnail, enclosure image, itunes:image, JSON Feed image) or null. */
  image: string | null;
}

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  /** Site link of the feed (not the feed URL), absolute, or null. */
  link: string | null;
  language: string | null;
  items: FeedItem[];
}

/** Thrown by parseFeed for input that is not a feed; `message` is meant for the analyst's eyes. */
export class FeedParseError extends Error {
  constructor(
    message: string,
    readonly kind: 'malformed' | 'not-a-feed' | 'empty',
  ) {
    super(message);
    this.name = 'FeedParseError';
  }
}

/**
 * A feed entry normalised but not yet filtered: `url` is null when the entry has no usable link
 * (parseFeed drops those), and duplicates are still there. For diagnostics (`feeds check`) and
 * for tests that compare every entry with an expectation.
 */
export interface FeedEntry extends Omit<FeedItem, 'url' | 'guid'> {
  url: string | null;
  /** The entry's guid/id, else its URL, else null. */
  guid: string | null;
}

export interface ParsedFeedEntries extends Omit<ParsedFeed, 'items'> {
  entries: FeedEntry[];
}
