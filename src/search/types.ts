/** What a search narrows its results to; every field optional. */
export interface SearchFilter {
  language?: string;
  /** ISO 3166 code of the outlet's country. */
  country?: string;
  outlet?: string;
  feedId?: string;
  eventId?: string;
  /** Published (or, undated, discovered) at or after / before these times. */
  since?: Date;
  until?: Date;
}

/** Best match first, or newest first. */
export type SearchSort = 'relevance' | 'date';

export interface SearchPage {
  limit: number;
  offset: number;
  sort: SearchSort;
}
