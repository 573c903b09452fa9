import { JobName } from '../src/pipeline/jobs.js';
import type { WorkerContext } from './context.js';
import { addFollowUps, jobIdOf } from './jobs.js';

/** An immediate delivery untouched for this long, neither sent nor dead, has lost its job. */
const LOST_AFTER_MS = 10 * 60_000;

/**
 * send-digests (hourly): the alerts of digest rules whose period has ended gathered into one
 * digest per rule and channel, each enqueued as a delivery; and the sweep of lost deliveries.
 */
export function sendDigestsProcessor(ctx: WorkerContext) {
  const queue = ctx.queues.deliveries;
  return async () => {
    const now = ctx.now?.() ?? new Date();
    const digests = [...(await ctx.store.deliveries.gatherDigests('hourly', now)), ...(await ctx.store.deliveries.gatherDigests('daily', now))];
    const lost = await ctx.store.deliveries.waitingNow(new Date(now.getTime() - LOST_AFTER_MS));
    // A job still waiting or delayed (a long back-off) keeps its id and the add below is a no-op;
    // one that BullMQ failed without our processor marking the delivery dead (it stalled twice)
    // would block its id for a week, so it is removed and the delivery gets a fresh job.
    for (const deliveryId of lost) {
      const job = await queue.getJob(jobIdOf(JobName.DeliverAlert, { deliveryId }, ctx)!);
      if (job && (await job.isFailed())) await job.remove();
    }
    const requests = [...digests, ...lost].map((deliveryId) => ({ data: { deliveryId } }));
    await addFollowUps(ctx.queues, JobName.SendDigests, JobName.DeliverAlert, requests, ctx);
    return { digests: digests.length, requeued: lost.length };
  };
}
