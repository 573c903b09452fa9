import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { httpClientFor } from '../../src/cli/bootstrap.js';
import { loadSettings } from '../../src/config/settings.js';
import { blockedRange, FetchError, HttpClient, type FetchOutcome, type LookupFunction } from '../../src/fetch/index.js';

/**
 * The operator's feed lives on 127.0.0.1 (trusted as configured); an "internal service" listens on
 * 127.0.0.2 and on [::1], and counts every request it gets. A link or redirect off the feed's
 * origin must never reach it, whichever way the address is written or resolved.
 */
interface Site {
  server: Server;
  base: string;
}
const servers: Server[] = [];
const internalHits: string[] = [];
let feedSite: Site;
let internal: Site;
let internalV6: Site;
let http: HttpClient;

async function serve(host: string, route: (req: IncomingMessage, res: ServerResponse) => void): Promise<Site> {
  const server = createServer(route);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, host, () => r()));
  const port = (server.address() as AddressInfo).port;
  return { server, base: `http://${host.includes(':') ? `[${host}]` : host}:${port}` };
}

const internalRoute = (req: IncomingMessage, res: ServerResponse): void => {
  internalHits.push(`${req.headers.host}${req.url}`);
  res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>secret internal page</p></body></html>');
};

/** Resolves every name to the addresses given, as a hostile or rebinding DNS server would. */
function resolvingTo(...addresses: string[]): LookupFunction {
  return (_hostname, _options, callback) => callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
}

beforeAll(async () => {
  internal = await serve('127.0.0.2', internalRoute);
  internalV6 = await serve('::1', internalRoute);
  feedSite = await serve('127.0.0.1', (req, res) => {
    const path = req.url ?? '/';
    if (path === '/to-internal') return void res.writeHead(302, { location: `${internal.base}/secret` }).end();
    if (path === '/to-metadata') return void res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (path === '/to-own-page') return void res.writeHead(302, { location: '/page' }).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>the feed site</p></body></html>');
  });
  http = new HttpClient({ timeoutMs: 2_000, connectTimeoutMs: 1_000, perHostGapMs: 0 });
});

afterAll(async () => {
  await http?.close();
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

async function failure(p: Promise<FetchOutcome>): Promise<FetchError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

/** An article page linked from the feed on 127.0.0.1. */
const fromFeed = (url: string, client = http) => client.fetch({ url, accept: 'html', respectRobots: false, trustedUrl: `${feedSite.base}/feed.xml` });

describe('links off the feed\'s origin to addresses the operator did not choose', () => {
  test.each([
    ['loopback IPv4 of another origin', () => `${internal.base}/secret`],
    ['loopback IPv6', () => `${internalV6.base}/secret`],
    ['IPv4-mapped IPv6 of a loopback address', () => `http://[::ffff:127.0.0.2]:${new URL(internal.base).port}/secret`],
    ['RFC 1918 private', () => 'http://10.0.0.1/'],
    ['cloud metadata (link-local IPv4)', () => 'http://169.254.169.254/latest/meta-data/'],
    ['link-local IPv6', () => 'http://[fe80::1]/'],
    ['CGNAT', () => 'http://100.64.0.1/'],
    ['unique-local IPv6', () => 'http://[fd00::1]/'],
    ['unspecified', () => `http://0.0.0.0:${new URL(internal.base).port}/secret`],
  ])('%s is refused before any connection: blocked-address', async (_what, url) => {
    const err = await failure(fromFeed(url()));
    expect(err.kind).toBe('blocked-address');
    expect(err.message).toMatch(/address/);
    expect(err.message).toContain('PARALLAX_ALLOW_PRIVATE_NETWORKS');
    expect(internalHits).toEqual([]);
  });

  test('a name resolving to 127.0.0.1 is refused at connect time', async () => {
    const rebinding = new HttpClient({ timeoutMs: 2_000, perHostGapMs: 0, lookup: resolvingTo('127.0.0.2') });
    try {
      const err = await failure(fromFeed(`http://news.example.test:${new URL(internal.base).port}/secret`, rebinding));
      expect(err.kind).toBe('blocked-address');
      expect(err.message).toContain('news.example.test resolves to 127.0.0.2, a loopback address');
    } finally {
      await rebinding.close();
    }
    expect(internalHits).toEqual([]);
  });

  test('DNS rebinding: the addresses checked are the ones the socket connects to, from one lookup', async () => {
    // Public on the first answer, the internal service on every later one: a check made apart from
    // the connection would see the first and connect to the second.
    const answers: string[] = [];
    const rebinding: LookupFunction = (hostname, options, callback) => {
      const address = answers.length === 0 ? '93.184.216.34' : '127.0.0.2';
      answers.push(address);
      resolvingTo(address)(hostname, options, callback);
    };
    const client = new HttpClient({ timeoutMs: 2_000, connectTimeoutMs: 500, perHostGapMs: 0, lookup: rebinding });
    try {
      const err = await failure(fromFeed(`http://rebind.example.test:${new URL(internal.base).port}/secret`, client));
      // No internet here: the public address cannot be reached, and nothing else was tried.
      expect(['network', 'timeout']).toContain(err.kind);
      expect(answers).toEqual(['93.184.216.34']);
      const again = await failure(fromFeed(`http://rebind.example.test:${new URL(internal.base).port}/secret`, client));
      expect(again.kind).toBe('blocked-address');
    } finally {
      await client.close();
    }
    expect(internalHits).toEqual([]);
  });

  test('a name with one private address among public ones is refused', async () => {
    const mixed = new HttpClient({ timeoutMs: 2_000, perHostGapMs: 0, lookup: resolvingTo('93.184.216.34', '::1') });
    try {
      const err = await failure(fromFeed(`http://mixed.example.test:${new URL(internalV6.base).port}/secret`, mixed));
      expect(err.kind).toBe('blocked-address');
    } finally {
      await mixed.close();
    }
    expect(internalHits).toEqual([]);
  });

  test('localhost, resolved by the system, is refused', async () => {
    const err = await failure(fromFeed(`http://localhost:${new URL(internal.base).port}/secret`));
    expect(err.kind).toBe('blocked-address');
  });

  test('a feed URL as written is trusted, and so are its own origin\'s pages', async () => {
    const feed = await http.fetch({ url: `${feedSite.base}/feed.xml`, accept: 'feed' });
    expect(feed.status).toBe('ok');
    const page = await fromFeed(`${feedSite.base}/to-own-page`);
    expect(page.status === 'ok' && page.url).toBe(`${feedSite.base}/page`);
  });
});

describe('redirects that leave the trusted origin', () => {
  test('a redirect from the feed to another loopback origin is refused', async () => {
    const err = await failure(http.fetch({ url: `${feedSite.base}/to-internal`, accept: 'feed' }));
    expect(err.kind).toBe('blocked-address');
    expect(err.url).toBe(`${feedSite.base}/to-internal`);
    expect(internalHits).toEqual([]);
  });

  test('a redirect from an article page to the cloud metadata address is refused', async () => {
    const err = await failure(fromFeed(`${feedSite.base}/to-metadata`));
    expect(err.kind).toBe('blocked-address');
    expect(err.message).toContain('169.254.169.254');
  });
});

describe('PARALLAX_ALLOW_PRIVATE_NETWORKS', () => {
  test('is off unless set to 1; anything else is refused with the variable named', () => {
    expect(loadSettings({}).allowPrivateNetworks).toBe(false);
    expect(loadSettings({ PARALLAX_ALLOW_PRIVATE_NETWORKS: '0' }).allowPrivateNetworks).toBe(false);
    expect(loadSettings({ PARALLAX_ALLOW_PRIVATE_NETWORKS: '1' }).allowPrivateNetworks).toBe(true);
    expect(() => loadSettings({ PARALLAX_ALLOW_PRIVATE_NETWORKS: 'yes please' })).toThrow(/PARALLAX_ALLOW_PRIVATE_NETWORKS/);
  });

  test('=1 turns the check off: an internal outlet\'s links and redirects are followed', async () => {
    const hitsBefore = internalHits.length;
    const open = httpClientFor(loadSettings({ PARALLAX_ALLOW_PRIVATE_NETWORKS: '1', PARALLAX_HOST_GAP_MS: '0' }));
    const guarded = httpClientFor(loadSettings({ PARALLAX_HOST_GAP_MS: '0' }));
    try {
      const linked = await fromFeed(`${internal.base}/secret`, open);
      expect(linked.status === 'ok' && linked.text).toContain('secret internal page');
      const redirected = await open.fetch({ url: `${feedSite.base}/to-internal`, accept: 'feed' });
      expect(redirected.status === 'ok' && redirected.url).toBe(`${internal.base}/secret`);
      expect(internalHits.length - hitsBefore).toBe(2);
      expect((await failure(fromFeed(`${internal.base}/secret`, guarded))).kind).toBe('blocked-address');
    } finally {
      await open.close();
      await guarded.close();
    }
    expect(internalHits.length - hitsBefore).toBe(2);
  });
});

describe('address ranges', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'linkLocal'],
    ['2002:7f00:1::', '6to4'],
  ])('%s is %s', (address, range) => {
    expect(blockedRange(address)).toBe(range);
  });

  test.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])('%s is public', (address) => {
    expect(blockedRange(address)).toBeNull();
  });
});
