import { parseDuration } from '../config/duration.js';
import type { SearchFilter, SearchPage, SearchSort } from './types.js';

/**
 * A search as people type it, on the command line or in a URL, checked once for every surface:
 * `since`/`until` take a duration back from now ("24h", "7d") or a date ("2025-08-01").
 */
export interface RawSearchParams {
  q?: string | undefined;
  language?: string | undefined;
  country?: string | undefined;
  outlet?: string | undefined;
  feed?: string | undefined;
  event?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  sort?: string | undefined;
  limit?: string | number | undefined;
  offset?: string | number | undefined;
  /** What is searched for: articles, or the events they belong to. */
  kind?: string | undefined;
}

export type SearchKind = 'articles' | 'events';

export interface ParsedSearch {
  query: string;
  kind: SearchKind;
  filter: SearchFilter;
  page: SearchPage;
}

export interface SearchLimits {
  defaultLimit: number;
  maxLimit: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = { defaultLimit: 20, maxLimit: 500 };

/** A parameter that cannot be used, named as the user wrote it. */
export class SearchParamError extends Error {
  constructor(
    readonly param: string,
    reason: string,
  ) {
    super(`${param}: ${reason}`);
    this.name = 'SearchParamError';
  }
}

function time(param: string, value: string, now: Date): Date {
  const back = parseDuration(value);
  if (back !== null) return new Date(now.getTime() - back);
  const d = /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new SearchParamError(param, `"${value}" is neither a duration (24h, 7d) nor a date (2025-08-01)`);
  return d;
}

function count(param: string, value: string | number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new SearchParamError(param, `"${value}" is not a whole number from ${min} to ${max}`);
  return n;
}

export function parseSearchParams(raw: RawSearchParams, now = new Date(), limits: SearchLimits = DEFAULT_SEARCH_LIMITS): ParsedSearch {
  const query = raw.q?.trim() ?? '';
  if (query === '') throw new SearchParamError('q', 'the query is empty');
  const sort = (raw.sort ?? 'relevance') as SearchSort;
  if (sort !== 'relevance' && sort !== 'date') throw new SearchParamError('sort', `"${raw.sort}" is not relevance or date`);
  const kind = (raw.kind ?? 'articles') as SearchKind;
  if (kind !== 'articles' && kind !== 'events') throw new SearchParamError('kind', `"${raw.kind}" is not articles or events`);
  const filter: SearchFilter = {};
  if (raw.language) filter.language = raw.language.toLowerCase();
  if (raw.country) filter.country = raw.country.toUpperCase();
  if (raw.outlet) filter.outlet = raw.outlet;
  if (raw.feed) filter.feedId = raw.feed;
  if (raw.event) filter.eventId = raw.event;
  if (raw.since) filter.since = time('since', raw.since, now);
  if (raw.until) filter.until = time('until', raw.until, now);
  return {
    query,
    kind,
    filter,
    page: {
      sort,
      limit: count('limit', raw.limit, limits.defaultLimit, 1, limits.maxLimit),
      offset: count('offset', raw.offset, 0, 0, 1_000_000),
    },
  };
}
