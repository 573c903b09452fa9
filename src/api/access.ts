import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { renderLoginPage } from '../web/login-page.js';
import { bearerToken, cookieValue, DEFAULT_SESSION_OPTIONS, hostAllowed, newSession, sessionValid, tokenMatches } from './credentials.js';

/** Who may use the HTTP surfaces (API, web page, /queues, /metrics), from the settings. */
export interface AccessOptions {
  /** PARALLAX_API_TOKEN: asked by every route but /healthz; null: none asked. */
  apiToken: string | null;
  /** PARALLAX_METRICS_TOKEN: accepted on /metrics only, beside the API token. */
  metricsToken: string | null;
  /** Host header names answered (see hostAllowed); anything else is 421, against DNS rebinding. */
  allowedHosts: readonly string[];
}

/** Answered to anyone: load balancers and orchestrators probe it without credentials. */
export const OPEN_ROUTES = new Set(['/healthz']);
export const METRICS_ROUTE = '/metrics';
export const LOGIN_ROUTE = '/login';
export const LOGOUT_ROUTE = '/logout';
export const SESSION_COOKIE = 'parallax_session';

/** A fastify instance whose every route, those registered later by plugins included, is behind access control. */
export function createHttpServer(access: AccessOptions): FastifyInstance {
  const app = Fastify({ logger: false });
  installAccessControl(app, access);
  return app;
}

/**
 * One root onRequest hook, added before any route: it runs for every route of every plugin
 * (bull-board's included) and for unknown paths, after routing, so the route matched (not the
 * raw path, which encodings could disguise) decides what is open. Host first, then credentials.
 */
export function installAccessControl(app: FastifyInstance, access: AccessOptions): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!hostAllowed(req.headers.host, access.allowedHosts)) {
      return reply.code(421).send({ error: `host ${JSON.stringify(req.headers.host ?? '')} is not served here (PARALLAX_ALLOWED_HOSTS)` });
    }
    const route = req.routeOptions.url;
    if (route !== undefined && OPEN_ROUTES.has(route)) return;
    // The login form checks the token it is given itself.
    if (route === LOGIN_ROUTE && req.method === 'POST') return;
    if (!authorized(req, access, route === METRICS_ROUTE)) return refuse(req, reply, access);
  });
  if (access.apiToken) registerLogin(app, access.apiToken);
}

function authorized(req: FastifyRequest, access: AccessOptions, metrics: boolean): boolean {
  const accepted = [access.apiToken, metrics ? access.metricsToken : null].filter((t): t is string => t !== null);
  if (accepted.length === 0) return true;
  const bearer = bearerToken(req.headers.authorization);
  if (bearer !== null) return accepted.some((t) => tokenMatches(bearer, t));
  const session = cookieValue(req.headers.cookie, SESSION_COOKIE);
  return access.apiToken !== null && session !== null && sessionValid(session, access.apiToken, Date.now());
}

const wantsPage = (req: FastifyRequest) => (req.method === 'GET' || req.method === 'HEAD') && /text\/html/.test(req.headers.accept ?? '');

/** 401: a person in a browser gets the login form (a browser cannot send a bearer header), a program JSON. */
function refuse(req: FastifyRequest, reply: FastifyReply, access: AccessOptions) {
  reply.code(401).header('www-authenticate', 'Bearer realm="parallax"').header('cache-control', 'no-store');
  if (access.apiToken && wantsPage(req)) return reply.type('text/html; charset=utf-8').send(renderLoginPage({ next: req.url }).toString());
  return reply.send({ error: 'authentication required: send Authorization: Bearer <token>' });
}

/** Only a path of this server: `next=//evil.example` must not send the browser elsewhere. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/');

function sessionCookie(req: FastifyRequest, value: string, maxAgeSeconds: number): string {
  // HttpOnly: scripts cannot read it; SameSite=Strict: no other site's page can make the browser send it.
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${req.protocol === 'https' ? '; Secure' : ''}`;
}

/** POST /login (the form's token, right: a session cookie; wrong: 401 and the form again) and POST /logout. */
function registerLogin(app: FastifyInstance, apiToken: string): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.post<{ Body: Record<string, string> | undefined }>(LOGIN_ROUTE, async (req, reply) => {
    const given = req.body?.token ?? '';
    const next = safeNext(req.body?.next);
    if (!given || !tokenMatches(given, apiToken)) {
      return reply.code(401).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderLoginPage({ next, failed: true }).toString());
    }
    const value = newSession(apiToken, Date.now());
    return reply.header('set-cookie', sessionCookie(req, value, DEFAULT_SESSION_OPTIONS.lifetimeMs / 1000)).redirect(next, 303);
  });
  app.post(LOGOUT_ROUTE, async (req, reply) => reply.header('set-cookie', sessionCookie(req, '', 0)).redirect('/', 303));
}
