import { COMPARE_VERSION } from '../src/compare/index.js';
import { JobName, type FetchArticleData, type RecoverPendingData } from '../src/pipeline/jobs.js';
import { addWakeJob } from './assign-deadline.js';
import { eventRequests } from './assign-event.processor.js';
import type { WorkerContext } from './context.js';
import { addFollowUps, jobIdOf } from './jobs.js';

/**
 * Gives a still-pending article's job id a live job: a new one if it has none, or if its job
 * completed without the article being stored (the write was lost: a database restored or failed
 * over); a retry if it failed for good.
 */
async function ensureFetchJob(ctx: WorkerContext, data: FetchArticleData): Promise<'enqueued' | 'retried' | 'alive'> {
  let job = await ctx.queues.articles.getJob(jobIdOf(JobName.FetchArticle, data, ctx)!);
  if (job && (await job.isCompleted())) {
    await job.remove();
    job = undefined;
  }
  if (!job) {
    await addFollowUps(ctx.queues, JobName.RecoverPending, JobName.FetchArticle, [{ data }], ctx);
    return 'enqueued';
  }
  if (await job.isFailed()) {
    await job.retry('failed');
    return 'retried';
  }
  return 'alive';
}

/** Articles younger than this are still on their normal path: leave them alone. */
const GRACE_MS = 2 * 60_000;
/**
 * How far back the sweep looks for events the watchlists have not seen as they are: an alert
 * about an older change would be old news (and a store that had no watchlists is not alerted on).
 */
export const ALERTS_RECOVERED_WITHIN_MS = 24 * 3_600_000;

/**
 * The store, not Redis, is the record of what was discovered: a pending article whose job is gone
 * (Redis lost it, or the process died between storing and enqueueing) gets a job again, and so
 * does a stored article without an event, and an event whose comparison is missing or stale
 * (its compare job was lost, or COMPARE_VERSION changed), and a compared event the watchlists
 * have not evaluated since, or whose alerts were never handed to delivery; a job that failed for
 * good (our own infrastructure was down) is retried.
 */
export function recoverPendingProcessor(ctx: WorkerContext, graceMs = GRACE_MS) {
  return async (data: RecoverPendingData = {}) => {
    const before = new Date(Date.now() - (data.graceMs ?? graceMs));
    const counts = { pending: 0, enqueued: 0, retried: 0, eventBacklog: false, comparisons: 0, alerts: 0 };
    const pending = await ctx.store.articles.listPending(before, 1000);
    counts.pending = pending.length;
    for (const a of pending) {
      const r = await ensureFetchJob(ctx, { articleId: a.id, url: a.url });
      if (r !== 'alive') counts[r]++;
    }
    // Stored but never put into an event (the process died between storing and enqueueing, the job
    // failed for good, or a deduplicated job never ran): one job outside deduplication takes the backlog.
    const unassigned = await ctx.store.events.unassigned(1, before);
    counts.eventBacklog = unassigned.length > 0;
    if (unassigned.length > 0) {
      await addWakeJob(ctx, unassigned[0]!.id, Date.now(), data.graceMs ?? graceMs);
      counts.enqueued++;
    }
    await ctx.store.comparisons.deleteMerged();
    const stale = await ctx.store.comparisons.stale(COMPARE_VERSION, { limit: 1000, changedBefore: before });
    counts.comparisons = await addFollowUps(ctx.queues, JobName.RecoverPending, JobName.CompareEvent, eventRequests(stale, 0), ctx);
    // Only a process with the watchlists evaluates them (compare-event's follow-up likewise).
    if (ctx.alerts) {
      const behind = await ctx.store.alerts.behind({ changedBefore: before, changedAfter: new Date(Date.now() - ALERTS_RECOVERED_WITHIN_MS) });
      counts.alerts = await addFollowUps(ctx.queues, JobName.RecoverPending, JobName.EvaluateAlerts, eventRequests(behind), ctx);
    }
    if (counts.enqueued + counts.retried + counts.comparisons + counts.alerts > 0) ctx.log.warn(counts, 'recovered work whose jobs were lost or failed');
    return counts;
  };
}
