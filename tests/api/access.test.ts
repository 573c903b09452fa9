import type { FastifyInstance, HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { registerOperations } from '../../src/api/operations.js';
import { buildApi } from '../../src/api/server.js';
import { openStore, type Store } from '../../src/store/index.js';
import { openMonitoredQueues, type MonitoredQueues } from '../../workers/monitored-queues.js';
import { freshPostgres } from '../helpers/databases.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';
import { writeEvents } from '../helpers/synthetic-events.js';

/**
 * PARALLAX_API_TOKEN set: every route of the server `parallax start` builds (the API, the web
 * pages, /metrics, bull-board's dashboard and its API under /queues), read from fastify itself so
 * that a route added later cannot slip through, answers 401 without the token and works with it;
 * /healthz alone stays open. The Host allow-list refuses names it does not list (DNS rebinding).
 */
const TOKEN = 'api-token-for-the-access-test-0123';
const METRICS_TOKEN = 'metrics-token-for-the-access-test';
const ALLOWED = ['localhost', '127.0.0.1', '[::1]', 'parallax.example.org:8443'];

interface Route {
  method: HTTPMethods;
  url: string;
}

/** Every route fastify has, from its own route tree (printRoutes), with each method on its own. */
function routesOf(app: FastifyInstance): Route[] {
  const out: Route[] = [];
  const path: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([\s│├└─]*?)(?:├── |└── )(\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = [...m[1]!].length / 4;
    path.length = depth;
    path[depth] = m[2]!;
    for (const method of m[3]?.split(', ') ?? []) out.push({ method: method as HTTPMethods, url: path.join('') });
  }
  return out;
}

/** The login form as a browser posts it. */
const formPost = (url: string, body: string) => ({
  method: 'POST' as const, url, payload: body, headers: { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded' },
});

/** A concrete URL for a route pattern: a stored event, a real queue where bull-board wants one. */
// Routes that answer 200 only to a request with its required parameters.
const REQUIRED_QUERY: Record<string, string> = { '/api/search': '?q=Mali', '/search': '?q=Mali' };

const concrete = (url: string) =>
  (REQUIRED_QUERY[url] ? `${url}${REQUIRED_QUERY[url]}` : url).replace(':id', 'ev-1').replace(':queueName', 'compare').replace(':queueStatus', 'failed').replace(/:[A-Za-z]+/g, 'none').replace(/\*$/, 'static.js');

describe('access control over every route (PARALLAX_API_TOKEN set)', { timeout: 120_000 }, () => {
  let store: Store;
  let db: { url: string; drop(): Promise<void> };
  let monitored: MonitoredQueues;
  let prefix: string;
  let app: FastifyInstance;
  let routes: Route[];

  beforeAll(async () => {
    db = await freshPostgres();
    store = await openStore({ kind: 'postgres', url: db.url });
    await writeEvents(store, [{ id: 'ev-1', title: 'One event', lastUpdated: new Date(), feeds: ['ortm'], about: [] }]);
    prefix = testPrefix();
    monitored = openMonitoredQueues({ redisUrl: TEST_REDIS_URL, prefix });
    app = buildApi({ store, checks: [], access: { apiToken: TOKEN, metricsToken: METRICS_TOKEN, allowedHosts: ALLOWED } });
    registerOperations(app, monitored.queues);
    await app.ready();
    routes = routesOf(app);
  });
  afterAll(async () => {
    await app?.close();
    await monitored?.close();
    await store?.close();
    await db?.drop();
    await dropPrefix(prefix);
  });

  const call = (r: Route, headers: Record<string, string> = {}) =>
    app.inject({ method: r.method, url: concrete(r.url), headers: { host: '127.0.0.1:8080', ...headers } });

  test('the routes are all found: the API, the pages, /metrics and bull-board, its actions included', () => {
    const names = routes.map((r) => `${r.method} ${r.url}`);
    for (const expected of ['GET /healthz', 'GET /api/feeds', 'GET /api/alerts', 'GET /api/events/:id/compare', 'GET /', 'GET /events/:id', 'GET /feeds', 'GET /metrics', 'GET /queues', 'PUT /queues/api/queues/:queueName/pause', 'PUT /queues/api/queues/:queueName/obliterate', 'POST /queues/api/queues/:queueName/add']) {
      expect(names).toContain(expected);
    }
    expect(routes.length).toBeGreaterThan(60);
  });

  test('without the token, or with a wrong one, every route but /healthz answers 401', async () => {
    const answered: string[] = [];
    for (const r of routes) {
      const none = await call(r);
      const wrong = await call(r, { authorization: `Bearer ${TOKEN}x` });
      const metricsOnly = r.url === '/metrics' ? 200 : 401;
      answered.push(`${r.method} ${r.url} ${none.statusCode} ${wrong.statusCode} ${(await call(r, { authorization: `Bearer ${METRICS_TOKEN}` })).statusCode}`);
      if (r.url === '/healthz') {
        expect(none.statusCode, `${r.method} ${r.url}`).toBe(200);
        continue;
      }
      expect(none.statusCode, `${r.method} ${r.url} without a token`).toBe(401);
      expect(wrong.statusCode, `${r.method} ${r.url} with a wrong token`).toBe(401);
      expect(answered.at(-1), 'the metrics token opens /metrics only').toMatch(new RegExp(` ${metricsOnly}$`));
    }
    // Paths no route has are refused the same way, not told apart by a 404.
    expect((await call({ method: 'GET', url: '/no/such/page' })).statusCode).toBe(401);
    // Nothing was done by the refused requests: the queue bull-board was asked to pause is not paused.
    expect(await monitored.queues.find((q) => q.name === 'compare')!.isPaused()).toBe(false);
  });

  test('with the token every route does its work (200 for the API, the pages and /metrics)', async () => {
    for (const r of routes) {
      // The login form is given the token in its form, not in a header.
      const res = r.url === '/login'
        ? await app.inject(formPost('/login', `token=${TOKEN}`))
        : await call(r, { authorization: `Bearer ${TOKEN}` });
      expect([401, 403, 421], `${r.method} ${r.url}: ${res.statusCode} ${res.body.slice(0, 200)}`).not.toContain(res.statusCode);
      // Comparisons are not given to this server (503); bull-board's answers depend on the job ids made up here.
      if (r.method === 'GET' && !r.url.startsWith('/queues/') && !r.url.endsWith('/compare')) expect(res.statusCode, `${r.method} ${r.url}`).toBe(200);
    }
    const paused = await app.inject({ method: 'PUT', url: '/queues/api/queues/compare/pause', headers: { host: 'localhost', authorization: `Bearer ${TOKEN}` } });
    expect(paused.statusCode).toBe(200);
    const compare = monitored.queues.find((q) => q.name === 'compare')!;
    expect(await compare.isPaused()).toBe(true);
    await compare.resume();
  });

  test('a browser signs in with the form: a session cookie, HttpOnly and SameSite=Strict, opens the pages', async () => {
    const page = await app.inject({ url: '/feeds?x=1', headers: { host: 'localhost', accept: 'text/html,application/xhtml+xml' } });
    expect(page.statusCode).toBe(401);
    expect(page.body).toContain('<form class="filters" method="post" action="/login">');
    expect(page.body).toContain('name="next" value="&#x2F;feeds?x&#x3D;1"');

    const wrong = await app.inject(formPost('/login', `token=nope&next=/feeds`));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(wrong.body).toContain('That token is not the right one.');

    const right = await app.inject(formPost('/login', `token=${encodeURIComponent(TOKEN)}&next=${encodeURIComponent('/feeds?x=1')}`));
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/feeds?x=1');
    const cookie = String(right.headers['set-cookie']);
    expect(cookie).toMatch(/^parallax_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(';')[0]!;
    const withCookie = (url: string, c = session, method: HTTPMethods = 'GET') => app.inject({ method, url, headers: { host: 'localhost', cookie: `other=1; ${c}` } }).then((r) => r.statusCode);
    expect(await withCookie('/feeds')).toBe(200);
    expect(await withCookie('/queues/api/queues')).toBe(200);
    expect(await withCookie('/feeds', session.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')))).toBe(401);
    // An expiry pushed forward without the token cannot be signed.
    expect(await withCookie('/feeds', session.replace(/=\d+/, `=${Date.now() + 365 * 86_400_000}`))).toBe(401);

    // Only a path of this server is followed after signing in.
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const r = await app.inject(formPost('/login', `token=${TOKEN}&next=${encodeURIComponent(next)}`));
      expect(r.headers.location, next).toBe('/');
    }
    const out = await app.inject({ method: 'POST', url: '/logout', headers: { host: 'localhost', cookie: session } });
    expect(out.statusCode).toBe(303);
    expect(String(out.headers['set-cookie'])).toMatch(/^parallax_session=; .*Max-Age=0/);
  });

  test('a Host header not on the allow-list is refused (421) whatever the credentials, /healthz included', async () => {
    const host = (h: string | undefined, url = '/api/feeds') => app.inject({ url, headers: { ...(h === undefined ? {} : { host: h }), authorization: `Bearer ${TOKEN}` } }).then((r) => r.statusCode);
    expect(await host('rebind.attacker.example')).toBe(421);
    expect(await host('rebind.attacker.example:8080')).toBe(421);
    expect(await host('rebind.attacker.example', '/healthz')).toBe(421);
    expect(await host('127.0.0.1.attacker.example')).toBe(421);
    expect(await host('parallax.example.org')).toBe(421);
    expect(await host('parallax.example.org:8443')).toBe(200);
    expect(await host('LOCALHOST:8080')).toBe(200);
    expect(await host('[::1]:8080')).toBe(200);
    expect(await host('127.0.0.1')).toBe(200);
  });
});
