import pMap from 'p-map';
import type { CompareContext } from '../compare/index.js';
import type { FeedConfig } from '../config/feeds-config.js';
import { compareStale } from './compare-event.js';
import { deliverInProcess, type DeliveryDeps, type InProcessSummary } from './deliver.js';
import { ALERT_HANDED_OFF, alertsToHandOff, evaluateAlerts, type AlertEvaluationDeps, type LoadedWatchlists } from './evaluate-alerts.js';
import type { PipelineDeps } from './deps.js';
import { fetchArticle, type ArticleResult } from './fetch-article.js';
import type { EventAssigner } from './assign-event.js';
import { interleaveByHost } from './host-spread.js';
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

/**
 * Every feed polled once and every pending article fetched, in-process, with the same stage
 * functions the queue workers call: no Redis needed. Pending articles left by an earlier,
 * interrupted run are picked up too, so nothing discovered is ever left behind.
 */
export async function runOnce(feeds: FeedConfig[], deps: PipelineDeps, options: RunOnceOptions): Promise<RunOnceSummary> {
  await deps.store.feeds.sync(feeds);
  let done = 0;
  const polls = await pMap(
    feeds,
    async (f) => {
      const r = await pollFeed(f.id, deps, { force: true });
      options.onProgress?.({ phase: 'poll', done: ++done, total: feeds.length });
      return r;
    },
    { concurrency: options.feedConcurrency },
  );

  // Round-robin across outlets, so that per-host politeness never leaves the pool waiting on one host.
  const pending = interleaveByHost(
    await deps.store.articles.listPending(new Date(Date.now() + 60_000), Number.MAX_SAFE_INTEGER),
    (a) => a.url,
  );
  done = 0;
  const results: ArticleResult[] = await pMap(
    pending,
    async (a) => {
      const r = await fetchArticle(a.id, deps, { finalAttempt: true });
      options.onProgress?.({ phase: 'articles', done: ++done, total: pending.length });
      return r;
    },
    { concurrency: options.articleConcurrency },
  );

  const assigned = options.events
    ? await options.events.assignAll((d, total) => options.onProgress?.({ phase: 'events', done: d, total }))
    : [];
  const assignedNow = assigned.flatMap((r) => (r.outcome === 'assigned' ? [r] : []));
  // Every stale comparison, not only those of events touched now: an interrupted run or a new
  // compare version leaves others behind, and this is the only driver without a recovery sweep.
  const compared = options.events && options.compare
    ? await compareStale(deps.store, options.compare, { onProgress: (d, total) => options.onProgress?.({ phase: 'compare', done: d, total }) })
    : { compared: 0 };
  const alerts = options.events && options.alerts
    ? await alertsInProcess(options.alerts, [...new Set(assignedNow.map((r) => r.eventId))], (d, total) => options.onProgress?.({ phase: 'alerts', done: d, total }))
    : null;

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
    comparisons: compared.compared,
    alerts,
    polls,
  };
}

/**
 * Alerts as the workers raise them, in-process: each changed event evaluated (after its comparison
 * is stored), then every alert not yet handed off (this run's, and any an interrupted run left)
 * delivered before returning.
 */
async function alertsInProcess(a: RunOnceAlerts, eventIds: string[], onProgress: (done: number, total: number) => void) {
  let created = 0;
  for (const [i, id] of eventIds.entries()) {
    created += (await evaluateAlerts(a.evaluation, a.watchlists, id)).created.length;
    onProgress(i + 1, eventIds.length);
  }
  const pending = await alertsToHandOff(a.evaluation, a.watchlists);
  const delivered = await deliverInProcess(pending.map((alert) => ({ alert, channels: a.watchlists.config.channels })), a.delivery);
  for (const alert of pending) await a.evaluation.store.alerts.setStatus(alert.id, ALERT_HANDED_OFF);
  return { evaluated: eventIds.length, created, ...delivered };
}
