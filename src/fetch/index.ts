import { STATUS_CODES } from 'node:http';
import { Agent, request, type Dispatcher } from 'undici';
import { decodeBody } from '../encoding/index.js';
import { BlockedAddressError, guardedConnector, type LookupFunction } from './address-guard.js';
import { abandon, formatBytes, readBody } from './body.js';
import { HostGate } from './host-gate.js';
import { parseRetryAfter } from './retry-after.js';
import { RobotsCache } from './robots.js';
import { FetchError, type FetchOutcome, type FetchRequest, type Validators } from './types.js';

export * from './types.js';
export { BlockedAddressError, blockedRange, type LookupFunction } from './address-guard.js';
export { nextPollDelayMs } from './backoff.js';

export const DEFAULT_USER_AGENT = 'Parallax/0.1 (+https://github.com/parallax-media/parallax; media monitoring)';

export interface HttpClientOptions {
  /** Cap on the decompressed body, enforced while it streams. Default 5 MiB. */
  maxBodyBytes?: number;
  userAgent?: string;
  /** Total time for one fetch (all redirects, not counting the wait for the host's turn). Default 30 s. */
  timeoutMs?: number;
  /** TCP + TLS connect. Default 10 s. */
  connectTimeoutMs?: number;
  /** A body with no bytes for this long is given up on ('timeout'). Default 10 s. */
  idleTimeoutMs?: number;
  /** A body arriving slower than this on average, once it has had `idleTimeoutMs`, is given up on. Default 256. */
  minBytesPerSecond?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Requests in flight per host. Default 2. */
  perHostConcurrency?: number;
  /** Least time between two request starts to one host. Default 250 ms; 0 disables. */
  perHostGapMs?: number;
  /** How long a robots.txt is trusted before being fetched again. Default 1 h. */
  robotsTtlMs?: number;
  /**
   * Let links and redirects off the operator's origin reach loopback, private, link-local and
   * other non-public addresses (PARALLAX_ALLOW_PRIVATE_NETWORKS). Default false.
   */
  allowPrivateNetworks?: boolean;
  /** Name resolution for connections off the operator's origin (`dns.lookup`'s shape). Default: the system's. */
  lookup?: LookupFunction;
}

export type HttpFetchRequest = FetchRequest & {
  /** Honour robots.txt (only ever applied to `accept: 'html'`, pages we were not invited to by a feed URL). Default true. */
  respectRobots?: boolean;
  /**
   * A URL the operator configured (the feed's own URL): hops to its origin may connect to any
   * address, hops elsewhere only to public ones. Default: `url` itself, for a URL the operator
   * wrote; null: nothing is trusted.
   */
  trustedUrl?: string | null;
};

const ACCEPT: Record<FetchRequest['accept'], string> = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5',
  html: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
  robots: 'text/plain, */*;q=0.5',
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Google reads the first 500 KiB of a robots.txt; one larger than that is not a robots.txt. */
const ROBOTS_MAX_BYTES = 512 * 1024;

type Hop =
  | { kind: 'redirect'; location: string; httpStatus: number }
  | { kind: 'done'; outcome: FetchOutcome };

/**
 * The one HTTP client for feeds, article pages and robots.txt. Every failure is a FetchError
 * whose message says what happened and to which URL; an abort from the caller's signal
 * (shutdown) is rethrown as is, because it is not the feed's fault.
 */
export class HttpClient {
  /** Connections to the operator's own origins. */
  private readonly agent: Agent;
  /** Connections anywhere else: public addresses only, checked at connect time. */
  private readonly guardedAgent: Agent;
  private readonly gate: HostGate;
  private readonly robots: RobotsCache;
  private readonly maxBodyBytes: number;
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly idleTimeoutMs: number;
  private readonly minBytesPerSecond: number;
  private readonly maxRedirects: number;

  constructor(opts: HttpClientOptions = {}) {
    this.maxBodyBytes = opts.maxBodyBytes ?? 5 * 2 ** 20;
    this.userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.idleTimeoutMs = opts.idleTimeoutMs ?? 10_000;
    this.minBytesPerSecond = opts.minBytesPerSecond ?? 256;
    this.maxRedirects = opts.maxRedirects ?? 5;
    const connect = { timeout: opts.connectTimeoutMs ?? 10_000 };
    const agentOptions = {
      keepAliveTimeout: 10_000,
      // Our own idle timer (body.ts) and total timer govern; undici's would fire with less to say.
      bodyTimeout: 0,
    };
    this.agent = new Agent({ ...agentOptions, connect });
    this.guardedAgent = opts.allowPrivateNetworks ? this.agent : new Agent({ ...agentOptions, connect: guardedConnector(connect, opts.lookup) });
    this.gate = new HostGate({ concurrency: opts.perHostConcurrency ?? 2, gapMs: opts.perHostGapMs ?? 250 });
    this.robots = new RobotsCache({
      ttlMs: opts.robotsTtlMs ?? 60 * 60_000,
      agentToken: productToken(this.userAgent),
      load: (robotsUrl, trusted) => this.loadRobots(robotsUrl, trusted),
    });
  }

  async fetch(req: HttpFetchRequest): Promise<FetchOutcome> {
    const started = performance.now();
    let url = httpUrl(req.url, req.url);
    const chain = [url.href];
    const budget = { spentMs: 0 };
    for (;;) {
      if (req.accept === 'html' && req.respectRobots !== false && !(await this.robots.isAllowed(url, this.isTrusted(url, req)))) {
        throw new FetchError('robots-disallowed', `robots.txt of ${url.origin} disallows ${url.href} for ${productToken(this.userAgent)}`, req.url);
      }
      const hop = await this.hop(url, req, budget, started);
      if (hop.kind === 'done') return hop.outcome;
      const next = httpUrl(hop.location, url.href, url.href);
      if (chain.includes(next.href)) {
        throw new FetchError('redirect-loop', `redirect loop: ${[...chain, next.href].join(' -> ')}`, req.url, hop.httpStatus);
      }
      if (chain.length > this.maxRedirects) {
        throw new FetchError('too-many-redirects', `more than ${this.maxRedirects} redirects: ${[...chain, next.href].join(' -> ')}`, req.url, hop.httpStatus);
      }
      chain.push(next.href);
      url = next;
    }
  }

  /** Closes idle connections and refuses further requests. */
  async close(): Promise<void> {
    this.gate.close();
    // close() waits for requests in flight; a dripping body must not hold shutdown for long.
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), 2_000)));
    const agents = [...new Set([this.agent, this.guardedAgent])];
    const result = await Promise.race([Promise.all(agents.map((a) => a.close())).then(() => 'closed' as const), gaveUp]);
    clearTimeout(timer);
    if (result === 'late') await Promise.all(agents.map((a) => a.destroy()));
  }

  /** Whether this hop is to the origin the operator configured for the request (see `trustedUrl`). */
  private isTrusted(url: URL, req: HttpFetchRequest): boolean {
    const trusted = req.trustedUrl === undefined ? req.url : req.trustedUrl;
    return trusted !== null && URL.parse(trusted)?.origin === url.origin;
  }

  /** One request, one response: the host's turn awaited, the body read or discarded. */
  private async hop(url: URL, req: HttpFetchRequest, budget: { spentMs: number }, started: number, maxBytes = this.maxBodyBytes): Promise<Hop> {
    const release = await this.gate.acquire(url.host, req.signal);
    const hopStart = performance.now();
    const remaining = this.timeoutMs - budget.spentMs;
    const timeout = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      timeout.abort(new Error('total timeout'));
    }, Math.max(1, remaining));
    const signal = req.signal ? AbortSignal.any([req.signal, timeout.signal]) : timeout.signal;
    let body: Dispatcher.ResponseData['body'] | undefined;
    try {
      const res = await request(url, {
        method: 'GET',
        dispatcher: this.isTrusted(url, req) ? this.agent : this.guardedAgent,
        signal,
        headers: this.headersFor(req),
        headersTimeout: Math.max(1, remaining) + 1_000,
      });
      body = res.body;
      const h = res.headers;
      const status = res.statusCode;
      const validators: Validators = {
        etag: header(h, 'etag') ?? req.validators?.etag ?? null,
        lastModified: header(h, 'last-modified') ?? req.validators?.lastModified ?? null,
      };
      if (REDIRECTS.has(status)) {
        const location = header(h, 'location');
        await discard(body);
        if (!location) throw new FetchError('http-status', `HTTP ${status} redirect without a Location header for ${url.href}`, req.url, status);
        return { kind: 'redirect', location, httpStatus: status };
      }
      if (status === 304) {
        await discard(body);
        return { kind: 'done', outcome: { status: 'not-modified', url: url.href, validators, elapsedMs: performance.now() - started } };
      }
      if (status < 200 || status >= 300) {
        await discard(body);
        const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(header(h, 'retry-after')) : null;
        const wait = retryAfterMs !== null ? ` (server asks to retry after ${Math.round(retryAfterMs / 1000)} s)` : '';
        throw new FetchError('http-status', `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd() + `${wait} for ${url.href}`, req.url, status, retryAfterMs);
      }
      const declared = Number(header(h, 'content-length') ?? NaN);
      if (declared > maxBytes) {
        abandon(body);
        throw new FetchError('too-large', `response body of ${formatBytes(declared)} (Content-Length) exceeds ${formatBytes(maxBytes)} limit for ${url.href}`, req.url, status);
      }
      const bytes = await readBody(body, {
        url: url.href,
        contentEncoding: header(h, 'content-encoding'),
        maxBytes,
        idleTimeoutMs: this.idleTimeoutMs,
        minBytesPerSecond: this.minBytesPerSecond,
      });
      const contentType = header(h, 'content-type');
      const { text, charset } = decodeBody(bytes, contentType, req.accept);
      return {
        kind: 'done',
        outcome: { status: 'ok', url: url.href, httpStatus: status, contentType, bytes, text, charset, validators, elapsedMs: performance.now() - started },
      };
    } catch (err) {
      if (body) abandon(body);
      if (err instanceof FetchError) {
        // Errors from body.ts name the URL of the hop; keep the URL the caller asked for on the error.
        throw err.url === req.url ? err : new FetchError(err.kind, err.message, req.url, err.httpStatus, err.retryAfterMs);
      }
      if (req.signal?.aborted) throw req.signal.reason;
      if (timedOut) throw new FetchError('timeout', `request timed out after ${formatMs(this.timeoutMs)} (total time limit) for ${url.href}`, req.url);
      throw networkError(err, url, req.url);
    } finally {
      clearTimeout(timer);
      budget.spentMs += performance.now() - hopStart;
      release();
    }
  }

  private headersFor(req: HttpFetchRequest): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: ACCEPT[req.accept],
      'accept-encoding': 'gzip, deflate, br',
    };
    if (req.validators?.etag) headers['if-none-match'] = req.validators.etag;
    if (req.validators?.lastModified) headers['if-modified-since'] = req.validators.lastModified;
    return headers;
  }

  /**
   * Only a robots.txt that was actually served is honoured. 4xx means the site has none: allow all
   * (RFC 9309 §2.3.1.3). 5xx, timeouts and network errors also allow, deliberately departing from
   * RFC 9309's "assume complete disallow": we fetch only pages an outlet itself lists in its feed,
   * one at a time and spaced by the host gate, and a broken robots.txt server must not silently
   * hide that outlet's news from analysts. The failure is cached briefly and retried.
   */
  private async loadRobots(robotsUrl: string, trusted: boolean): Promise<string | null> {
    try {
      const budget = { spentMs: 0 };
      let url = new URL(robotsUrl);
      const req: HttpFetchRequest = { url: robotsUrl, accept: 'robots', respectRobots: false, trustedUrl: trusted ? robotsUrl : null };
      for (let i = 0; i <= this.maxRedirects; i++) {
        const hop = await this.hop(url, req, budget, performance.now(), ROBOTS_MAX_BYTES);
        if (hop.kind === 'done') return hop.outcome.status === 'ok' ? hop.outcome.text : null;
        url = httpUrl(hop.location, url.href, url.href);
      }
      return null;
    } catch {
      return null;
    }
  }
}

/** The URL if it is absolute http(s); otherwise a 'bad-url' FetchError. */
function httpUrl(raw: string, reportAs: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError('bad-url', base ? `invalid redirect Location "${raw}" from ${base}` : `invalid URL: ${raw}`, reportAs);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('bad-url', `unsupported URL scheme ${url.protocol} in ${url.href}${base ? ` (redirected from ${base})` : ''}: only http and https are fetched`, reportAs);
  }
  url.hash = '';
  return url;
}

function header(h: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = h[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

/** Reads and drops a body we do not need, so the connection can be reused; a large one is cut. */
async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024 });
  } catch {
    abandon(body);
  }
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** "Parallax" from "Parallax/0.1 (+https://...)": what robots.txt groups name. */
function productToken(userAgent: string): string {
  return /^[^\s/]+/.exec(userAgent.trim())?.[0] ?? userAgent;
}

const TIMEOUT_CODES: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for response headers',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the body',
  ETIMEDOUT: 'connection timed out',
};

function networkError(err: unknown, url: URL, reportAs: string): FetchError {
  if (err instanceof BlockedAddressError) {
    return new FetchError('blocked-address', `not fetched: ${err.message}, and ${url.origin} is not the feed's own origin (PARALLAX_ALLOW_PRIVATE_NETWORKS=1 allows it) for ${url.href}`, reportAs);
  }
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } } | null;
  const code = e?.code ?? e?.cause?.code ?? (err as Error | null)?.name ?? 'error';
  const detail = e?.cause?.message ?? e?.message ?? String(err);
  const timeoutWords = TIMEOUT_CODES[code];
  if (timeoutWords) return new FetchError('timeout', `${timeoutWords} (${code}) for ${url.href}`, reportAs);
  return new FetchError('network', `network error ${code}: ${detail} for ${url.href}`, reportAs);
}
