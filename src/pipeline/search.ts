import { parseQuery, QuerySyntaxError } from '../alerts/query.js';
import type { Vocabulary } from '../cluster/index.js';
import { makeSnippet } from '../search/snippet.js';
import { compileSearch } from '../search/tsquery.js';
import { parseSearchParams, SearchParamError, type RawSearchParams } from '../search/request.js';
import type { SearchFilter, SearchPage } from '../search/types.js';
import { articleView, type ArticleView, type EventSummary, type SearchTotal, type Store } from '../store/index.js';

/**
 * Search as the CLI, the API and the web page run it: the watchlists' query language (a bad query
 * throws QuerySyntaxError with its column), matched in the store, snippets cut here.
 */
export interface SearchRequest {
  query: string;
  filter: SearchFilter;
  page: SearchPage;
}

/** An article as `articles --json` shows it, with its rank and the passage that matched. */
export interface ArticleHit extends ArticleView {
  score: number;
  snippet: string;
  /** [start, end) of each highlighted word in `snippet`. */
  snippetMarks: [number, number][];
}

export interface EventHit extends EventSummary {
  score: number;
  matchedArticles: number;
}

export async function searchArticles(store: Store, vocabulary: Vocabulary, req: SearchRequest): Promise<SearchTotal & { articles: ArticleHit[] }> {
  const compiled = compileSearch(parseQuery(req.query), vocabulary);
  const { rows, total, totalCapped } = await store.search.articles(compiled.tsquery, req.filter, req.page);
  const articles = rows.map((row) => {
    const s = makeSnippet(row.text ?? row.summary ?? row.title, row.language, compiled.highlight);
    return { ...articleView(row), score: row.score, snippet: s.text, snippetMarks: s.marks };
  });
  return { total, totalCapped, articles };
}

export async function searchEvents(store: Store, vocabulary: Vocabulary, req: SearchRequest): Promise<SearchTotal & { events: EventHit[] }> {
  const compiled = compileSearch(parseQuery(req.query), vocabulary);
  const { rows, total, totalCapped } = await store.search.events(compiled.tsquery, req.filter, req.page);
  if (rows.length === 0) return { total, totalCapped, events: [] };
  const summaries = await store.events.summaries({ ids: rows.map((r) => r.id), limit: rows.length, offset: 0 });
  const byId = new Map(summaries.events.map((e) => [e.id, e]));
  const events = rows.flatMap((r) => {
    const e = byId.get(r.id);
    return e ? [{ ...e, score: r.score, matchedArticles: r.matchedArticles }] : [];
  });
  return { total, totalCapped, events };
}

/** A search's answer, or what was wrong with it (a query error carries its 1-based column). */
export type SearchOutcome =
  | ({ query: string; kind: 'articles' | 'events'; limit: number; offset: number; articles: ArticleHit[]; events: EventHit[] } & SearchTotal)
  | { error: string; param: string; column?: number };

/** One search for every surface: parameters checked, the query parsed, the store asked. */
export async function runSearch(store: Store, vocabulary: Vocabulary, raw: RawSearchParams): Promise<SearchOutcome> {
  try {
    const p = parseSearchParams(raw);
    const request = { query: p.query, filter: p.filter, page: p.page };
    const base = { query: p.query, kind: p.kind, limit: p.page.limit, offset: p.page.offset };
    if (p.kind === 'events') {
      const r = await searchEvents(store, vocabulary, request);
      return { ...base, total: r.total, totalCapped: r.totalCapped, articles: [], events: r.events };
    }
    const r = await searchArticles(store, vocabulary, request);
    return { ...base, total: r.total, totalCapped: r.totalCapped, articles: r.articles, events: [] };
  } catch (err) {
    if (err instanceof QuerySyntaxError) return { error: err.message, param: 'q', column: err.column };
    if (err instanceof SearchParamError) return { error: err.message, param: err.param };
    throw err;
  }
}

