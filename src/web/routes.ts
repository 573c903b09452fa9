import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Comparison } from '../compare/types.js';
import { parseDuration } from '../config/duration.js';
import { feedView, type Store } from '../store/index.js';
import { renderComparison } from './comparison-page.js';
import { renderEventArticles } from './event-articles-page.js';
import { renderEventsList, SINCE_CHOICES } from './events-list.js';
import { renderFeedsPage } from './feeds-page.js';
import type { Html } from './html.js';
import type { RawSearchParams } from '../search/request.js';
import type { SearchOutcome } from '../pipeline/search.js';
import { renderSearchPage } from './search-page.js';

export interface WebDeps {
  store: Store;
  /** Runs a search for the search page (the same one as /api/search). */
  search?: (params: RawSearchParams) => Promise<SearchOutcome>;
  /** The event's stored comparison (computed first if missing or stale); absent: the page lists its articles. */
  comparison?: (eventId: string) => Promise<Comparison | undefined>;
  /** Names of the watchlist rules in config/watchlists.yaml, when this process loaded it. */
  watchlists?: () => string[];
}

export const PAGE_SIZE = 50;

const listQuery = z.object({
  country: z.string().regex(/^[A-Za-z]{2}$/).transform((s) => s.toUpperCase()).optional().catch(undefined),
  language: z.string().regex(/^[A-Za-z]{2,3}$/).transform((s) => s.toLowerCase()).optional().catch(undefined),
  since: z.enum(SINCE_CHOICES.map(([v]) => v).filter(Boolean) as [string, ...string[]]).optional().catch(undefined),
  watchlist: z.string().min(1).max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

/**
 * The watchlist filter offers the rules of the loaded watchlists file and any rule that has
 * matched an event (a process without the file still lists what evaluation recorded); no rule
 * known, no filter.
 */
function watchlistNames(deps: WebDeps, matched: string[]): string[] | null {
  const names = [...new Set([...(deps.watchlists?.() ?? []), ...matched])].sort();
  return names.length ? names : null;
}

const send = (reply: FastifyReply, page: Html, code = 200) => reply.code(code).type('text/html; charset=utf-8').send(page.toString());

/**
 * The web pages served by `parallax start`: server-rendered, one store read per page. Kept in
 * one function so that server.ts only calls it.
 */
export function registerWebRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get('/', async (req, reply) => {
    // A filter value that makes no sense is dropped rather than refused: the page is for people.
    const q = listQuery.parse(req.query ?? {});
    const now = new Date();
    const [page, feeds, matched] = await Promise.all([
      deps.store.events.summaries({
        country: q.country,
        language: q.language,
        watchlist: q.watchlist,
        since: q.since ? new Date(now.getTime() - parseDuration(q.since)!) : undefined,
        limit: PAGE_SIZE,
        offset: (q.page - 1) * PAGE_SIZE,
      }),
      deps.store.feeds.list(),
      deps.store.alerts.matchedRules(),
    ]);
    const sorted = (xs: string[]) => [...new Set(xs)].sort();
    return send(reply, renderEventsList({
      page,
      filters: { country: q.country, language: q.language, since: q.since, watchlist: q.watchlist },
      pageNumber: q.page,
      pageSize: PAGE_SIZE,
      options: { countries: sorted(feeds.map((f) => f.country)), languages: sorted(feeds.map((f) => f.language)), watchlists: watchlistNames(deps, matched) },
      now,
    }));
  });

  app.get<{ Querystring: RawSearchParams }>('/search', async (req, reply) => {
    const params = req.query ?? {};
    const query = params.q?.trim() ?? '';
    const kind = params.kind === 'events' ? 'events' : 'articles';
    const empty = { query, kind, total: 0, articles: [], events: [] } as const;
    if (!query || !deps.search) return send(reply, renderSearchPage(empty));
    const r = await deps.search({ ...params, kind });
    if ('error' in r) return send(reply, renderSearchPage({ ...empty, error: { message: r.error, ...(r.column ? { column: r.column } : {}) } }), 400);
    const shown = r.offset + r.articles.length + r.events.length;
    const next = shown < r.total ? `/search?${new URLSearchParams({ ...(params as Record<string, string>), kind, offset: String(shown) })}` : undefined;
    return send(reply, renderSearchPage({ query, kind, total: r.total, totalCapped: r.totalCapped, articles: r.articles, events: r.events, ...(next ? { next } : {}) }));
  });

  app.get<{ Params: { id: string } }>('/events/:id', async (req, reply) => {
    const event = await deps.store.events.view(req.params.id);
    if (!event) return reply.code(404).type('text/plain; charset=utf-8').send(`no event ${req.params.id}`);
    // A merged-away id shows the event that absorbed it, under its own address.
    if (event.id !== req.params.id) return reply.redirect(`/events/${encodeURIComponent(event.id)}`);
    const comparison = deps.comparison ? await deps.comparison(event.id) : undefined;
    if (comparison) return send(reply, renderComparison(comparison));
    return send(reply, renderEventArticles(event, deps.comparison ? 'This event has not been compared yet.' : 'Comparisons are not available in this process.'));
  });

  app.get('/feeds', async (_req, reply) => {
    const feeds = (await deps.store.feeds.list()).map(feedView);
    return send(reply, renderFeedsPage({ feeds, now: new Date() }));
  });
}
