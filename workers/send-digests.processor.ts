import type { Queue } from 'bullmq';
import type { DeliveryDeps } from '../src/pipeline/deliver.js';
import { enqueueDeliveries } from './deliveries.js';
import { deliverJobId } from './queues.js';

/** An immediate delivery untouched for this long, neither sent nor dead, has lost its job. */
const LOST_AFTER_MS = 10 * 60_000;

/**
 * send-digests (hourly): the alerts of digest rules whose period has ended gathered into one
 * digest per rule and channel, each enqueued as a delivery; and the sweep of lost deliveries.
 */
export function sendDigestsProcessor(deps: DeliveryDeps, queue: Queue) {
  return async () => {
    const now = deps.now?.() ?? new Date();
    const digests = [...(await deps.store.deliveries.gatherDigests('hourly', now)), ...(await deps.store.deliveries.gatherDigests('daily', now))];
    const lost = await deps.store.deliveries.waitingNow(new Date(now.getTime() - LOST_AFTER_MS));
    // A job still waiting or delayed (a long back-off) keeps its id and the add below is a no-op;
    // one that BullMQ failed without our processor marking the delivery dead (it stalled twice)
    // would block its id for a week, so it is removed and the delivery gets a fresh job.
    for (const id of lost) {
      const job = await queue.getJob(deliverJobId(id));
      if (job && (await job.isFailed())) await job.remove();
    }
    await enqueueDeliveries(queue, [...digests, ...lost], deps.settings);
    return { digests: digests.length, requeued: lost.length };
  };
}
