import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AlertPayload } from '../../src/alerts/types.js';
import type { CompareArticle } from '../../src/compare/index.js';
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from '../helpers/alert-receivers.js';
import { eventually, spawnCli, type LongRunning } from '../helpers/cli-process.js';
import { freshPostgres } from '../helpers/databases.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';
import { loadPlantedEvent } from '../compare/fixtures.js';

/**
 * Issue 6, acceptance 2: `parallax start` (real Redis, real PostgreSQL) polls two local feeds with
 * a watchlist for the hostage release. Sahel Wire's account (four drivers) raises a new-event
 * alert; then Sahel Arabic's account, which says THREE drivers, is added to its feed, and the
 * webhook must receive a divergence alert naming that conflict within one poll interval plus 5 s
 * of the item being added. Every request is signed and carries its delivery id.
 */
const SECRET = 'e2e-secret-of-the-analysts';
const POLL_INTERVAL_MS = 1_000; // the feeds config's minimum
const BOUND_MS = POLL_INTERVAL_MS + 5_000;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Two outlets' feeds and pages on 127.0.0.1; `publish` adds an article to its outlet's feed. */
async function startHostageSite(articles: CompareArticle[]) {
  const published = new Map<string, CompareArticle[]>(articles.map((a) => [slug(a), []]));
  const byPath = new Map(articles.map((a) => [`/${slug(a)}/${a.id}.html`, a]));
  let base = '';
  const pageUrl = (a: CompareArticle) => `${base}/${slug(a)}/${a.id}.html`;
  const page = (a: CompareArticle) =>
    `<!doctype html><html lang="${a.language}"${a.language === 'ar' ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><title>${escape(a.title)}</title>` +
    `<meta property="article:published_time" content="${a.published}"></head><body><main><article><h1>${escape(a.title)}</h1>\n` +
    a.text.split('\n').filter((p) => p.trim()).map((p) => `<p>${escape(p)}</p>`).join('\n') +
    `\n</article></main><footer>© ${escape(a.outlet)}</footer></body></html>`;
  const feed = (outlet: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${outlet}</title><link>${base}/${outlet}/</link>` +
    published.get(outlet)!.map((a) => `<item><title>${escape(a.title)}</title><link>${pageUrl(a)}</link><pubDate>${new Date(a.published!).toUTCString()}</pubDate></item>`).join('') +
    `</channel></rss>`;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    const feedOf = /^\/([^/]+)\/feed\.xml$/.exec(path)?.[1];
    if (feedOf && published.has(feedOf)) return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed(feedOf));
    const a = byPath.get(path);
    if (a && published.get(slug(a))!.includes(a)) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(a));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    pageUrl,
    publish: (a: CompareArticle) => void published.get(slug(a))!.push(a),
    feedsYaml: () =>
      `feeds:\n${articles
        .map((a) => `  - { id: ${slug(a)}, url: "${base}/${slug(a)}/feed.xml", outlet: ${JSON.stringify(a.outlet)}, country: ${a.country}, language: ${a.language}, interval: ${POLL_INTERVAL_MS / 1000}s, robots: false }`)
        .join('\n')}\n`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
const slug = (a: CompareArticle) => a.outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** The receiver's own check, written here from docs/alerts.md's recipe rather than borrowed from Parallax. */
function signatureHolds(r: ReceivedRequest): boolean {
  const ts = String(r.headers['x-parallax-timestamp']);
  const expected = `sha256=${createHmac('sha256', SECRET).update(`${ts}.${r.raw}`).digest('hex')}`;
  return r.headers['x-parallax-signature'] === expected && Math.abs(Date.now() / 1000 - Number(ts)) < 300;
}

describe('parallax start with a watchlist', () => {
  const { input } = loadPlantedEvent();
  // An English and an Arabic account: the event is one story across languages even in a store
  // of two articles (tests/cluster/cross-lingual.test.ts covers the clusterer's side).
  const four = input.articles.find((a) => a.id === 'sahelwire-en')!;
  const three = input.articles.find((a) => a.id === 'sahelarabic-ar')!;
  let site: Awaited<ReturnType<typeof startHostageSite>>;
  let hook: WebhookReceiver;
  let db: Awaited<ReturnType<typeof freshPostgres>>;
  let dir: string;
  const prefix = testPrefix();
  let proc: LongRunning | undefined;

  beforeAll(async () => {
    site = await startHostageSite([four, three]);
    site.publish(four);
    hook = await startWebhookReceiver(SECRET);
    db = await freshPostgres();
    dir = mkdtempSync(join(tmpdir(), 'px-alerts-e2e-'));
    writeFileSync(join(dir, 'feeds.yaml'), site.feedsYaml());
    writeFileSync(join(dir, 'watchlists.yaml'), `channels:
  analysts: { type: webhook, url: "${hook.url}", secretEnv: PX_E2E_ANALYSTS_SECRET }
watchlists:
  - name: sahel-hostages
    query: '(hostage OR otage OR رهينة OR kidnapped) AND (Mali OR Niger OR "Burkina Faso")'
    triggers: [new-event, divergence]
    channels: [analysts]
`);
  });
  afterAll(async () => {
    if (proc) {
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
    await site?.close();
    await hook?.close();
    await db?.drop();
    await dropPrefix(prefix);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a new account with a conflicting figure reaches the webhook as a divergence alert within one poll interval + 5 s', async () => {
    proc = spawnCli(['start', '--config', join(dir, 'feeds.yaml'), '--watchlists', join(dir, 'watchlists.yaml')], {
      DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, PARALLAX_QUEUE_PREFIX: prefix, PARALLAX_PORT: '0',
      PARALLAX_HOST_GAP_MS: '0', PARALLAX_EVENT_SETTLE_MS: '0', PX_E2E_ANALYSTS_SECRET: SECRET,
    });
    await proc.waitFor(/listening http/, 30_000);
    const body = (r: ReceivedRequest) => r.body as AlertPayload;

    const created = await eventually(async () => hook.requests.find((r) => body(r).trigger === 'new-event'), 20_000, 'the new-event alert');
    const event = body(created).event;
    expect(body(created).rule).toBe('sahel-hostages');
    expect(event.articles).toEqual([site.pageUrl(four)]);
    // One account: nothing to diverge from yet.
    expect(hook.requests.filter((r) => body(r).trigger === 'divergence')).toEqual([]);

    const added = Date.now();
    site.publish(three);
    const diverged = await eventually(async () => hook.requests.find((r) => body(r).trigger === 'divergence'), BOUND_MS + 15_000, 'the divergence alert');
    const took = diverged.at - added;
    const alert = body(diverged);
    expect(alert.event.id).toBe(event.id);
    expect(alert.event.articles.sort()).toEqual([site.pageUrl(four), site.pageUrl(three)].sort());
    expect(alert.conflicts).toContainEqual(
      expect.objectContaining({
        kind: 'count',
        about: expect.stringMatching(/driver/),
        values: expect.arrayContaining([
          expect.objectContaining({ value: '4', articles: [site.pageUrl(four)] }),
          expect.objectContaining({ value: '3', articles: [site.pageUrl(three)] }),
        ]),
      }),
    );
    expect(alert.summary).toMatch(/3 vs 4|4 vs 3/);
    expect(took, `divergence alert ${took} ms after the item was added`).toBeLessThanOrEqual(BOUND_MS);

    for (const r of hook.requests) {
      expect(r.delivery).toMatch(/\S/);
      expect(r.verified).toBe(true);
      expect(signatureHolds(r)).toBe(true);
    }
    expect(new Set(hook.requests.map((r) => r.delivery)).size).toBe(hook.requests.length);
    console.log(`alerts-e2e: divergence alert ${took} ms after the item was added (bound ${BOUND_MS} ms)`);
  }, 45_000);
});
