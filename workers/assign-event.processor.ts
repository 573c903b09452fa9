import type { Job } from 'bullmq';
import { countAssignments } from '../src/pipeline/count-results.js';
import { JobName, type AssignEventData } from '../src/pipeline/jobs.js';
import type { WorkerContext } from './context.js';
import { addFollowUps } from './jobs.js';

/**
 * assign-event: put stored articles into events. The job waits PARALLAX_EVENT_SETTLE_MS after its
 * article was stored, then assigns every article still without an event, in publication order, its
 * own included: online clustering depends on order, and arrival order within a burst (a first
 * poll, a backlog) is an accident of fetch times and worker counts, publication order is not.
 * The events queue runs one job at a time across every process; a conflict (a stalled job's
 * decider overlapped) is thrown and retried. Every event it touched gets a compare job.
 */
export function assignEventProcessor(ctx: WorkerContext) {
  return async (job: Job<AssignEventData>) => {
    const results = await ctx.assigner.assignAll();
    countAssignments(results);
    const touched = results.flatMap((r) => (r.outcome === 'assigned' ? [r.eventId] : []));
    const created = results.filter((r) => r.outcome === 'assigned' && r.created).length;
    if (touched.length > 0) ctx.log.info({ assigned: touched.length, created }, 'articles assigned to events');
    // Each event that changed is compared again; an event merged away later in the batch leads
    // its compare job to the survivor.
    const compared = await addFollowUps(ctx.queues, JobName.AssignEvent, JobName.CompareEvent, eventRequests(touched), ctx);
    return { articleId: job.data.articleId, assigned: touched.length, compared };
  };
}

/** One request per distinct event: a burst touching an event many times compares it once. */
export const eventRequests = (eventIds: Iterable<string>, delayMs?: number) =>
  [...new Set(eventIds)].map((eventId) => ({ data: { eventId }, ...(delayMs === undefined ? {} : { delayMs }) }));
