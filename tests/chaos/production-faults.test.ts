import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/alert-receivers.js';
import { freshPostgres } from '../helpers/databases.js';
import { fixtureFeedsYaml, startFixtureSite, type FixtureSite } from '../helpers/fixture-site.js';
import { startThrowawayRedis, type ThrowawayRedis } from '../helpers/throwaway-redis.js';
import { closableDatabase, type ClosableDatabase } from './helpers/closable-database.js';
import { Fleet, type Member } from './helpers/fleet.js';
import { alertProblems, articleProblems, describeProgress, eventProblems, progress, replayProblems, type Progress } from './helpers/invariants.js';

/**
 * Issue 18, acceptance 2: what production does to a worker, during one run of 1,000 articles on
 * PostgreSQL through the BullMQ path (`parallax start` and `parallax worker` processes, a throwaway
 * Redis, a database of the test's own): workers killed with SIGKILL three times, Redis restarted
 * without its data, the database's connections terminated and the database closed for 30 s. The
 * articles keep arriving in the feeds throughout. After each fault the fleet must carry on by
 * itself (no process restarted but the killed workers, as a supervisor would); at the end every
 * article is stored once, every event's count is right and every alert was delivered once.
 *
 * The phases share one run, in order; each asserts what its fault must not break, so a failure
 * names the fault and the article, event or alert that went wrong.
 */

const OUTLETS = 20;
/** Articles per outlet published at the start, before the Redis loss, after it, and during the database outage: 20 × 50 = 1,000. */
const PUBLISHED = { atStart: 20, beforeRedisLoss: 10, afterRedisLoss: 10, duringDatabaseOutage: 10 } as const;
const TOTAL = OUTLETS * Object.values(PUBLISHED).reduce((a, b) => a + b, 0);
/** Slow pages keep fetches in flight, so that a kill always interrupts some. */
const PAGE_DELAY_MS = 400;
const FEED_INTERVAL = '3s';
const KILLS = 3;
const DATABASE_OUTAGE_MS = 30_000;
/** Samples of /healthz this long after a fault began must already say 503 (a probe may take its 2 s time-out). */
const HEALTH_REACTION_MS = 4_000;

/** Every wait has a deadline: how long the fleet may take to recover from each fault by itself. */
const DEADLINE = {
  processReady: 60_000,
  /** The killed workers' jobs taken over (job lock 5 s) and the published articles stored. */
  afterKills: 60_000,
  /** Schedulers and lost jobs re-created from config and the store after Redis lost its data. */
  afterRedisLoss: 60_000,
  healthyAgain: 30_000,
  /** Everything stored, assigned, compared, alerted and delivered after the last fault. */
  settled: 90_000,
} as const;

const RULE = 'chaos-watch';
const CHANNEL = 'desk';
const WATCHED_FEEDS = ['outlet-0', 'outlet-1'];
const SECRET = 'chaos-webhook-secret';

interface Health {
  at: number;
  status: number | 'no answer';
  body: string;
}

async function healthz(address: string): Promise<Health> {
  const at = Date.now();
  try {
    const res = await fetch(`${address}/healthz`, { signal: AbortSignal.timeout(5_000) });
    return { at, status: res.status, body: await res.text() };
  } catch (err) {
    return { at, status: 'no answer', body: (err as Error).cause ? String((err as Error).cause) : (err as Error).message };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('chaos: 1,000 articles through start + workers on PostgreSQL while workers, Redis and PostgreSQL fail', () => {
  let site: FixtureSite;
  let redis: ThrowawayRedis;
  let database: { url: string; drop(): Promise<void> };
  let closable: ClosableDatabase;
  let db: pg.Pool;
  let hook: WebhookReceiver;
  let fleet: Fleet;
  let start: Member;
  let address: string;
  let dir: string;
  const killedAt: number[] = [];
  const workerArgs: string[] = [];

  /** Fails with the state reached, and any process that died, when `done` is not reached in time. */
  async function until(what: string, timeoutMs: number, done: (p: Progress) => boolean | Promise<boolean>): Promise<Progress> {
    const deadline = Date.now() + timeoutMs;
    let last: Progress | null = null;
    let lastError = '';
    while (Date.now() < deadline) {
      try {
        last = await progress(db);
        if (await done(last)) return last;
      } catch (err) {
        lastError = (err as Error).message;
      }
      await sleep(500);
    }
    const deaths = fleet.unexpectedDeaths();
    throw new Error(
      `${what}: not reached within ${timeoutMs} ms; reached: ${last ? describeProgress(last) : `nothing (${lastError})`}` +
        (deaths.length ? `\nprocesses that died on their own:\n${deaths.join('\n')}` : ''),
    );
  }

  const publish = (perOutlet: number) => site.outlets.forEach((o) => site.publish(o.index, perOutlet));
  const published = () => site.articleUrls().length;
  const allExtracted = (p: Progress) => p.extracted >= published() && p.stored >= published();

  beforeAll(async () => {
    site = await startFixtureSite({ outlets: OUTLETS, articlesPerOutlet: PUBLISHED.atStart, pageDelayMs: PAGE_DELAY_MS, firstHost: 150 });
    redis = await startThrowawayRedis();
    database = await freshPostgres();
    closable = closableDatabase(database.url);
    db = new pg.Pool({ connectionString: database.url, max: 2 });
    // The outage terminates this pool's connections too: an idle client's error is expected then.
    db.on('error', () => {});
    hook = await startWebhookReceiver(SECRET);
    dir = mkdtempSync(join(tmpdir(), 'px-chaos-'));
    writeFileSync(join(dir, 'feeds.yaml'), fixtureFeedsYaml(site, FEED_INTERVAL));
    writeFileSync(join(dir, 'watchlists.yaml'), `channels:
  ${CHANNEL}: { type: webhook, url: "${hook.url}", secretEnv: PX_CHAOS_SECRET }
watchlists:
  - name: ${RULE}
    query: 'dépêche'
    filters: { feeds: [${WATCHED_FEEDS.join(', ')}] }
    triggers: [new-event]
    channels: [${CHANNEL}]
`);
    workerArgs.push('--watchlists', join(dir, 'watchlists.yaml'));
    fleet = new Fleet(
      {
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        PARALLAX_QUEUE_PREFIX: 'pxchaos',
        PARALLAX_PORT: '0',
        // A killed worker's jobs are taken over after about this long.
        PARALLAX_JOB_LOCK_MS: '5000',
        PARALLAX_ARTICLE_CONCURRENCY: '4',
        PARALLAX_FEED_CONCURRENCY: '2',
        PARALLAX_HOST_GAP_MS: '0',
        PARALLAX_EVENT_SETTLE_MS: '1000',
        PARALLAX_COMPARE_DELAY_MS: '500',
        PARALLAX_DELIVERY_BACKOFF_MS: '500',
        PX_CHAOS_SECRET: SECRET,
      },
      DEADLINE.processReady,
    );
    const [started] = await Promise.all([
      fleet.start(['--config', join(dir, 'feeds.yaml'), ...workerArgs]),
      fleet.worker(workerArgs),
      fleet.worker(workerArgs),
    ]);
    ({ member: start, address } = started);
  }, 120_000);

  afterAll(async () => {
    // Whatever failed, nothing the test started outlives it, and the database can be dropped.
    await fleet?.killAll();
    await redis?.close();
    await closable?.reopen().catch(() => {});
    await db?.end().catch(() => {});
    await hook?.close();
    await site?.close();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  test(`kill -9 of a worker, ${KILLS} times, mid-fetch: the killed workers' jobs are taken over and every article is stored once`, async () => {
    for (let k = 1; k <= KILLS; k++) {
      // Work in flight on every process: the next batch of articles is being fetched.
      await until(`kill ${k}: ${k * 60} articles extracted before the kill`, DEADLINE.afterKills, (p) => p.extracted >= k * 60);
      const victim = fleet.running().find((m) => m.name.startsWith('worker-'))!;
      killedAt.push(Date.now());
      await fleet.kill9(victim);
      expect(victim.proc.child.signalCode).toBe('SIGKILL');
      // A supervisor starts another worker; `parallax start` itself is never restarted.
      await fleet.worker(workerArgs);
    }
    await until(`all ${published()} articles published so far extracted after ${KILLS} kills`, DEADLINE.afterKills, allExtracted);
    expect(fleet.unexpectedDeaths()).toEqual([]);
    expect(await articleProblems(db, site.articleUrls())).toEqual([]);
  }, 240_000);

  test('Redis restarted without its data: /healthz 503 while it is down, 200 after; polls resume and lost jobs are redone by themselves', async () => {
    // Articles discovered but not fetched when Redis dies: their jobs are lost with it.
    publish(PUBLISHED.beforeRedisLoss);
    await until('new articles discovered before the Redis loss', DEADLINE.afterKills, (p) => p.stored > published() - OUTLETS * PUBLISHED.beforeRedisLoss && p.pending > 0);
    await redis.kill();
    await sleep(HEALTH_REACTION_MS);
    const down = await healthz(address);
    await redis.restart();
    publish(PUBLISHED.afterRedisLoss);

    expect(down.status, `/healthz ${HEALTH_REACTION_MS} ms after Redis died: ${down.body}`).toBe(503);
    expect(JSON.parse(down.body).checks.redis).toMatch(/^error/);
    const up = await untilHealthy('after Redis came back');
    expect(up.status, `/healthz after Redis came back: ${up.body}`).toBe(200);
    await until(`all ${published()} articles (${OUTLETS * PUBLISHED.afterRedisLoss} published after Redis came back empty) extracted`, DEADLINE.afterRedisLoss, allExtracted);
    expect(fleet.unexpectedDeaths()).toEqual([]);
    expect(await articleProblems(db, site.articleUrls())).toEqual([]);
  }, 240_000);

  test(`PostgreSQL connections terminated and the database closed for ${DATABASE_OUTAGE_MS / 1000} s: no process dies, /healthz 503 throughout, 200 after`, async () => {
    const closedAt = Date.now();
    const cut = await closable.close();
    expect(cut, 'connections of the fleet to its database, terminated').toBeGreaterThan(0);
    publish(PUBLISHED.duringDatabaseOutage);
    const samples: Health[] = [];
    while (Date.now() - closedAt < DATABASE_OUTAGE_MS) {
      samples.push(await healthz(address));
      await sleep(1_000);
    }
    await closable.reopen();
    const reopenedAt = Date.now();

    const deathsDuringOutage = fleet.unexpectedDeaths();
    const wrong = samples
      .filter((s) => s.at - closedAt >= HEALTH_REACTION_MS && (s.status !== 503 || !/"database":"error/.test(s.body)))
      .map((s) => `${((s.at - closedAt) / 1000).toFixed(1)} s into the outage: ${s.status} ${s.body.slice(0, 300)}`);
    const up = await untilHealthy('after the database reopened');
    expect(deathsDuringOutage).toEqual([]);
    expect(wrong, '/healthz samples during the outage that were not 503 naming the database').toEqual([]);
    expect(up.status, `/healthz ${((up.at - reopenedAt) / 1000).toFixed(1)} s after the database reopened: ${up.body}`).toBe(200);
  }, 240_000);

  test(`after the faults, by itself: ${TOTAL} articles stored once, every event's count right, every alert delivered once`, async () => {
    expect(published()).toBe(TOTAL);
    await until(`all ${TOTAL} articles extracted and in events`, DEADLINE.settled, (p) => allExtracted(p) && p.assigned >= p.stored);
    // Alerts follow assignment through comparison and evaluation: wait until each watched event has its alert delivered.
    await until('every alert of the watched feeds delivered', DEADLINE.settled, async () => (await alertProblems(db, hook.requests, { rule: RULE, channel: CHANNEL, watchedFeeds: WATCHED_FEEDS, killedAt })).length === 0).catch(() => {});
    // A little longer, so that a late duplicate would be seen.
    await sleep(3_000);

    expect(fleet.unexpectedDeaths(), 'no process restarted or died but the workers the test killed').toEqual([]);
    expect(start.proc.child.exitCode).toBeNull();
    expect(await articleProblems(db, site.articleUrls())).toEqual([]);
    expect(await eventProblems(db)).toEqual([]);
    expect(await replayProblems(database.url)).toEqual([]);
    expect(await alertProblems(db, hook.requests, { rule: RULE, channel: CHANNEL, watchedFeeds: WATCHED_FEEDS, killedAt })).toEqual([]);
    expect(hook.requests.length, 'alerts received').toBeGreaterThan(0);
    const health = await healthz(address);
    expect(health.status, health.body).toBe(200);
  }, 240_000);

  async function untilHealthy(when: string): Promise<Health> {
    const deadline = Date.now() + DEADLINE.healthyAgain;
    let last = await healthz(address);
    while (last.status !== 200 && Date.now() < deadline) {
      await sleep(500);
      last = await healthz(address);
    }
    if (last.status !== 200 && fleet.unexpectedDeaths().length) last.body += `\n${fleet.unexpectedDeaths().join('\n')} (${when})`;
    return last;
  }
});
