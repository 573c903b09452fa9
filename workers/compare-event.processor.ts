import type { Job } from 'bullmq';
import { comparisonOf } from '../src/pipeline/compare-event.js';
import { JobName, type CompareEventData } from '../src/pipeline/jobs.js';
import { eventRequests } from './assign-event.processor.js';
import type { WorkerContext } from './context.js';
import { addFollowUps } from './jobs.js';

/**
 * compare-event: the comparison of one event's accounts, computed from the store and stored there
 * (unless the stored one is still current). The result is small on purpose: BullMQ keeps it in
 * Redis; the comparison itself lives in the store.
 */
export function compareEventProcessor(ctx: WorkerContext) {
  return async (job: Job<CompareEventData>) => {
    const r = await comparisonOf(ctx.store, ctx.compare, job.data.eventId);
    if (r.outcome === 'missing') return { eventId: job.data.eventId, outcome: r.outcome, changed: false };
    // Alerts follow every comparison of a changed event, not only a changed comparison: a new
    // outlet (escalation, first-report) leaves the comparison's content as it was.
    if (ctx.alerts) await addFollowUps(ctx.queues, JobName.CompareEvent, JobName.EvaluateAlerts, eventRequests([r.eventId]), ctx);
    return { eventId: r.eventId, outcome: r.outcome, changed: r.changed };
  };
}
