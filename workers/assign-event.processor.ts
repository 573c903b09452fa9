import type { Job } from 'bullmq';
import type { WorkerContext } from './context.js';
import type { AssignEventData } from './queues.js';

/**
 * assign-event: put one stored article into its event. The events queue runs one job at a time
 * across every process; a conflict (a stalled job's decider overlapped) is thrown and retried.
 */
export function assignEventProcessor(ctx: WorkerContext) {
  return async (job: Job<AssignEventData>) => ctx.assigner.assign(job.data.articleId);
}
