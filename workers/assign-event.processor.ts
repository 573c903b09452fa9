import type { Job } from 'bullmq';
import type { WorkerContext } from './context.js';
import type { AssignEventData } from './queues.js';

/**
 * assign-event: put stored articles into events. The job waits PARALLAX_EVENT_SETTLE_MS after its
 * article was stored, then assigns every article still without an event, in publication order, its
 * own included: online clustering depends on order, and arrival order within a burst (a first
 * poll, a backlog) is an accident of fetch times and worker counts, publication order is not.
 * The events queue runs one job at a time across every process; a conflict (a stalled job's
 * decider overlapped) is thrown and retried.
 */
export function assignEventProcessor(ctx: WorkerContext) {
  return async (job: Job<AssignEventData>) => {
    const results = await ctx.assigner.assignAll();
    const assigned = results.filter((r) => r.outcome === 'assigned').length;
    return { articleId: job.data.articleId, assigned };
  };
}
