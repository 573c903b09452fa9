import type { Job, Queue } from 'bullmq';
import { comparisonOf } from '../src/pipeline/compare-event.js';
import type { WorkerContext } from './context.js';
import { enqueueAlertEvaluations } from './evaluate-alerts.processor.js';
import { compareDeduplication, JobName, type CompareEventData } from './queues.js';

/** Queues the comparison of each event, once per event however many times it is asked (see compareDeduplication). */
export async function enqueueComparisons(queue: Queue, eventIds: Iterable<string>, delayMs: number): Promise<number> {
  const jobs = [...new Set(eventIds)].map((eventId) => ({
    name: JobName.CompareEvent,
    data: { eventId } satisfies CompareEventData,
    opts: { delay: delayMs, deduplication: compareDeduplication(eventId) },
  }));
  if (jobs.length > 0) await queue.addBulk(jobs);
  return jobs.length;
}

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
    if (ctx.alerts) await enqueueAlertEvaluations(ctx.alerts.queue, [r.eventId]);
    return { eventId: r.eventId, outcome: r.outcome, changed: r.changed };
  };
}
