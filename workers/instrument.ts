import type { Job } from 'bullmq';
import { withLogContext, type LogBindings } from '../src/log.js';
import { jobDuration } from '../src/observability/metrics.js';

/**
 * The ids a job concerns, as log fields: every string or number field of its data whose name ends
 * in "Id" (feedId, articleId, eventId, alertId, …), so that a new job's ids are logged without an
 * edit here.
 */
export function jobLogBindings(queue: string, job: Job): LogBindings {
  const bindings: LogBindings = { queue, job: job.name, jobId: job.id ?? '', attempt: job.attemptsMade + 1 };
  const data: unknown = job.data;
  if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) {
      if (/Id$/.test(k) && (typeof v === 'string' || typeof v === 'number')) bindings[k] = v;
    }
  }
  return bindings;
}

/**
 * Wraps a queue's processor: every log line written while the job runs carries the job's ids,
 * and its duration is observed, by outcome.
 */
export function instrumented<T>(queue: string, processor: (job: Job) => Promise<T>): (job: Job) => Promise<T> {
  return (job) =>
    withLogContext(jobLogBindings(queue, job), async () => {
      const stop = jobDuration.startTimer({ queue, job: job.name });
      try {
        const result = await processor(job);
        stop({ outcome: 'completed' });
        return result;
      } catch (err) {
        stop({ outcome: 'failed' });
        throw err;
      }
    });
}
