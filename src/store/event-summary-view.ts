/** What the events list needs to narrow the events down; every field optional. */
export interface EventListFilter {
  /** ISO 3166 code: an outlet of that country reported it, or the event is about that country. */
  country?: string;
  /** An article of the event is in that language. */
  language?: string;
  /** Updated at or after this time. */
  since?: Date;
  /** A watchlist rule's name: only events it matched when alerts evaluated them (alert_states). */
  watchlist?: string;
  /** Only these events (a search's matches). */
  ids?: string[];
  limit: number;
  offset: number;
}

/** One row of the events list: the event without its articles, so a page of them is one read. */
export interface EventSummary {
  id: string;
  title: string;
  firstSeen: string;
  lastUpdated: string;
  articleCount: number;
  outlets: string[];
  /** Countries of the outlets that reported it. */
  outletCountries: string[];
  /** Countries the event is about (from the places it names). */
  countries: string[];
  languages: string[];
}

export interface EventSummaryPage {
  events: EventSummary[];
  /** Events matching the filter, over all pages. */
  total: number;
}
