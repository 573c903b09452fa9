import pMap from 'p-map';
import type { AlertRecord } from '../alerts/types.js';
import type { CompareContext } from '../compare/index.js';
import type { FeedConfig } from '../config/feeds-config.js';
import { compareStale } from './compare-event.js';
import { deliverInProcess, type DeliveryDeps, type InProcessSummary } from './deliver.js';
import { ALERT_HANDED_OFF, alertsToHandOff, evaluateAlerts, type AlertEvaluationDeps, type LoadedWatchlists } from './evaluate-alerts.js';
import type { PipelineDeps } from './deps.js';
import { fetchArticle, type ArticleResult } from './fetch-article.js';
import type { AssignResult, EventAssigner } from './assign-event.js';
import { interleaveByHost } from './host-spread.js';
import { JobName, jobPath } from './jobs.js';
import { pollFeed, type PollResult } from './poll-feed.js';

export interface RunOnceProgress {
  phase: 'poll' | 'articles' | 'events' | 'compare' | 'alerts';
  done: number;
  total: number;
}

export interface RunOnceSummary {
  feeds: { ok: number; notModified: number; errors: number; skipped: number };
  articles: { discovered: number; extracted: number; feedContent: number };
  /** Articles put into events in this run, and the events they started. */
  events: { assigned: number; created: number; duplicates: number };
  /** Events whose comparison was computed in this run (every event that changed, or was stale). */
  comparisons: number;
  /** With watchlists: events evaluated, alerts stored, and what delivery did with them. */
  alerts: ({ evaluated: number; created: number } & InProcessSummary) | null;
  polls: PollResult[];
}

/** run-once's alerts: the watchlists, evaluation's dependencies and delivery's. */
export interface RunOnceAlerts {
  watchlists: LoadedWatchlists;
  evaluation: AlertEvaluationDeps;
  delivery: DeliveryDeps;
}

export interface RunOnceOptions {
  feedConcurrency: number;
  articleConcurrency: number;
  onProgress?: (p: RunOnceProgress) => void;
  /** Event assignment after the articles are stored; without it, run-once stops at the store (bench:ingest). */
  events?: EventAssigner;
  /** Comparison of every event that changed, after assignment (needs `events`). */
  compare?: CompareContext;
  /** Alerts evaluated on the events this run changed, then delivered (needs `events`). */
  alerts?: RunOnceAlerts;
}

/** What the phases hand each other: each phase's outcome is the next one's input, as a job's result is its follow-ups' payload. */
interface RunState {
  feeds: FeedConfig[];
  deps: PipelineDeps;
  options: RunOnceOptions;
  polls: PollResult[];
  articles: ArticleResult[];
  assigned: Extract<AssignResult, { outcome: 'assigned' }>[];
  compared: number;
  /** Alerts evaluated and not yet handed off to delivery. */
  evaluated: { evaluated: number; created: number; pending: AlertRecord[] } | null;
  alerts: RunOnceSummary['alerts'];
}

type Phase = (state: RunState) => Promise<void>;

/**
 * run-once's phase for each job on the path from poll-feed (src/pipeline/jobs.ts): what a worker
 * does for one job, done here for all of them at once.
 */
const PHASES: Partial<Record<JobName, Phase>> = {
  [JobName.PollFeed]: async (st) => {
    let done = 0;
    st.polls = await pMap(
      st.feeds,
      async (f) => {
        const r = await pollFeed(f.id, st.deps, { force: true });
        st.options.onProgress?.({ phase: 'poll', done: ++done, total: st.feeds.length });
        return r;
      },
      { concurrency: st.options.feedConcurrency },
    );
  },
  // Every pending article, not only those this poll found: an interrupted run's are picked up too.
  // Round-robin across outlets, so that per-host politeness never leaves the pool waiting on one host.
  [JobName.FetchArticle]: async (st) => {
    const pending = interleaveByHost(await st.deps.store.articles.listPending(new Date(Date.now() + 60_000), Number.MAX_SAFE_INTEGER), (a) => a.url);
    let done = 0;
    st.articles = await pMap(
      pending,
      async (a) => {
        const r = await fetchArticle(a.id, st.deps, { finalAttempt: true });
        st.options.onProgress?.({ phase: 'articles', done: ++done, total: pending.length });
        return r;
      },
      { concurrency: st.options.articleConcurrency },
    );
  },
  [JobName.AssignEvent]: async (st) => {
    if (!st.options.events) return;
    const results = await st.options.events.assignAll((d, total) => st.options.onProgress?.({ phase: 'events', done: d, total }));
    st.assigned = results.flatMap((r) => (r.outcome === 'assigned' ? [r] : []));
    // The next run resumes from here instead of replaying what this one decided.
    await st.options.events.checkpoint();
  },
  // Every stale comparison, not only those of events touched now: an interrupted run or a new
  // compare version leaves others behind, and this is the only driver without a recovery sweep.
  [JobName.CompareEvent]: async (st) => {
    if (!st.options.events || !st.options.compare) return;
    const onProgress = (d: number, total: number) => st.options.onProgress?.({ phase: 'compare', done: d, total });
    st.compared = (await compareStale(st.deps.store, st.options.compare, { onProgress })).compared;
  },
  // Each changed event evaluated (after its comparison is stored), then every alert not yet handed
  // off (this run's, and any an interrupted run left) taken for delivery.
  [JobName.EvaluateAlerts]: async (st) => {
    const a = st.options.alerts;
    if (!st.options.events || !a) return;
    const eventIds = [...new Set(st.assigned.map((r) => r.eventId))];
    let created = 0;
    for (const [i, id] of eventIds.entries()) {
      created += (await evaluateAlerts(a.evaluation, a.watchlists, id)).created.length;
      st.options.onProgress?.({ phase: 'alerts', done: i + 1, total: eventIds.length });
    }
    st.evaluated = { evaluated: eventIds.length, created, pending: await alertsToHandOff(a.evaluation, a.watchlists) };
  },
  // Delivered before returning, with the queue's retries and back-off waited for in-process.
  [JobName.DeliverAlert]: async (st) => {
    const a = st.options.alerts;
    if (!a || !st.evaluated) return;
    const { pending, ...counts } = st.evaluated;
    const delivered = await deliverInProcess(pending.map((alert) => ({ alert, channels: a.watchlists.config.channels })), a.delivery);
    for (const alert of pending) await a.evaluation.store.alerts.setStatus(alert.id, ALERT_HANDED_OFF);
    st.alerts = { ...counts, ...delivered };
  },
};

/** The phases run-once goes through: the job path from poll-feed; throws naming a job it has no phase for. */
export function runOncePhases(phases: Partial<Record<JobName, Phase>> = PHASES): Phase[] {
  const path = jobPath(JobName.PollFeed);
  const missing = path.filter((name) => !phases[name]);
  if (missing.length > 0) throw new Error(`run-once has no phase for ${missing.join(', ')}: a job its workers follow`);
  return path.map((name) => phases[name]!);
}

/**
 * Every feed polled once and every pending article fetched, in-process, with the same stage
 * functions the queue workers call and the same follow-ups (src/pipeline/jobs.ts): no Redis
 * needed. Pending articles left by an earlier, interrupted run are picked up too, so nothing
 * discovered is ever left behind.
 */
export async function runOnce(feeds: FeedConfig[], deps: PipelineDeps, options: RunOnceOptions): Promise<RunOnceSummary> {
  await deps.store.feeds.sync(feeds);
  const st: RunState = { feeds, deps, options, polls: [], articles: [], assigned: [], compared: 0, evaluated: null, alerts: null };
  for (const phase of runOncePhases()) await phase(st);
  const { polls, articles: results, assigned: assignedNow } = st;
  return {
    feeds: {
      ok: polls.filter((p) => p.outcome === 'ok').length,
      notModified: polls.filter((p) => p.outcome === 'not-modified').length,
      errors: polls.filter((p) => p.outcome === 'error').length,
      skipped: polls.filter((p) => p.outcome === 'skipped').length,
    },
    articles: {
      discovered: polls.reduce((n, p) => n + (p.outcome === 'ok' ? p.newArticles.length : 0), 0),
      extracted: results.filter((r) => r.outcome === 'extracted').length,
      feedContent: results.filter((r) => r.outcome === 'feed-content').length,
    },
    events: {
      assigned: assignedNow.length,
      created: assignedNow.filter((r) => r.created).length,
      duplicates: assignedNow.filter((r) => r.duplicateOf !== null).length,
    },
    comparisons: st.compared,
    alerts: st.alerts,
    polls,
  };
}
