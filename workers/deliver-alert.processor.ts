import type { Job } from 'bullmq';
import { deliver } from '../src/pipeline/deliver.js';
import type { DeliverAlertData } from '../src/pipeline/jobs.js';
import type { WorkerContext } from './context.js';

/**
 * deliver-alert: one try of one delivery. A failed send is thrown so that BullMQ retries it with
 * back-off; on the last try the store has already marked it dead (the dead letter).
 */
export function deliverAlertProcessor(ctx: WorkerContext) {
  const deps = { store: ctx.store, log: ctx.log, settings: ctx.delivery, ...(ctx.now ? { now: ctx.now } : {}) };
  return async (job: Job<DeliverAlertData>) => {
    // attemptsMade counts finished failed attempts, so this run is attempt attemptsMade + 1.
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const result = await deliver(job.data.deliveryId, deps, { finalAttempt });
    if (result.outcome === 'failed') throw result.error;
    return result;
  };
}
