import type { Queue } from 'bullmq';
import type { DeliveryDeps } from '../src/pipeline/deliver.js';
import { enqueueDeliveries } from './deliveries.js';

/** An immediate delivery still pending after this long has lost its job (Redis flushed, a crash after storing). */
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
    await enqueueDeliveries(queue, [...digests, ...lost], deps.settings);
    return { digests: digests.length, requeued: lost.length };
  };
}
