import type { DefaultJobOptions } from 'bullmq';

/**
 * Every background job Parallax runs, and the queue it runs on: "what runs in the background" is
 * this one file. Feeds and articles have separate queues so that a burst of thousands of new
 * articles never delays the next poll of a feed.
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

export enum JobName {
  PollFeed = 'poll-feed',
  FetchArticle = 'fetch-article',
  /** Re-enqueues pending articles whose job was lost (Redis flushed, crash between store and enqueue). */
  RecoverPending = 'recover-pending',
  AssignEvent = 'assign-event',
  CompareEvent = 'compare-event',
  EvaluateAlerts = 'evaluate-alerts',
  /** Sends one delivery (an alert on one channel, or a digest); its job id is the delivery id. */
  DeliverAlert = 'deliver-alert',
  /** Hourly: gathers digest rules' alerts of the period just ended, and re-enqueues lost deliveries. */
  SendDigests = 'send-digests',
}

export interface PollFeedData {
  feedId: string;
}

export interface FetchArticleData {
  articleId: string;
  url: string;
}

export interface AssignEventData {
  articleId: string;
}

export interface CompareEventData {
  eventId: string;
}

export interface EvaluateAlertsData {
  eventId: string;
}

export interface RecoverPendingData {
  /** Articles younger than this are left to their normal path; 0 right after Redis lost its data (their jobs are gone). */
  graceMs?: number;
}

export interface DeliverAlertData {
  deliveryId: string;
}

export type SendDigestsData = Record<string, never>;

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
 * One compare job per event at a time: adds while it waits are dropped (a burst of articles is
 * compared once, after COMPARE_DELAY_MS), and adds while it runs leave exactly one follow-up.
 */
export const compareDeduplication = (eventId: string) => ({ id: `compare-${eventId}`, keepLastIfActive: true }) as const;
/** How long a compare job waits after its event changed, so that the next few articles join it. */
export const COMPARE_DELAY_MS = 2_000;
/** One alert evaluation per event at a time, as for comparisons (evaluation is idempotent anyway). */
export const alertsDeduplication = (eventId: string) => ({ id: `alerts-${eventId}`, keepLastIfActive: true }) as const;
export const feedSchedulerId = (feedId: string) => `feed-${feedId}`;
export const RECOVERY_SCHEDULER_ID = 'recover-pending';
/** The sweep queued when scheduling had to be re-created: one at a time, however many reconnections. */
export const RECOVERY_AFTER_LOSS_DEDUPLICATION = { id: 'recover-after-loss' } as const;
/** Online clustering decides one article at a time, whichever process takes the job (see src/pipeline/assign-event.ts). */
export const EVENTS_GLOBAL_CONCURRENCY = 1;
/**
 * The delivery id is the job id: a delivery is enqueued once however often its alert is raised
 * again, retried or re-enqueued by the digest job's sweep (ids start "dl-" or "dg-").
 */
export const deliverJobId = (deliveryId: string) => deliveryId;
export const DIGEST_SCHEDULER_ID = 'send-digests';

/** Retries with exponential back-off; bounded retention so Redis does not grow with history. */
export const defaultJobOptions: DefaultJobOptions = {
  attempts: 4,
  backoff: { type: 'exponential', delay: 5_000 },
  // Kept for a day so that a re-poll within that time cannot re-add a finished article job (the
  // store's unique URL is the real guard; this only saves work), and at most this many.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};
