import type { DefaultJobOptions, Queue } from 'bullmq';
import { JobName, type JobData } from '../src/pipeline/jobs.js';

/**
 * The queues the jobs run on (workers/jobs.ts says which job runs where). Feeds and articles have
 * separate queues so that a burst of thousands of new articles never delays the next poll of a feed.
 */
export enum QueueName {
  Feeds = 'feeds',
  Articles = 'articles',
  /** Event assignment: one job at a time across all processes (global concurrency 1). */
  Events = 'events',
  /** Comparison of an event's accounts, after the event changed. */
  Compare = 'compare',
  /** Alert evaluation: every watchlist rule against an event, after its comparison is stored. */
  Alerts = 'alerts',
  /** Alerts sent on their channels: one job per (alert, channel) or digest, retried with back-off. */
  Deliveries = 'deliveries',
}

/** A queue typed by the jobs' names and payloads. */
export type JobQueue = Queue<JobData[JobName], unknown, JobName>;

/** One handle per queue, keyed by its name. */
export type JobQueues = { [Q in `${QueueName}`]: JobQueue };

/** The job id of an article's fetch: derived from its canonical URL, so it can be enqueued only once. */
export const fetchArticleJobId = (articleId: string) => `article-${articleId}`;
/**
 * Every assign-event job takes the whole backlog, so one waiting job is enough: further adds while
 * one waits are dropped, and adds while one runs leave exactly one follow-up (BullMQ deduplication).
 */
export const ASSIGN_EVENTS_DEDUPLICATION = { id: 'assign-backlog', keepLastIfActive: true } as const;
/** A wake-up assign-event job (workers/assign-deadline.ts): one per check slot, never deduplicated. */
export const assignWakeJobId = (slot: number) => `assign-wake-${slot}`;
/**
 * One compare job per event at a time, and a debounce: an add while it waits pushes it back to a
 * full delay from now (BullMQ `reschedule`), so an event fed by a burst, one assignment batch after
 * another, is compared once the burst leaves it alone; adds while it runs leave exactly one follow-up.
 * Pushing back stops in the last `delayMs` of every COMPARE_MAX_WAIT_MS + `delayMs` of wall clock
 * (the same slots in every process), so an event fed without pause still waits at most that long.
 */
export const compareDeduplication = (eventId: string, now: number, delayMs: number) =>
  ({ id: `compare-${eventId}`, keepLastIfActive: true, reschedule: now % (COMPARE_MAX_WAIT_MS + delayMs) < COMPARE_MAX_WAIT_MS }) as const;
/** How long a compare job waits after its event changed, on top of the event settle delay (see JobSettings). */
export const COMPARE_DELAY_MS = 2_000;
/** The longest a compare job keeps being pushed back by new articles of its event before it runs anyway. */
export const COMPARE_MAX_WAIT_MS = 60_000;
/** One alert evaluation per event at a time, as for comparisons (evaluation is idempotent anyway). */
export const alertsDeduplication = (eventId: string) => ({ id: `alerts-${eventId}`, keepLastIfActive: true }) as const;
export const feedSchedulerId = (feedId: string) => `feed-${feedId}`;
/** Schedulers are named for the job they add. */
export const RECOVERY_SCHEDULER_ID: string = JobName.RecoverPending;
/** The sweep queued when scheduling had to be re-created: one at a time, however many reconnections. */
export const RECOVERY_AFTER_LOSS_DEDUPLICATION = { id: 'recover-after-loss' } as const;
/** Online clustering decides one article at a time, whichever process takes the job (see src/pipeline/assign-event.ts). */
export const EVENTS_GLOBAL_CONCURRENCY = 1;
/**
 * The delivery id is the job id: a delivery is enqueued once however often its alert is raised
 * again, retried or re-enqueued by the digest job's sweep (ids start "dl-" or "dg-").
 */
export const deliverJobId = (deliveryId: string) => deliveryId;
export const DIGEST_SCHEDULER_ID: string = JobName.SendDigests;

/** Retries with exponential back-off; bounded retention so Redis does not grow with history. */
export const defaultJobOptions: DefaultJobOptions = {
  attempts: 4,
  backoff: { type: 'exponential', delay: 5_000 },
  // Kept for a day so that a re-poll within that time cannot re-add a finished article job (the
  // store's unique URL is the real guard; this only saves work), and at most this many.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};
