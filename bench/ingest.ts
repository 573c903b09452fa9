/**
 * `npm run bench:ingest`: articles per second through poll, fetch, extract and store, against a
 * local news site (100 outlets × 20 articles, each outlet on its own loopback address so per-host
 * politeness applies per outlet, served by a separate process as real outlets would be), with embedded PGlite and with PostgreSQL, in-process (run-once)
 * and through the BullMQ queues (the `start` path: its workers in this process, and `start/postgres`: a
 * `parallax start` process, whose own peak RSS (VmHWM) and CPU are reported); beside the floor: a no-op BullMQ job.
 *
 * Options (env): BENCH_OUTLETS (100), BENCH_ARTICLES (20), PARALLAX_TEST_DATABASE_URL (the test server),
 * BENCH_REDIS_URL, BENCH_ONLY (comma list of scenario names), BENCH_ARTICLE_CONCURRENCY (16),
 * BENCH_NOOP=0 (skip the no-op job measurement), BENCH_START_LOG_LEVEL (info: as deployed),
 * BENCH_START_NODE_ARGS (node options of the `parallax start` process, e.g. "--cpu-prof --cpu-prof-dir=DIR").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadVocabulary } from '../src/cluster/index.js';
import { HttpClient } from '../src/fetch/index.js';
import { compareContext } from '../src/pipeline/compare-event.js';
import { EventAssigner } from '../src/pipeline/assign-event.js';
import { runOnce } from '../src/pipeline/run-once.js';
import { openStore, type Store } from '../src/store/index.js';
import { parseFeedsConfig } from '../src/config/feeds-config.js';
import { freshPostgres } from '../tests/helpers/databases.js';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fixtureFeedsYaml, type FixtureOutlet } from '../tests/helpers/fixture-site.js';
import { openQueues, startWorkers } from '../workers/runtime.js';
import { JobName } from '../src/pipeline/jobs.js';
import { noopJobsPerSecond } from './lib/bullmq-noop.js';
import { machineLine } from './lib/machine.js';

const OUTLETS = Number(process.env.BENCH_OUTLETS ?? 100);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 20);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ONLY = process.env.BENCH_ONLY?.split(',');
const ARTICLE_CONCURRENCY = Number(process.env.BENCH_ARTICLE_CONCURRENCY ?? 16);
const FEED_CONCURRENCY = 4;

interface Scenario {
  name: string;
  store: 'pglite' | 'postgres';
  /** start: a `parallax start` process does the work (its own peak RSS is reported), started by its feeds' schedulers. */
  driver: 'run-once' | 'queues' | 'start';
  hostGapMs: number;
  /** Queues: `parallax worker` processes beside this one (Node runs JavaScript on one core per process). */
  extraWorkers?: number;
}

const scenarios: Scenario[] = [
  { name: 'run-once/pglite', store: 'pglite', driver: 'run-once', hostGapMs: 0 },
  { name: 'run-once/postgres', store: 'postgres', driver: 'run-once', hostGapMs: 0 },
  { name: 'queues/postgres', store: 'postgres', driver: 'queues', hostGapMs: 0 },
  { name: 'queues/postgres/polite', store: 'postgres', driver: 'queues', hostGapMs: 250 },
  { name: 'queues/postgres/+1 worker process', store: 'postgres', driver: 'queues', hostGapMs: 0, extraWorkers: 1 },
  { name: 'start/postgres', store: 'postgres', driver: 'start', hostGapMs: 0 },
];

/** The peak resident memory of a live process (Linux), in MiB. */
function peakRssOfMiB(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

async function untilAllStored(store: Store, total: number): Promise<void> {
  for (;;) {
    const counts = await store.articles.countByStatus();
    if (counts.extracted + counts['feed-content'] >= total) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function openScenarioStore(s: Scenario): Promise<{ store: Store; url?: string; cleanup(): Promise<void> }> {
  if (s.store === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'px-bench-'));
    const store = await openStore({ kind: 'pglite', dataDir: dir });
    return { store, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const db = await freshPostgres();
  const store = await openStore({ kind: 'postgres', url: db.url }, { poolSize: ARTICLE_CONCURRENCY + FEED_CONCURRENCY });
  return { store, url: db.url, cleanup: async () => { await store.close(); await db.drop(); } };
}

interface Result {
  scenario: Scenario;
  articles: number;
  extracted: number;
  seconds: number;
  perSecond: number;
  /**
   * Queues: from the start until every article was also in an event (the events worker runs
   * alongside ingestion). run-once: the event assignment of the stored backlog alone.
   */
  eventsSeconds: number | null;
  peakRssMiB: number;
  /** CPU time of this process (user + system) per article up to "stored": a figure a shared machine disturbs less than the wall clock. */
  cpuMsPerArticle: number;
}

/** The site, in its own process (see lib/site-process.ts). */
interface RemoteSite {
  outlets: FixtureOutlet[];
  pageHits(): Promise<{ pageHits: number; distinctPages: number }>;
  close(): Promise<void>;
}

async function startRemoteSite(): Promise<RemoteSite> {
  const child: ChildProcess = fork(join(import.meta.dirname, '..', 'bin', 'run-ts.js'), [
    join(import.meta.dirname, 'lib', 'site-process.ts'), String(OUTLETS), String(ARTICLES), '10',
  ]);
  const [first] = (await once(child, 'message')) as [{ outlets: FixtureOutlet[] }];
  return {
    outlets: first.outlets,
    async pageHits() {
      child.send({ type: 'hits' });
      const [m] = (await once(child, 'message')) as [{ pageHits: number; distinctPages: number }];
      return m;
    },
    async close() {
      child.send({ type: 'close' });
      await once(child, 'exit');
    },
  };
}

async function run(s: Scenario, site: RemoteSite): Promise<Result> {
  const { store, url, cleanup } = await openScenarioStore(s);
  const log = pino({ level: 'silent' });
  const http = new HttpClient({ perHostGapMs: s.hostGapMs, perHostConcurrency: 2 });
  const feeds = parseFeedsConfig('bench feeds', fixtureFeedsYaml(site));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  let started = performance.now();
  let cpuAtStart = process.cpuUsage();
  let cpuToStored: NodeJS.CpuUsage | null = null;
  let storedAt = 0;
  let eventsSeconds: number | null = null;
  // start: the CPU and memory are the child's, not this process's.
  let childFigures: { cpuMs: number; peakRssMiB: number } | null = null;
  try {
    if (s.driver === 'start') {
      const dir = mkdtempSync(join(tmpdir(), 'px-bench-start-'));
      const config = join(dir, 'feeds.yaml');
      writeFileSync(config, fixtureFeedsYaml(site));
      const prefix = `pxbench-${process.pid}-start`;
      const nodeArgs = process.env.BENCH_START_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
      const child = spawn(process.execPath, [...nodeArgs, join(import.meta.dirname, '..', 'bin', 'parallax.js'), 'start', '--config', config], {
        env: {
          ...process.env, DATABASE_URL: url, REDIS_URL, PARALLAX_QUEUE_PREFIX: prefix, PARALLAX_PORT: '0', LOG_LEVEL: process.env.BENCH_START_LOG_LEVEL ?? 'info',
          PARALLAX_HOST_GAP_MS: String(s.hostGapMs), PARALLAX_ARTICLE_CONCURRENCY: String(ARTICLE_CONCURRENCY), PARALLAX_FEED_CONCURRENCY: String(FEED_CONCURRENCY),
        },
        // Its log is written as deployed (to a pipe), and dropped here.
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stderr!.resume();
      const ticks = () => Number(readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0));
      // As for the queues: the clock starts once the process is up (its schedulers' first polls may just have begun).
      await new Promise<void>((ready, failed) => {
        child.stdout!.on('data', (d: Buffer) => String(d).includes('listening') && ready());
        child.on('exit', (code) => failed(new Error(`parallax start exited (${code}) before listening`)));
      });
      started = performance.now();
      const ticksAtStart = ticks();
      const exited = once(child, 'exit');
      try {
        await Promise.race([untilAllStored(store, site.outlets.length * ARTICLES), exited.then(() => { throw new Error('parallax start exited'); })]);
        storedAt = performance.now();
        // Clock ticks of 10 ms (USER_HZ 100).
        const cpuMs = (ticks() - ticksAtStart) * 10;
        while ((await store.events.maxSeq()) < site.outlets.length * ARTICLES) await new Promise((r) => setTimeout(r, 50));
        eventsSeconds = (performance.now() - started) / 1000;
        childFigures = { cpuMs, peakRssMiB: peakRssOfMiB(child.pid!) };
      } finally {
        child.kill('SIGTERM');
        await exited;
        const queues = openQueues({ redisUrl: REDIS_URL, prefix });
        for (const q of [queues.feeds, queues.articles, queues.events, queues.compare, queues.alerts, queues.deliveries]) await q.obliterate({ force: true });
        await queues.close();
        rmSync(dir, { recursive: true, force: true });
      }
    } else if (s.driver === 'run-once') {
      // Events are timed apart: run-once stores everything first, then assigns the backlog.
      await runOnce(feeds, { store, http, log }, { feedConcurrency: FEED_CONCURRENCY, articleConcurrency: ARTICLE_CONCURRENCY });
      storedAt = performance.now();
      cpuToStored = process.cpuUsage(cpuAtStart);
      await new EventAssigner(store, vocabulary, log).assignAll();
      eventsSeconds = (performance.now() - storedAt) / 1000;
    } else {
      const prefix = `pxbench-${process.pid}-${s.name.replaceAll('/', '-')}`;
      await store.feeds.sync(feeds);
      const queues = openQueues({ redisUrl: REDIS_URL, prefix });
      const workers = await startWorkers({ store, http, log, vocabulary, compare: compareContext(vocabulary) }, queues, {
        redisUrl: REDIS_URL,
        prefix,
        feedConcurrency: FEED_CONCURRENCY,
        articleConcurrency: ARTICLE_CONCURRENCY,
        lockMs: 30_000,
        hostGapMs: s.hostGapMs,
        // As deployed (PARALLAX_EVENT_SETTLE_MS default): events are assigned while ingestion goes on.
        eventSettleMs: Number(process.env.BENCH_SETTLE_MS ?? 5_000),
      });
      const extra = Array.from({ length: s.extraWorkers ?? 0 }, () =>
        spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'parallax.js'), 'worker'], {
          env: {
            ...process.env, DATABASE_URL: url, REDIS_URL, PARALLAX_QUEUE_PREFIX: prefix, LOG_LEVEL: 'warn',
            PARALLAX_HOST_GAP_MS: String(s.hostGapMs), PARALLAX_ARTICLE_CONCURRENCY: String(ARTICLE_CONCURRENCY),
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        }),
      );
      await Promise.all(extra.map((w) => new Promise<void>((ready) => w.stdout!.on('data', (d: Buffer) => String(d).includes('worker ready') && ready()))));
      // The clock restarts once every worker is up: process start-up is not ingestion.
      started = performance.now();
      cpuAtStart = process.cpuUsage();
      await queues.feeds.addBulk(feeds.map((f) => ({ name: JobName.PollFeed, data: { feedId: f.id } })));
      const total = site.outlets.length * ARTICLES;
      for (;;) {
        const counts = await store.articles.countByStatus();
        const done = counts.extracted + counts['feed-content'];
        if (done >= total) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      storedAt = performance.now();
      cpuToStored = process.cpuUsage(cpuAtStart);
      while ((await store.events.maxSeq()) < total) await new Promise((r) => setTimeout(r, 50));
      eventsSeconds = (performance.now() - started) / 1000;
      await workers.close();
      for (const w of extra) w.kill('SIGTERM');
      await Promise.all(extra.map((w) => once(w, 'exit')));
      await queues.feeds.obliterate({ force: true });
      await queues.articles.obliterate({ force: true });
      await queues.events.obliterate({ force: true });
      await queues.close();
    }
    const seconds = ((storedAt || performance.now()) - started) / 1000;
    const counts = await store.articles.countByStatus();
    const articles = Object.values(counts).reduce((a, b) => a + b, 0);
    const cpu = cpuToStored ?? process.cpuUsage(cpuAtStart);
    const cpuMsPerArticle = (childFigures ? childFigures.cpuMs : (cpu.user + cpu.system) / 1000) / articles;
    const peakRssMiB = childFigures ? childFigures.peakRssMiB : peakRss / 2 ** 20;
    return { scenario: s, articles, extracted: counts.extracted, seconds, perSecond: articles / seconds, eventsSeconds, peakRssMiB, cpuMsPerArticle };
  } finally {
    clearInterval(sampler);
    await http.close();
    await cleanup();
  }
}

const vocabulary = loadVocabulary();

async function main(): Promise<void> {
  process.stderr.write(`bench:ingest: ${OUTLETS} outlets × ${ARTICLES} articles; ${machineLine()}\n`);
  const skipNoop = process.env.BENCH_NOOP === '0';
  const noop16 = skipNoop ? NaN : await noopJobsPerSecond(REDIS_URL, 20_000, 16);
  const noop100 = skipNoop ? NaN : await noopJobsPerSecond(REDIS_URL, 20_000, 100);
  process.stderr.write(`no-op BullMQ job: ${noop16.toFixed(0)} jobs/s at concurrency 16, ${noop100.toFixed(0)} at 100\n`);
  const results: Result[] = [];
  for (const s of scenarios.filter((x) => !ONLY || ONLY.includes(x.name))) {
    // A fresh site per scenario: its hit counters and connections start from nothing.
    const site = await startRemoteSite();
    try {
      const r = await run(s, site);
      const { pageHits, distinctPages } = await site.pageHits();
      if (r.extracted !== OUTLETS * ARTICLES || pageHits !== OUTLETS * ARTICLES || distinctPages !== pageHits) {
        throw new Error(`${s.name}: expected ${OUTLETS * ARTICLES} extracted articles from as many page fetches, got ${r.extracted} from ${pageHits} (${distinctPages} distinct)`);
      }
      results.push(r);
      process.stderr.write(`${s.name}: ${r.articles} articles in ${r.seconds.toFixed(2)} s = ${r.perSecond.toFixed(0)} articles/s${r.eventsSeconds === null ? '' : r.scenario.driver !== 'queues' && r.scenario.driver !== 'start' ? `, then all in events in ${r.eventsSeconds.toFixed(2)} s` : `, all in events ${r.eventsSeconds.toFixed(2)} s after the start`} (peak RSS ${r.peakRssMiB.toFixed(0)} MiB, ${r.cpuMsPerArticle.toFixed(2)} CPU ms/article)\n`);
    } finally {
      await site.close();
    }
  }
  const table = [
    `Machine: ${machineLine()}`,
    `Site: ${OUTLETS} feeds × ${ARTICLES} articles = ${OUTLETS * ARTICLES} articles; article concurrency ${ARTICLE_CONCURRENCY}, feed concurrency ${FEED_CONCURRENCY}.`,
    '',
    '| scenario | store | driver | per-host gap | articles | seconds to stored | articles/s | events: all assigned after (queues: from start; run-once: assignment alone) | peak RSS | CPU ms/article (this process, to stored) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.scenario.name} | ${r.scenario.store} | ${r.scenario.driver} | ${r.scenario.hostGapMs} ms | ${r.articles} | ${r.seconds.toFixed(2)} | ${r.perSecond.toFixed(0)} | ${r.eventsSeconds === null ? 'n/a' : `${r.eventsSeconds.toFixed(2)} s`} | ${r.peakRssMiB.toFixed(0)} MiB | ${r.cpuMsPerArticle.toFixed(2)} |`),
    `| no-op BullMQ job (concurrency 16 / 100) | | | | 20000 | | ${noop16.toFixed(0)} / ${noop100.toFixed(0)} jobs/s | | | |`,
  ].join('\n');
  process.stdout.write(`${table}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench:ingest failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
