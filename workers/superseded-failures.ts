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

/** How many of the newest failed jobs are looked at per check: bounded work per check. */
export const SUPERSEDED_SCAN_LIMIT = 500;

/**
 * How often a queue's completed jobs are checked against its failures: one failed-count query per
 * queue this often, not one per completed job (a round trip per article on the hot path).
 */
export const SUPERSEDED_CHECK_EVERY_MS = 1_000;

/** What one completed job supersedes: failures of the same work that finished before it started. */
interface Completion {
  started: number;
  ids: Set<string>;
}

/**
 * Removes the failed jobs whose work has since completed: failed before a completed job of the
 * same work key started. Completions are gathered and checked together, at most once per
 * `everyMs`. Reports each check that removed jobs, or failed.
 */
export function supersededFailuresRemover(
  queue: Queue,
  report: { removed(n: number): void; error(err: Error): void },
  everyMs = SUPERSEDED_CHECK_EVERY_MS,
): { completed(job: Job): void; close(): void } {
  let pending = new Map<string, Completion>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let checking: Promise<void> = Promise.resolve();
  const check = () => {
    timer = null;
    const batch = pending;
    pending = new Map();
    checking = checking
      .then(() => removeSuperseded(queue, batch))
      .then((n) => { if (n > 0) report.removed(n); }, (err: Error) => report.error(err));
  };
  return {
    completed(job) {
      const key = workKey(job);
      if (key === null || closed) return;
      const started = job.processedOn ?? job.timestamp;
      const c = pending.get(key) ?? { started, ids: new Set<string>() };
      c.started = Math.max(c.started, started);
      if (job.id) c.ids.add(job.id);
      pending.set(key, c);
      if (!timer) timer = setTimeout(check, everyMs);
    },
    // Not waited for: a check needs Redis, which may be what the process is stopping for. What
    // it leaves, the next completion of the same work removes.
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      pending = new Map();
    },
  };
}

async function removeSuperseded(queue: Queue, done: Map<string, Completion>): Promise<number> {
  if (done.size === 0 || (await queue.getFailedCount()) === 0) return 0;
  let removed = 0;
  for (const failed of await queue.getFailed(0, SUPERSEDED_SCAN_LIMIT - 1)) {
    const key = failed ? workKey(failed) : null;
    const by = key === null ? undefined : done.get(key);
    if (!failed || !by || by.ids.has(failed.id!)) continue;
    if ((failed.finishedOn ?? Infinity) > by.started) continue;
    await failed.remove();
    removed++;
  }
  return removed;
}
