import type { Job } from 'bullmq';
import { deliver, type DeliveryDeps } from '../src/pipeline/deliver.js';
import type { DeliverAlertData } from './queues.js';

/**
 * deliver-alert: one try of one delivery. A failed send is thrown so that BullMQ retries it with
 * back-off; on the last try the store has already marked it dead (the dead letter).
 */
export function deliverAlertProcessor(deps: DeliveryDeps) {
  return async (job: Job<DeliverAlertData>) => {
    // attemptsMade counts finished failed attempts, so this run is attempt attemptsMade + 1.
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const result = await deliver(job.data.deliveryId, deps, { finalAttempt });
    if (result.outcome === 'failed') throw result.error;
    return result;
  };
}
