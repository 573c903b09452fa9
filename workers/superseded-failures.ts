import type { Job, Queue } from 'bullmq';
import { JobName } from '../src/pipeline/jobs.js';

/**
 * The work a job stands for: two jobs with the same key do the same work, so once a later one has
 * completed, an earlier one's failure is history, not something left for an operator to act on.
 * Deliveries have none: a dead delivery is a dead letter, kept on purpose.
 */
export function workKey(job: Pick<Job, 'name' | 'data'>): string | null {
  const data = (job.data ?? {}) as Record<string, unknown>;
  switch (job.name as JobName) {
    case JobName.PollFeed:
      return `feed:${String(data.feedId)}`;
    case JobName.FetchArticle:
      return `article:${String(data.articleId)}`;
    // Each assign-event job assigns the whole backlog, whichever article it was added for.
    case JobName.AssignEvent:
      return 'assign-backlog';
    case JobName.CompareEvent:
      return `compare:${String(data.eventId)}`;
    case JobName.EvaluateAlerts:
      return `alerts:${String(data.eventId)}`;
    case JobName.RecoverPending:
    case JobName.SendDigests:
      return job.name;
    default:
      return null;
  }
}

/** How many of the newest failed jobs are looked at after a completion: bounded work per job. */
export const SUPERSEDED_SCAN_LIMIT = 500;

/**
 * Removes the failed jobs whose work `done` has since completed: failed before `done` started,
 * same work key. Returns how many were removed.
 */
export async function removeSupersededFailures(queue: Queue, done: Job): Promise<number> {
  const key = workKey(done);
  if (key === null || (await queue.getFailedCount()) === 0) return 0;
  const started = done.processedOn ?? done.timestamp;
  let removed = 0;
  for (const failed of await queue.getFailed(0, SUPERSEDED_SCAN_LIMIT - 1)) {
    if (!failed || failed.id === done.id || workKey(failed) !== key) continue;
    if ((failed.finishedOn ?? Infinity) > started) continue;
    await failed.remove();
    removed++;
  }
  return removed;
}
