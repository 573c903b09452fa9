/**
 * `npm run bench:scale`: event assignment on a large store (PostgreSQL). Synthesises N articles
 * (bench/scale/synthetic.ts: real ECB+ sentences with each story's own names and topic words, a
 * year at N/365 a day with a daily cycle, stories of a few articles), written straight to a fresh database in chunks;
 * after each chunk EventAssigner.assignAll decides it, so the log is one the clusterer wrote and
 * the cost per article (wall time per decision, its writes included) is measured over the
 * assignments just before 10k, 100k and 1M stored. Then one new article is stored, its assign-event
 * job queued (as fetch-article does, its settle delay already past), and a real `parallax worker`
 * is started: the time from its spawn to the article having its event, and the worker's peak RSS
 * (VmHWM) until then.
 *
 * Flags: --articles N (default 1,000,000), --json (one JSON object last on stdout: articles,
 * startToFirstAssignMs, peakRssMiB, usPerArticle at 10000/100000/1000000, null beyond N), --keep
 * (keep the database), --reuse URL (measure the worker start on a store an earlier --keep run
 * filled; no costs then), --start-timeout-s N (default 3600), --per-year N (the daily rate of a
 * year of N articles, default --articles: `--articles 100000 --per-year 1000000` stores the first
 * 36 days of the 1M year, whose windows then hold what they hold at 1M, in a tenth of the time).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { pino } from 'pino';
import { loadVocabulary } from '../src/cluster/index.js';
import { DEFAULT_DELIVERY_SETTINGS } from '../src/config/settings.js';
import { EventAssigner } from '../src/pipeline/assign-event.js';
import { JobName } from '../src/pipeline/jobs.js';
import { openStore, type Store } from '../src/store/index.js';
import { freshPostgres } from '../tests/helpers/databases.js';
import { dropPrefix, TEST_REDIS_URL, testPrefix } from '../tests/helpers/redis-prefix.js';
import { addJobs } from '../workers/jobs.js';
import { openQueues } from '../workers/runtime.js';
import { ECBPLUS_JSONL, loadEcbDocuments } from './cluster/ecbplus.js';
import { machineLine } from './lib/machine.js';
import {
  COST_MARKS, costWindow, publicationTime, scaleReport, storyOf, StoryStream, synthesiseArticle,
  type Language, type SourceDoc,
} from './scale/synthetic.js';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000000' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    'start-timeout-s': { type: 'string', default: '3600' },
    'per-year': { type: 'string' },
  },
});
const N = Number(args.articles);
const PER_YEAR = Number(args['per-year'] ?? N);
if (!(PER_YEAR >= N)) throw new Error(`--per-year ${args['per-year']} must be at least --articles ${N}`);
const START_TIMEOUT_MS = Number(args['start-timeout-s']) * 1000;
/** Articles written and then assigned at a time: the store grows as a live one does, decisions following writes. */
const CHUNK = 10_000;
/** Rows per INSERT (columns as arrays: a dozen parameters however many rows). */
const INSERT_ROWS = 1000;
/**
 * Assignments averaged for the cost at a mark: a whole chunk. On a shared machine a window of
 * 2,000 moved by ±50% from one chunk's mean; the 10k mark then also counts the cheap first hours.
 */
const COST_WINDOW = CHUNK;
const OUTLETS = 600;
const COUNTRIES = ['ML', 'MA', 'DZ', 'NE', 'BF', 'MR', 'SN', 'TN', 'FR', 'GB'];
const START = Date.parse('2025-12-01T00:00:00Z');
/** How often the worker's RSS and the new article's event are looked at. */
const POLL_MS = 50;

const out = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`${line}\n`);
const rssMiB = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const duration = (s: number) => (s >= 120 ? `${Math.round(s / 60)} min` : `${Math.round(s)} s`);

/** ECB+ train and dev (the test topics stay held back): real English news sentences. */
function sourceDocs(): Record<Language, SourceDoc[]> {
  const docs: Record<Language, SourceDoc[]> = { en: [], fr: [], ar: [] };
  for (const split of ['train', 'dev'] as const) {
    for (const d of loadEcbDocuments(split, ECBPLUS_JSONL)) {
      if (d.sentences.length >= 2) docs.en.push({ language: 'en', title: d.sentences[0]!, sentences: d.sentences.slice(1) });
    }
  }
  return docs;
}

/** A story's accounts come from different outlets. */
const outletOf = (story: number, i: number) => {
  const o = (story * 7 + i) % OUTLETS;
  return { feed: `f${o}`, outlet: `Outlet ${o}`, country: COUNTRIES[o % COUNTRIES.length]! };
};

async function insertFeeds(store: Store): Promise<void> {
  await sql`insert into feeds (id, url, outlet, country, language, interval_ms, tags, robots, active)
    select 'f' || g, 'https://outlet' || g || '.example/feed', 'Outlet ' || g, (${sql.val(COUNTRIES)}::text[])[1 + g % ${COUNTRIES.length}],
           'en', 900000, '[]', true, true
      from generate_series(0, ${OUTLETS - 1}) g`.execute(store.database.db);
}

interface Row { id: string; url: string; feed: string; outlet: string; country: string; language: string; title: string; published: string; text: string }

async function insertArticles(store: Store, rows: Row[]): Promise<void> {
  for (let k = 0; k < rows.length; k += INSERT_ROWS) {
    const part = rows.slice(k, k + INSERT_ROWS);
    const col = <K extends keyof Row>(key: K) => part.map((r) => r[key]);
    // Stored as extraction leaves them: status extracted, text present, no event yet.
    await sql`insert into articles (id, url, feed_id, guid, outlet, country, language, status, title, published, text, feed_categories, discovered_at, fetched_at)
      select id, url, feed, id, outlet, country, language, 'extracted', title, published, text, '[]', published, published
        from unnest(${col('id')}::text[], ${col('url')}::text[], ${col('feed')}::text[], ${col('outlet')}::text[], ${col('country')}::text[],
                    ${col('language')}::text[], ${col('title')}::text[], ${col('published')}::timestamptz[], ${col('text')}::text[])
             as t(id, url, feed, outlet, country, language, title, published, text)`.execute(store.database.db);
  }
}

/** Fills the store chunk by chunk, deciding each chunk; returns the mean µs per assignment at each mark. */
async function fill(store: Store): Promise<Map<number, number>> {
  const docs = sourceDocs();
  progress(`sources: ${docs.en.length} ECB+ documents`);
  await insertFeeds(store);
  const assigner = new EventAssigner(store, loadVocabulary(), pino({ level: 'silent' }));
  const stories = new StoryStream(42);
  const windows = COST_MARKS.map((mark) => ({ mark, window: costWindow(mark, N, COST_WINDOW) }));
  const costs = new Map<number, number>();
  const windowStart = new Map<number, number>();
  const reported = new Set<number>();
  let created = 0;
  let writeMs = 0;
  let assignMs = 0;
  // Where a chunk's assignment time goes: the log writes (store.events.record) versus deciding.
  let recordMs = 0;
  const record = store.events.record.bind(store.events);
  store.events.record = async (...a) => {
    const t = performance.now();
    try {
      return await record(...a);
    } finally {
      recordMs += performance.now() - t;
    }
  };
  const started = performance.now();
  for (let base = 0; base < N; base += CHUNK) {
    const rows: Row[] = [];
    const t0 = performance.now();
    for (let i = base; i < Math.min(N, base + CHUNK); i++) {
      const at = publicationTime(i, PER_YEAR, START);
      const { story, copy } = stories.next(at);
      const s = storyOf(story, docs);
      const a = synthesiseArticle(s, copy ? story * 1_000_003 : story * 1_000_003 + i + 1);
      const where = outletOf(story, i);
      const id = `s${i.toString(36).padStart(8, '0')}`;
      rows.push({ id, url: `https://outlet${where.feed.slice(1)}.example/${new Date(at).toISOString().slice(0, 10)}/${id}`, ...where, language: a.language, title: a.title, published: new Date(at).toISOString(), text: a.text });
    }
    await insertArticles(store, rows);
    const t1 = performance.now();
    writeMs += t1 - t0;
    // Batch progress: `done` of this chunk are decided; the store holds base + done of them in the log.
    const mark = (done: number) => {
      const logged = base + done;
      const now = performance.now();
      for (const { mark: m, window } of windows) {
        if (!window) continue;
        if (logged <= window.from) windowStart.set(m, now);
        else if (logged >= window.to && !costs.has(m) && windowStart.has(m)) costs.set(m, ((now - windowStart.get(m)!) * 1000) / (window.to - window.from));
      }
    };
    mark(0);
    const recordedBefore = recordMs;
    const results = await assigner.assignAll((done) => mark(done));
    created += results.filter((r) => r.outcome === 'assigned' && r.created).length;
    const chunkAssignMs = performance.now() - t1;
    assignMs += chunkAssignMs;
    const chunkRecordMs = recordMs - recordedBefore;
    const stored = base + rows.length;
    for (const [m, c] of costs) if (!reported.has(m)) (reported.add(m), progress(`  cost per article at ${m.toLocaleString('en')} stored: ${Math.round(c)} µs`));
    const rate = stored / ((performance.now() - started) / 1000);
    progress(`  ${stored} stored and assigned (${Math.round(rate)}/s overall; writing ${Math.round((stored / writeMs) * 1000)}/s, assigning ${Math.round((stored / assignMs) * 1000)}/s), ${created} events created, ${stories.count()} stories; this chunk ${Math.round((chunkAssignMs * 1000) / rows.length)} µs/article, of it log writes ${Math.round((chunkRecordMs * 1000) / rows.length)} µs; bench RSS ${rssMiB()} MiB, ETA ${duration((N - stored) / rate)}`);
  }
  await sql`analyze`.execute(store.database.db);
  return costs;
}

/** VmHWM (peak RSS) of a process, in MiB, or null once it is gone. */
function peakRssMiB(pid: number): number | null {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Stores one new article, queues its assignment, starts `parallax worker`: ms until it has its event, and the worker's peak RSS. */
async function measureStart(store: Store, url: string): Promise<{ ms: number; peakMiB: number | null }> {
  const db = store.database.db;
  const last = await sql<{ at: Date | null }>`select max(published) as at from articles`.execute(db);
  const at = new Date((last.rows[0]?.at ? new Date(last.rows[0].at).getTime() : Date.now()) + 60_000);
  const id = `new-${Date.now().toString(36)}`;
  const docs = sourceDocs();
  const a = synthesiseArticle(storyOf(1 << 30, docs), 7);
  const where = outletOf(0, 0);
  await insertArticles(store, [{ id, url: `https://outlet${where.feed.slice(1)}.example/new/${id}`, ...where, language: a.language, title: a.title, published: at.toISOString(), text: a.text }]);
  await sql`update articles set discovered_at = now(), fetched_at = now() where id = ${id}`.execute(db);

  const prefix = testPrefix();
  const queues = openQueues({ redisUrl: TEST_REDIS_URL, prefix });
  try {
    // As fetch-article adds it, without the settle delay: the article was stored before the worker (re)started.
    await addJobs(queues, JobName.AssignEvent, [{ data: { articleId: id }, delayMs: 0 }], { eventSettleMs: 0, compareDelayMs: 0, delivery: DEFAULT_DELIVERY_SETTINGS });
    const env = { ...process.env, DATABASE_URL: url, REDIS_URL: TEST_REDIS_URL, PARALLAX_QUEUE_PREFIX: prefix, PARALLAX_EVENT_SETTLE_MS: '0', LOG_LEVEL: 'warn' };
    const t0 = performance.now();
    const child = spawn(process.execPath, ['bin/parallax.js', 'worker'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    let gone = false;
    void exited.then(() => (gone = true));
    let peakMiB: number | null = null;
    let lastReport = t0;
    try {
      for (;;) {
        peakMiB = peakRssMiB(child.pid!) ?? peakMiB;
        const r = await sql<{ seq: number | null }>`select event_seq as seq from articles where id = ${id}`.execute(db);
        if (r.rows[0]?.seq != null) return { ms: performance.now() - t0, peakMiB: peakRssMiB(child.pid!) ?? peakMiB };
        if (gone) throw new Error(`parallax worker exited before assigning the new article:\n${stderr}`);
        const elapsed = performance.now() - t0;
        if (elapsed > START_TIMEOUT_MS) throw new Error(`parallax worker did not assign the new article within ${args['start-timeout-s']} s`);
        if (performance.now() - lastReport > 10_000) {
          lastReport = performance.now();
          progress(`  worker started ${duration(elapsed / 1000)} ago, RSS peak ${peakMiB} MiB, article not assigned yet`);
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } finally {
      if (!gone) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(killer);
      }
    }
  } finally {
    await queues.close();
    await dropPrefix(prefix);
  }
}

out(machineLine());
out(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const pg = args.reuse ? null : await freshPostgres();
const url = args.reuse ?? pg!.url;
const store = await openStore({ kind: 'postgres', url });
let articles = N;
let costs = new Map<number, number>();
try {
  if (args.reuse) {
    articles = Number((await sql<{ n: string }>`select count(*) as n from articles`.execute(store.database.db)).rows[0]!.n);
    out(`reusing ${args.reuse}: ${articles} articles`);
  } else {
    const t = performance.now();
    out(`schedule: the first ${N} articles of a year of ${PER_YEAR} (${Math.round(PER_YEAR / 365)} a day)`);
    costs = await fill(store);
    out(`${N} synthetic articles stored and assigned in ${duration((performance.now() - t) / 1000)}`);
  }
  progress('starting parallax worker');
  const start = await measureStart(store, url);
  for (const m of COST_MARKS) if (costs.has(m)) out(`cost per article at ${m.toLocaleString('en')} stored: ${Math.round(costs.get(m)!)} µs (mean of the ${COST_WINDOW} assignments before)`);
  out(`parallax worker start to first new article assigned: ${(start.ms / 1000).toFixed(1)} s; worker peak RSS ${start.peakMiB ?? '?'} MiB`);
  out(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (args.json) process.stdout.write(`${JSON.stringify(scaleReport(articles, Math.round(start.ms), start.peakMiB, costs))}\n`);
} finally {
  await store.close();
  if (args.keep) out(`kept: ${url}`);
  else await pg?.drop();
}
