import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/alert-receivers.js';
import { freshPostgres } from '../helpers/databases.js';
import { fixtureFeedsYaml, startFixtureSite, type FixtureSite } from '../helpers/fixture-site.js';
import { storyArticle } from '../helpers/stories.js';
import { startThrowawayRedis, type ThrowawayRedis } from '../helpers/throwaway-redis.js';
import { closableDatabase, type ClosableDatabase } from './helpers/closable-database.js';
import { Fleet, type Member } from './helpers/fleet.js';
import { alertProblems, articleProblems, batchProblems, describeProgress, eventProblems, extractedAmong, progress, replayProblems, storedAmong, type Progress } from './helpers/invariants.js';

/**
 * What production does to a worker, during one run of 1,000 articles on
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
/** Each story told by OUTLETS / STORY_GROUPS = 5 outlets: 200 events of 5 articles, 20 of them formed by a merge (tests/helpers/stories.ts). */
const STORY_GROUPS = 4;
/** Articles per outlet published at the start, before the database outage, before the Redis loss and after it: 20 × 50 = 1,000. */
const PUBLISHED = { atStart: 20, beforeDatabaseOutage: 10, beforeRedisLoss: 10, afterRedisLoss: 10 } as const;
const TOTAL = OUTLETS * Object.values(PUBLISHED).reduce((a, b) => a + b, 0);
/** Slow pages keep fetches in flight, so that a kill always interrupts some. */
const PAGE_DELAY_MS = 400;
const FEED_INTERVAL = '5s';
const KILLS = 3;
/** A worker is killed each time this many more articles are extracted: mid-batch, never idle. */
const KILL_EVERY = 60;
const DATABASE_OUTAGE_MS = 30_000;
/** Samples of /healthz this long after a fault began must already say 503 (a probe may take its 2 s time-out). */
const HEALTH_REACTION_MS = 4_000;

/** Every wait has a deadline: how long the fleet may take to recover from each fault by itself. */
const DEADLINE = {
  // Generous: a loaded machine takes long to start a process.
  processReady: 120_000,
  /**
   * A batch of articles stored after a fault: the killed workers' jobs taken over (job lock 5 s),
   * jobs failed while the database was away retried, schedulers and lost jobs re-created from
   * config and the store after Redis lost its data.
   */
  afterFault: 60_000,
  healthyAgain: 30_000,
  /** Everything stored, assigned, compared, alerted and delivered after the last fault. */
  settled: 90_000,
} as const;

const RULE = 'chaos-watch';
const CHANNEL = 'desk';
const WATCHED_FEEDS = ['outlet-0', 'outlet-1'];
const SECRET = 'chaos-webhook-secret';
/** The application_name of the test's own connections, told apart from the fleet's. */
const OBSERVER = 'parallax-chaos-observer';

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

  /** Publishes `perOutlet` more articles in every feed; returns their URLs. */
  const publish = (perOutlet: number): string[] => {
    const before = new Set(site.articleUrls());
    site.outlets.forEach((o) => site.publish(o.index, perOutlet));
    return site.articleUrls().filter((u) => !before.has(u));
  };

  beforeAll(async () => {
    site = await startFixtureSite({
      outlets: OUTLETS, articlesPerOutlet: PUBLISHED.atStart, pageDelayMs: PAGE_DELAY_MS, firstHost: 150,
      content: (outlet, article) => storyArticle(outlet, article, STORY_GROUPS),
    });
    redis = await startThrowawayRedis();
    database = await freshPostgres();
    closable = closableDatabase(database.url);
    db = new pg.Pool({ connectionString: database.url, max: 2, application_name: OBSERVER });
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
        // Snapshots of the event state every few batches: the killed deciders resume from one.
        PARALLAX_EVENT_SNAPSHOT_EVERY: '100',
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
  }, 180_000);

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
    const batch = site.articleUrls();
    for (let k = 1; k <= KILLS; k++) {
      // Fetches in flight on every process: the batch is being worked through.
      await until(`kill ${k}: ${k * KILL_EVERY} articles extracted before it`, DEADLINE.afterFault, (p) => p.extracted >= k * KILL_EVERY);
      const victim = fleet.running().find((m) => m.name.startsWith('worker-'))!;
      killedAt.push(Date.now());
      await fleet.kill9(victim);
      expect(victim.proc.child.signalCode).toBe('SIGKILL');
      // A supervisor starts another worker; `parallax start` itself is never restarted.
      await fleet.worker(workerArgs);
    }
    await untilExtracted(`the ${batch.length} articles published at the start, after ${KILLS} kills`, batch);
    expect(fleet.unexpectedDeaths()).toEqual([]);
    expect(await articleProblems(db, site.articleUrls())).toEqual([]);
  });

  test(`PostgreSQL connections terminated and the database closed for ${DATABASE_OUTAGE_MS / 1000} s mid-fetch: no process dies, a worker started meanwhile waits for it, /healthz 503 throughout, 200 after, the articles in flight stored`, async () => {
    const batch = publish(PUBLISHED.beforeDatabaseOutage);
    // Work in flight when the database goes: articles discovered, their pages being fetched.
    await until('articles of the new batch discovered and pending', DEADLINE.afterFault, async (p) => p.pending > 0 && (await storedAmong(db, batch)) > 0);
    const closedAt = Date.now();
    const cut = (await closable.close()).filter((name) => name !== OBSERVER);
    expect(cut.length, "the fleet's connections to its database, terminated").toBeGreaterThan(0);
    // A worker started while the database is away waits for it rather than exiting.
    const late = fleet.launchWorker(workerArgs, DATABASE_OUTAGE_MS + DEADLINE.processReady);
    late.ready.catch(() => {});
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
    const up = await untilHealthy();
    expect(deathsDuringOutage, 'processes that died during the database outage').toEqual([]);
    expect(wrong, '/healthz samples during the outage that were not 503 naming the database').toEqual([]);
    expect(up.status, `/healthz ${((up.at - reopenedAt) / 1000).toFixed(1)} s after the database reopened: ${up.body}`).toBe(200);
    await late.ready;
    await untilExtracted(`the ${batch.length} articles published just before the database outage`, batch);
    expect(fleet.unexpectedDeaths()).toEqual([]);
  });

  test('Redis restarted without its data mid-fetch: /healthz 503 while it is down, 200 after; polls resume and the lost jobs are redone by themselves', async () => {
    // Articles discovered but not fetched when Redis dies: their jobs are lost with it.
    const lost = publish(PUBLISHED.beforeRedisLoss);
    await until('articles of the new batch discovered and pending', DEADLINE.afterFault, async (p) => p.pending > 0 && (await storedAmong(db, lost)) > 0);
    await redis.kill();
    await sleep(HEALTH_REACTION_MS);
    const down = await healthz(address);
    await redis.restart();
    // Only polls can find these: the feeds' schedulers must be back.
    const after = publish(PUBLISHED.afterRedisLoss);

    expect(down.status, `/healthz ${HEALTH_REACTION_MS} ms after Redis died: ${down.body}`).toBe(503);
    expect(JSON.parse(down.body).checks.redis).toMatch(/^error/);
    const up = await untilHealthy();
    expect(up.status, `/healthz after Redis came back: ${up.body}`).toBe(200);
    await untilExtracted(`the ${lost.length} articles whose fetch jobs Redis lost`, lost);
    await untilExtracted(`the ${after.length} articles published after Redis came back empty`, after);
    expect(fleet.unexpectedDeaths()).toEqual([]);
  });

  test(`after the faults, by itself: ${TOTAL} articles stored once, every event's count right, every alert delivered once`, async () => {
    // A phase that failed early may not have published its batch: the run still ends with all of them.
    const perOutlet = Object.values(PUBLISHED).reduce((a, b) => a + b, 0);
    publish(perOutlet - site.outlets[0]!.articles);
    expect(site.articleUrls()).toHaveLength(TOTAL);
    const alertsExpected = { rule: RULE, channel: CHANNEL, watchedFeeds: WATCHED_FEEDS, killedAt };
    // Alerts follow assignment through comparison and evaluation: the wait ends when none is missing.
    const settled = await until(`all ${TOTAL} articles extracted and in events, and every alert of the watched feeds delivered`, DEADLINE.settled, async (p) =>
      p.extracted >= TOTAL && p.assigned >= p.stored && (await alertProblems(db, hook.requests, alertsExpected)).length === 0,
    ).then(() => null, (err: Error) => err.message);
    // A little longer, so that a late repeat would be seen.
    await sleep(3_000);

    // Every invariant is checked and reported, even when an earlier one fails.
    expect.soft(settled, 'the run settled by itself').toBeNull();
    expect.soft(fleet.unexpectedDeaths(), 'processes that died but the workers the test killed').toEqual([]);
    expect.soft(await articleProblems(db, site.articleUrls()), 'articles').toEqual([]);
    expect.soft(await eventProblems(db), 'events').toEqual([]);
    expect.soft(await replayProblems(database.url), 'events replayed from the log').toEqual([]);
    expect.soft(await alertProblems(db, hook.requests, alertsExpected), 'alerts').toEqual([]);
    expect.soft(hook.requests.length, 'alerts received').toBeGreaterThan(0);
    const health = await healthz(address);
    expect.soft(health.status, `/healthz at the end: ${health.body}`).toBe(200);
  });

  /** Waits until every one of `urls` is extracted; fails naming those that are not. */
  async function untilExtracted(what: string, urls: string[]): Promise<void> {
    try {
      await until(`${what} extracted`, DEADLINE.afterFault, async () => (await extractedAmong(db, urls)) === urls.length);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${(await batchProblems(db, urls)).join('\n')}`);
    }
  }

  /** The first 200 from /healthz, or the last answer when there is none within the deadline (with any process that died). */
  async function untilHealthy(): Promise<Health> {
    const deadline = Date.now() + DEADLINE.healthyAgain;
    let last = await healthz(address);
    while (last.status !== 200 && Date.now() < deadline) {
      await sleep(500);
      last = await healthz(address);
    }
    const deaths = fleet.unexpectedDeaths();
    if (last.status !== 200 && deaths.length) last.body += `\nprocesses that died on their own:\n${deaths.join('\n')}`;
    return last;
  }
});
