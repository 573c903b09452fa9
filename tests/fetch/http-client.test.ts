import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_USER_AGENT, FetchError, HttpClient, type FetchOutcome } from '../../src/fetch/index.js';

/**
 * The HTTP client against real HTTP servers on 127.0.0.1, one behaviour per path. Each server is
 * its own origin (its own port), so robots.txt and the per-host gate can be observed per server.
 */

type Route = (req: IncomingMessage, res: ServerResponse) => void;
interface TestServer {
  base: string;
  server: Server;
  hits: Map<string, number>;
  requests: IncomingMessage[];
}

const FR = 'Sécurité au Sahel : l’armée déployée';
const AR = 'الإفراج عن السائقين المغاربة';
const rss = (title: string, enc = 'UTF-8') => `<?xml version="1.0" encoding="${enc}"?><rss version="2.0"><channel><title>${title}</title></channel></rss>`;
const MiB = 2 ** 20;
const hanging = new Set<ServerResponse>();
const servers: TestServer[] = [];

async function serve(route: Route): Promise<TestServer> {
  const hits = new Map<string, number>();
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    requests.push(req);
    route(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const s = { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, hits, requests };
  servers.push(s);
  return s;
}

let main: TestServer;
let inFlight = 0;
let maxInFlight = 0;
const starts: number[] = [];

const ETAG = '"v42"';
const LAST_MODIFIED = 'Tue, 12 Aug 2025 10:00:00 GMT';

const mainRoute: Route = (req, res) => {
  const path = (req.url ?? '/').split('?')[0]!;
  const xml = { 'content-type': 'application/rss+xml; charset=utf-8' };
  if (path.startsWith('/chain/')) {
    const n = Number(path.slice('/chain/'.length));
    res.writeHead(302, { location: `/chain/${n + 1}` }).end();
    return;
  }
  if (path.startsWith('/hop/')) {
    // /hop/3 redirects three times, then answers.
    const n = Number(path.slice('/hop/'.length));
    if (n === 0) res.writeHead(200, xml).end(rss('arrived'));
    else res.writeHead(n % 2 ? 301 : 308, { location: `/hop/${n - 1}` }).end();
    return;
  }
  if (path.startsWith('/slow/')) {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    starts.push(performance.now());
    setTimeout(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>done</p>');
    }, 150);
    return;
  }
  switch (path) {
    case '/ok.xml':
      res.writeHead(200, { ...xml, etag: ETAG, 'last-modified': LAST_MODIFIED }).end(rss(FR));
      return;
    case '/conditional.xml':
      if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED) {
        res.writeHead(304, { etag: ETAG }).end();
      } else {
        res.writeHead(200, { ...xml, etag: ETAG, 'last-modified': LAST_MODIFIED }).end(rss('fresh'));
      }
      return;
    case '/missing.xml':
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    case '/error.xml':
      res.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
      return;
    case '/busy.xml':
      res.writeHead(429, { 'retry-after': '120' }).end('slow down');
      return;
    case '/unavailable.xml':
      res.writeHead(503, { 'retry-after': new Date(Date.now() + 90_000).toUTCString() }).end('maintenance');
      return;
    case '/forbidden-retry.xml':
      // Retry-After only means something on 429/503.
      res.writeHead(403, { 'retry-after': '120' }).end('no');
      return;
    case '/hang.xml':
      hanging.add(res);
      return;
    case '/drip.xml': {
      hanging.add(res);
      res.writeHead(200, xml);
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      const timer = setInterval(() => res.write(' '), 2_000);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case '/trickle.xml': {
      // Never idle for long, but far too slow: a byte every 100 ms.
      hanging.add(res);
      res.writeHead(200, xml);
      const timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case '/loop-a.xml':
      res.writeHead(302, { location: '/loop-b.xml' }).end();
      return;
    case '/loop-b.xml':
      res.writeHead(301, { location: `${main.base}/loop-a.xml` }).end();
      return;
    case '/see-other':
      res.writeHead(303, { location: 'ok.xml' }).end();
      return;
    case '/no-location':
      res.writeHead(302).end();
      return;
    case '/to-ftp':
      res.writeHead(301, { location: 'ftp://example.org/feed.xml' }).end();
      return;
    case '/big-declared.xml':
      // Says 2 MiB up front: refused before a byte of body is read.
      res.writeHead(200, { ...xml, 'content-length': String(2 * MiB) });
      res.write('<rss>');
      hanging.add(res);
      return;
    case '/big-chunked.xml': {
      res.writeHead(200, xml);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 2 * MiB) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => {});
      pump();
      return;
    }
    case '/bomb.xml':
      res.writeHead(200, { ...xml, 'content-encoding': 'gzip' }).end(gzipBomb);
      return;
    case '/deflate-bomb.xml':
      res.writeHead(200, { ...xml, 'content-encoding': 'deflate' }).end(deflateBomb);
      return;
    case '/br-bomb.xml':
      res.writeHead(200, { ...xml, 'content-encoding': 'br' }).end(brBomb);
      return;
    case '/double-bomb.xml':
      // Compressed twice, as listed: gzip applied first, then br.
      res.writeHead(200, { ...xml, 'content-encoding': 'gzip, br' }).end(doubleBomb);
      return;
    case '/brotli.xml':
      res.writeHead(200, { ...xml, 'content-encoding': 'br' }).end(brotliCompressSync(Buffer.from(rss(AR))));
      return;
    case '/gzip.xml':
      res.writeHead(200, { ...xml, 'content-encoding': 'gzip' }).end(gzipSync(Buffer.from(rss(FR))));
      return;
    case '/deflate.xml':
      res.writeHead(200, { ...xml, 'content-encoding': 'deflate' }).end(deflateSync(Buffer.from(rss(FR))));
      return;
    case '/raw-deflate.xml':
      res.writeHead(200, { ...xml, 'content-encoding': 'deflate' }).end(deflateRawSync(Buffer.from(rss(FR))));
      return;
    case '/corrupt-gzip.xml':
      res.writeHead(200, { ...xml, 'content-encoding': 'gzip' }).end(Buffer.from('this is not gzip at all'));
      return;
    case '/zstd.xml':
      res.writeHead(200, { ...xml, 'content-encoding': 'zstd' }).end('??');
      return;
    case '/latin1-no-charset.xml':
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(iconv.encode(rss(FR).replace(' encoding="UTF-8"', ''), 'windows-1252'));
      return;
    case '/arabic-prolog.xml':
      res.writeHead(200, { 'content-type': 'text/xml' }).end(iconv.encode(rss(AR, 'windows-1256'), 'windows-1256'));
      return;
    case '/latin1-says-utf8.html':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(iconv.encode(`<meta charset="iso-8859-1"><h1>${FR}</h1>`, 'windows-1252'));
      return;
    case '/robots.txt':
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: Parallax\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n');
      return;
    case '/private/page.html':
    case '/public/page.html':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<h1>${path}</h1>`);
      return;
    case '/echo':
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers));
      return;
    default:
      res.writeHead(404).end();
  }
};

// 50 MiB of zeros: about 50 KiB on the wire (brotli: a few bytes). Made once, up front, so the
// server answers at once and the client's timeouts cannot be what stops the test.
const zeros = Buffer.alloc(50 * MiB);
const gzipBomb = gzipSync(zeros);
const deflateBomb = deflateRawSync(zeros);
const fast = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };
const brBomb = brotliCompressSync(zeros, fast);
const doubleBomb = brotliCompressSync(gzipBomb, fast);

let http: HttpClient;

beforeAll(async () => {
  main = await serve(mainRoute);
  http = new HttpClient({ maxBodyBytes: MiB, timeoutMs: 1_500, idleTimeoutMs: 500, perHostGapMs: 0, perHostConcurrency: 8, maxRedirects: 3 });
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  await http?.close();
  for (const s of servers) {
    s.server.closeAllConnections();
    await new Promise<void>((r) => s.server.close(() => r()));
  }
});

async function failure(p: Promise<FetchOutcome>): Promise<FetchError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

function ok(outcome: FetchOutcome) {
  if (outcome.status !== 'ok') throw new Error(`expected a body, got ${outcome.status}`);
  return outcome;
}

describe('responses', () => {
  test('200 utf-8: text, charset, validators, final URL; honest request headers', async () => {
    const r = ok(await http.fetch({ url: `${main.base}/ok.xml`, accept: 'feed' }));
    expect(r).toMatchObject({ status: 'ok', url: `${main.base}/ok.xml`, httpStatus: 200, charset: 'utf-8', validators: { etag: ETAG, lastModified: LAST_MODIFIED } });
    expect(r.text).toBe(rss(FR));
    expect(Buffer.from(r.bytes).toString('utf8')).toBe(rss(FR));
    expect(r.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(r.elapsedMs).toBeGreaterThan(0);
    const sent = JSON.parse(ok(await http.fetch({ url: `${main.base}/echo`, accept: 'feed' })).text) as Record<string, string>;
    expect(sent['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(sent['accept']).toMatch(/^application\/rss\+xml, application\/atom\+xml/);
    expect(sent['accept-encoding']).toBe('gzip, deflate, br');
    expect(sent['if-none-match']).toBeUndefined();
  });

  test('conditional GET: validators sent, 304 is NotModified with the validators', async () => {
    const first = ok(await http.fetch({ url: `${main.base}/conditional.xml`, accept: 'feed' }));
    const again = await http.fetch({ url: `${main.base}/conditional.xml`, accept: 'feed', validators: first.validators });
    expect(again).toMatchObject({ status: 'not-modified', url: `${main.base}/conditional.xml`, validators: { etag: ETAG, lastModified: LAST_MODIFIED } });
    const byDate = await http.fetch({ url: `${main.base}/conditional.xml`, accept: 'feed', validators: { etag: null, lastModified: LAST_MODIFIED } });
    expect(byDate.status).toBe('not-modified');
  });

  test.each([
    ['/missing.xml', 404, /^HTTP 404 Not Found for http:\/\/127\.0\.0\.1:\d+\/missing\.xml$/],
    ['/error.xml', 500, /^HTTP 500 Internal Server Error for /],
  ])('%s → http-status %i', async (path, status, message) => {
    const err = await failure(http.fetch({ url: `${main.base}${path}`, accept: 'feed' }));
    expect(err).toMatchObject({ kind: 'http-status', httpStatus: status, retryAfterMs: null, url: `${main.base}${path}` });
    expect(err.message).toMatch(message);
  });

  test('429 and 503 carry Retry-After (seconds or HTTP date); other statuses do not', async () => {
    const busy = await failure(http.fetch({ url: `${main.base}/busy.xml`, accept: 'feed' }));
    expect(busy).toMatchObject({ kind: 'http-status', httpStatus: 429, retryAfterMs: 120_000 });
    expect(busy.message).toBe(`HTTP 429 Too Many Requests (server asks to retry after 120 s) for ${main.base}/busy.xml`);
    const down = await failure(http.fetch({ url: `${main.base}/unavailable.xml`, accept: 'feed' }));
    expect(down.httpStatus).toBe(503);
    // HTTP dates have one-second resolution.
    expect(down.retryAfterMs).toBeGreaterThan(88_000);
    expect(down.retryAfterMs).toBeLessThanOrEqual(90_000);
    expect((await failure(http.fetch({ url: `${main.base}/forbidden-retry.xml`, accept: 'feed' }))).retryAfterMs).toBeNull();
  });

  test('bad URLs and refused connections', async () => {
    const ftp = await failure(http.fetch({ url: 'ftp://example.org/feed.xml', accept: 'feed' }));
    expect(ftp.kind).toBe('bad-url');
    expect(ftp.message).toContain('ftp://example.org/feed.xml');
    expect((await failure(http.fetch({ url: 'not a url', accept: 'feed' }))).kind).toBe('bad-url');
    // A port nothing listens on: take one from a server we close at once.
    const gone = await serve(() => {});
    const port = (gone.server.address() as AddressInfo).port;
    await new Promise<void>((r) => gone.server.close(() => r()));
    const refused = await failure(http.fetch({ url: `http://127.0.0.1:${port}/feed.xml`, accept: 'feed' }));
    expect(refused.kind).toBe('network');
    expect(refused.message).toContain('ECONNREFUSED');
    expect(refused.message).toContain(`http://127.0.0.1:${port}/feed.xml`);
  });
});

describe('time limits', () => {
  test('a server that never answers: total timeout', async () => {
    const t0 = performance.now();
    const err = await failure(http.fetch({ url: `${main.base}/hang.xml`, accept: 'feed' }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe(`request timed out after 1500 ms (total time limit) for ${main.base}/hang.xml`);
    expect(performance.now() - t0).toBeGreaterThan(1_400);
    expect(performance.now() - t0).toBeLessThan(3_000);
  });

  test('a body that drips (a byte every 2 s): idle timeout', async () => {
    const t0 = performance.now();
    const err = await failure(http.fetch({ url: `${main.base}/drip.xml`, accept: 'feed' }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe(`response body stalled: no data for 500 ms (idle timeout) for ${main.base}/drip.xml`);
    expect(performance.now() - t0).toBeLessThan(1_400);
  });

  test('a body that trickles too slowly to ever go idle: minimum rate', async () => {
    const slow = new HttpClient({ idleTimeoutMs: 400, minBytesPerSecond: 100, timeoutMs: 10_000, perHostGapMs: 0 });
    try {
      const t0 = performance.now();
      const err = await failure(slow.fetch({ url: `${main.base}/trickle.xml`, accept: 'feed' }));
      expect(err.kind).toBe('timeout');
      expect(err.message).toMatch(/^response body too slow \(\d+ bytes\/s, under 100\) for /);
      expect(performance.now() - t0).toBeLessThan(2_000);
    } finally {
      await slow.close();
    }
  });

  test('an abort from the caller is rethrown as is, not blamed on the feed', async () => {
    const ctrl = new AbortController();
    const reason = new Error('shutting down');
    setTimeout(() => ctrl.abort(reason), 100);
    await expect(http.fetch({ url: `${main.base}/hang.xml`, accept: 'feed', signal: ctrl.signal })).rejects.toBe(reason);
  });
});

describe('redirects', () => {
  test('followed up to the limit (301, 308, relative 303); the final URL is reported', async () => {
    const r = ok(await http.fetch({ url: `${main.base}/hop/3`, accept: 'feed' }));
    expect(r.url).toBe(`${main.base}/hop/0`);
    expect(r.text).toContain('arrived');
    expect(ok(await http.fetch({ url: `${main.base}/see-other`, accept: 'feed' })).url).toBe(`${main.base}/ok.xml`);
  });

  test('a loop names the chain', async () => {
    const err = await failure(http.fetch({ url: `${main.base}/loop-a.xml`, accept: 'feed' }));
    expect(err).toMatchObject({ kind: 'redirect-loop', url: `${main.base}/loop-a.xml` });
    expect(err.message).toBe(`redirect loop: ${main.base}/loop-a.xml -> ${main.base}/loop-b.xml -> ${main.base}/loop-a.xml`);
  });

  test('too many redirects', async () => {
    const err = await failure(http.fetch({ url: `${main.base}/chain/0`, accept: 'feed' }));
    expect(err.kind).toBe('too-many-redirects');
    expect(err.message).toMatch(/^more than 3 redirects: .*\/chain\/0 -> .*\/chain\/4$/);
    expect(main.hits.get('/chain/4')).toBeUndefined();
  });

  test('a redirect without Location, or to another scheme', async () => {
    expect(await failure(http.fetch({ url: `${main.base}/no-location`, accept: 'feed' }))).toMatchObject({ kind: 'http-status', httpStatus: 302 });
    const ftp = await failure(http.fetch({ url: `${main.base}/to-ftp`, accept: 'feed' }));
    expect(ftp.kind).toBe('bad-url');
    expect(ftp.message).toContain(`redirected from ${main.base}/to-ftp`);
  });
});

describe('body size and content-encoding', () => {
  test('Content-Length over the cap: refused before reading', async () => {
    const err = await failure(http.fetch({ url: `${main.base}/big-declared.xml`, accept: 'feed' }));
    expect(err.kind).toBe('too-large');
    expect(err.message).toBe(`response body of 2 MiB (Content-Length) exceeds 1 MiB limit for ${main.base}/big-declared.xml`);
  });

  test('no Content-Length, body over the cap: cut while streaming', async () => {
    const err = await failure(http.fetch({ url: `${main.base}/big-chunked.xml`, accept: 'feed' }));
    expect(err.kind).toBe('too-large');
    expect(err.message).toBe(`response body exceeded 1 MiB limit for ${main.base}/big-chunked.xml`);
  });

  test('gzip bomb (50 MiB of zeros in ~50 KiB): cut at the cap on decompressed bytes', async () => {
    expect(gzipBomb.length).toBeLessThan(MiB / 10);
    const before = process.memoryUsage().arrayBuffers;
    const err = await failure(http.fetch({ url: `${main.base}/bomb.xml`, accept: 'feed' }));
    expect(err.kind).toBe('too-large');
    expect(err.message).toBe(`response body exceeded 1 MiB limit (after gzip decompression) for ${main.base}/bomb.xml`);
    // Nowhere near 50 MiB was held.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * MiB);
  });

  test.each([
    ['/deflate-bomb.xml', 'deflate'],
    ['/br-bomb.xml', 'br'],
    ['/double-bomb.xml', 'gzip, br'],
  ])('%s: the cap holds for %s too', async (path, encoding) => {
    const err = await failure(http.fetch({ url: `${main.base}${path}`, accept: 'feed' }));
    expect(err.kind).toBe('too-large');
    expect(err.message).toBe(`response body exceeded 1 MiB limit (after ${encoding} decompression) for ${main.base}${path}`);
  });

  test.each(['/gzip.xml', '/deflate.xml', '/raw-deflate.xml'])('%s decompressed', async (path) => {
    expect(ok(await http.fetch({ url: `${main.base}${path}`, accept: 'feed' })).text).toBe(rss(FR));
  });

  test('brotli decompressed; bytes are the decompressed body', async () => {
    const r = ok(await http.fetch({ url: `${main.base}/brotli.xml`, accept: 'feed' }));
    expect(r.text).toBe(rss(AR));
    expect(Buffer.from(r.bytes).equals(Buffer.from(rss(AR)))).toBe(true);
  });

  test('a body that is not what its content-encoding says, or an encoding we never asked for', async () => {
    const corrupt = await failure(http.fetch({ url: `${main.base}/corrupt-gzip.xml`, accept: 'feed' }));
    expect(corrupt.kind).toBe('decode');
    expect(corrupt.message).toMatch(/gzip.*corrupt-gzip\.xml$/);
    const zstd = await failure(http.fetch({ url: `${main.base}/zstd.xml`, accept: 'feed' }));
    expect(zstd.kind).toBe('decode');
    expect(zstd.message).toContain('"zstd"');
  });
});

describe('charset end to end', () => {
  test.each([
    ['/latin1-no-charset.xml', 'feed', 'windows-1252', FR],
    ['/arabic-prolog.xml', 'feed', 'windows-1256', AR],
    ['/latin1-says-utf8.html', 'html', 'windows-1252', FR],
  ] as const)('%s → %s', async (path, accept, charset, expected) => {
    const r = ok(await http.fetch({ url: `${main.base}${path}`, accept, respectRobots: false }));
    expect(r.charset).toBe(charset);
    expect(r.text).toContain(expected);
  });
});

describe('robots.txt', () => {
  test('pages disallowed for our agent are refused; allowed ones fetched; robots.txt read once', async () => {
    const client = new HttpClient({ perHostGapMs: 0 });
    try {
      const before = main.hits.get('/robots.txt') ?? 0;
      const err = await failure(client.fetch({ url: `${main.base}/private/page.html`, accept: 'html' }));
      expect(err.kind).toBe('robots-disallowed');
      expect(err.message).toBe(`robots.txt of ${main.base} disallows ${main.base}/private/page.html for Parallax`);
      expect(main.hits.get('/private/page.html')).toBeUndefined();
      // Our group allows /public/ although "*" is disallowed everything.
      expect(ok(await client.fetch({ url: `${main.base}/public/page.html`, accept: 'html' })).text).toContain('/public/page.html');
      await Promise.all([1, 2, 3].map(() => client.fetch({ url: `${main.base}/public/page.html`, accept: 'html' })));
      expect((main.hits.get('/robots.txt') ?? 0) - before).toBe(1);
      // Turned off for the feed, or not an article page: no robots check.
      expect(ok(await client.fetch({ url: `${main.base}/private/page.html`, accept: 'html', respectRobots: false })).httpStatus).toBe(200);
      expect(ok(await client.fetch({ url: `${main.base}/private/page.html`, accept: 'feed' })).httpStatus).toBe(200);
    } finally {
      await client.close();
    }
  });

  test('robots.txt is read again once its TTL is over', async () => {
    const client = new HttpClient({ perHostGapMs: 0, robotsTtlMs: 300 });
    try {
      const before = main.hits.get('/robots.txt') ?? 0;
      await client.fetch({ url: `${main.base}/public/page.html`, accept: 'html' });
      await client.fetch({ url: `${main.base}/public/page.html`, accept: 'html' });
      expect((main.hits.get('/robots.txt') ?? 0) - before).toBe(1);
      await new Promise((r) => setTimeout(r, 350));
      await client.fetch({ url: `${main.base}/public/page.html`, accept: 'html' });
      expect((main.hits.get('/robots.txt') ?? 0) - before).toBe(2);
    } finally {
      await client.close();
    }
  });

  test('another agent name falls under "*"', async () => {
    const client = new HttpClient({ perHostGapMs: 0, userAgent: 'OtherBot/2.0' });
    try {
      expect((await failure(client.fetch({ url: `${main.base}/public/page.html`, accept: 'html' }))).kind).toBe('robots-disallowed');
    } finally {
      await client.close();
    }
  });

  test('robots.txt missing (404) or broken (500): everything allowed', async () => {
    const page: Route = (req, res) => {
      if (req.url === '/robots.txt') res.writeHead(missing === s404 ? 404 : 500).end('User-agent: *\nDisallow: /\n');
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>page</p>');
    };
    let missing: TestServer | null = null;
    const s404 = await serve((req, res) => ((missing = s404), page(req, res)));
    const s500 = await serve((req, res) => ((missing = s500), page(req, res)));
    const client = new HttpClient({ perHostGapMs: 0 });
    try {
      expect(ok(await client.fetch({ url: `${s404.base}/a.html`, accept: 'html' })).text).toBe('<p>page</p>');
      expect(ok(await client.fetch({ url: `${s500.base}/a.html`, accept: 'html' })).text).toBe('<p>page</p>');
      expect(s404.hits.get('/robots.txt')).toBe(1);
      expect(s500.hits.get('/robots.txt')).toBe(1);
    } finally {
      await client.close();
    }
  });
});

describe('per-host politeness, as the server sees it', () => {
  test('at most N requests at once per host', async () => {
    const client = new HttpClient({ perHostConcurrency: 2, perHostGapMs: 0 });
    try {
      inFlight = 0;
      maxInFlight = 0;
      await Promise.all(Array.from({ length: 6 }, (_, i) => client.fetch({ url: `${main.base}/slow/${i}`, accept: 'html', respectRobots: false })));
      expect(maxInFlight).toBe(2);
    } finally {
      await client.close();
    }
  });

  test('a minimum gap between request starts per host, and other hosts are not held up', async () => {
    const other = await serve((_req, res) => res.writeHead(200).end('x'));
    const client = new HttpClient({ perHostConcurrency: 8, perHostGapMs: 200 });
    try {
      starts.length = 0;
      const otherDone: number[] = [];
      await Promise.all([
        ...Array.from({ length: 4 }, (_, i) => client.fetch({ url: `${main.base}/slow/gap-${i}`, accept: 'html', respectRobots: false })),
        ...Array.from({ length: 1 }, () => client.fetch({ url: `${other.base}/x`, accept: 'feed' }).then(() => otherDone.push(performance.now()))),
      ]);
      expect(starts).toHaveLength(4);
      // The gate spaces the client's starts by 200 ms; what the server sees also carries each
      // request's own connect and send time, which jitters on a busy machine.
      const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
      for (const g of gaps) expect(g).toBeGreaterThanOrEqual(150);
      expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(3 * 200 - 30);
      // The other host's request did not queue behind this host's: it was done before the 2nd started.
      expect(otherDone[0]).toBeLessThan(starts[1]!);
    } finally {
      await client.close();
    }
  });
});
