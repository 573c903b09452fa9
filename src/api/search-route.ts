import type { FastifyInstance } from 'fastify';
import type { SearchOutcome } from '../pipeline/search.js';
import type { RawSearchParams } from '../search/request.js';

/**
 * GET /api/search?q=…: `kind` articles (default) or events; filters language, country, outlet, feed,
 * event, since, until; sort relevance|date; limit, offset. A bad query is a 400 naming the column.
 */
export function registerSearchRoute(app: FastifyInstance, search: (raw: RawSearchParams) => Promise<SearchOutcome>): void {
  app.get<{ Querystring: RawSearchParams }>('/api/search', async (req, reply) => {
    const r = await search(req.query ?? {});
    if ('error' in r) return reply.code(400).send(r);
    const { articles, events, ...head } = r;
    return r.kind === 'events' ? { ...head, events } : { ...head, articles };
  });
}
