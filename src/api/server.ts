import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Comparison } from '../compare/types.js';
import { articleView, feedView, type Store } from '../store/index.js';
import { loadVocabulary, type Vocabulary } from '../cluster/index.js';
import type { RawSearchParams } from '../search/request.js';
import { registerWebRoutes } from '../web/routes.js';
import { createHttpServer, type AccessOptions } from './access.js';
import { defaultAllowedHosts } from './credentials.js';
import { runSearch } from '../pipeline/search.js';
import { registerSearchRoute } from './search-route.js';

export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

export interface ApiOptions {
  store: Store;
  /** Dependencies /healthz verifies (database, Redis); each must answer within the probe's time. */
  checks: HealthCheck[];
  /** An event's comparison for the web page (see src/web/routes.ts); without it, the page lists the articles. */
  comparison?: (eventId: string) => Promise<Comparison | undefined>;
  /** Names of the loaded watchlist rules, for the web page's filter. */
  watchlists?: () => string[];
  /** Tokens and Host names (src/api/access.ts); default: no token, loopback Host names only. */
  access?: AccessOptions;
  /** The multilingual vocabulary search expands words with (default: config/vocabulary, read on first search). */
  vocabulary?: Vocabulary;
}

/** A server on loopback with no token: what tests, benchmarks and the demo get. */
export const LOOPBACK_ACCESS: AccessOptions = { apiToken: null, metricsToken: null, allowedHosts: defaultAllowedHosts('127.0.0.1') };

/** A dependency that does not answer in this time is down: /healthz answers 503 rather than hanging. */
export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

const articlesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  feed: z.string().optional(),
  status: z.enum(['pending', 'extracted', 'feed-content']).optional(),
});

const eventsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const alertsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  rule: z.string().optional(),
  event: z.string().optional(),
  status: z.string().optional(),
});

/** The HTTP API served by `parallax start`. Handlers only translate HTTP to store reads. */
export function buildApi(opts: ApiOptions): FastifyInstance {
  const app = createHttpServer(opts.access ?? LOOPBACK_ACCESS);

  app.get('/healthz', async (_req, reply) => {
    const results = await Promise.all(
      opts.checks.map(async (c) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          // A client that queues commands while disconnected (ioredis) would otherwise never answer.
          const late = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_CHECK_TIMEOUT_MS} ms`)), HEALTH_CHECK_TIMEOUT_MS);
          });
          await Promise.race([c.check(), late]);
          return [c.name, 'ok'] as const;
        } catch (err) {
          return [c.name, `error: ${(err as Error).message}`] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const ok = results.every(([, s]) => s === 'ok');
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks: Object.fromEntries(results) });
  });

  app.get('/api/feeds', async () => (await opts.store.feeds.list()).map(feedView));

  app.get('/api/articles', async (req, reply) => {
    const q = articlesQuery.safeParse(req.query);
    if (!q.success) {
      return reply.code(400).send({ error: q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    }
    const rows = await opts.store.articles.list({ limit: q.data.limit, offset: q.data.offset, feedId: q.data.feed, status: q.data.status });
    return rows.map(articleView);
  });

  app.get('/api/events', async (req, reply) => {
    const q = eventsQuery.safeParse(req.query);
    if (!q.success) {
      return reply.code(400).send({ error: q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    }
    return opts.store.events.views(q.data.limit, q.data.offset);
  });

  app.get<{ Params: { id: string } }>('/api/events/:id', async (req, reply) => {
    const event = await opts.store.events.view(req.params.id);
    return event ?? reply.code(404).send({ error: `no event ${req.params.id}` });
  });

  // The same comparison the web page shows: stored, or computed now (and stored) when stale.
  app.get<{ Params: { id: string } }>('/api/events/:id/compare', async (req, reply) => {
    if (!opts.comparison) return reply.code(503).send({ error: 'comparisons are not available in this process' });
    const comparison = await opts.comparison(req.params.id);
    return comparison ?? reply.code(404).send({ error: `no event ${req.params.id}` });
  });

  // Newest first: what the watchlists raised, with each alert's payload as its channels received it.
  app.get('/api/alerts', async (req, reply) => {
    const q = alertsQuery.safeParse(req.query);
    if (!q.success) {
      return reply.code(400).send({ error: q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    }
    const { event, rule, status, ...page } = q.data;
    return opts.store.alerts.list({ ...page, ...(event ? { eventId: event } : {}), ...(rule ? { rule } : {}), ...(status ? { status } : {}) });
  });

  let vocabulary = opts.vocabulary;
  const search = (raw: RawSearchParams) => runSearch(opts.store, (vocabulary ??= loadVocabulary()), raw);
  registerSearchRoute(app, search);

  registerWebRoutes(app, { store: opts.store, comparison: opts.comparison, watchlists: opts.watchlists, search });

  return app;
}
