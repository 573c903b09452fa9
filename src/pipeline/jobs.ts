/**
 * Every job Parallax runs, its payload, and the jobs each one leads to. Both drivers follow this
 * graph: the queue workers (workers/jobs.ts gives each job its queue, handler and options) and
 * run-once, which walks the same follow-ups in-process.
 */
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

/** The payload of each job. */
export interface JobData {
  [JobName.PollFeed]: PollFeedData;
  [JobName.FetchArticle]: FetchArticleData;
  [JobName.RecoverPending]: RecoverPendingData;
  [JobName.AssignEvent]: AssignEventData;
  [JobName.CompareEvent]: CompareEventData;
  [JobName.EvaluateAlerts]: EvaluateAlertsData;
  [JobName.DeliverAlert]: DeliverAlertData;
  [JobName.SendDigests]: SendDigestsData;
}

/**
 * The jobs each job may add when it is done: the article's path (poll, fetch, event, comparison,
 * alerts, delivery) and the sweeps that put lost work back on it.
 */
export const FOLLOW_UPS = {
  [JobName.PollFeed]: [JobName.FetchArticle],
  [JobName.FetchArticle]: [JobName.AssignEvent],
  [JobName.AssignEvent]: [JobName.CompareEvent],
  [JobName.CompareEvent]: [JobName.EvaluateAlerts],
  [JobName.EvaluateAlerts]: [JobName.DeliverAlert],
  [JobName.DeliverAlert]: [],
  [JobName.RecoverPending]: [JobName.FetchArticle, JobName.AssignEvent, JobName.CompareEvent, JobName.EvaluateAlerts],
  [JobName.SendDigests]: [JobName.DeliverAlert],
} as const satisfies { [N in JobName]: readonly JobName[] };

export type FollowUpOf<N extends JobName> = (typeof FOLLOW_UPS)[N][number];

/**
 * The jobs reached from `start` by following FOLLOW_UPS, each after every job that leads to it:
 * the order in which run-once does in phases what the workers do job by job.
 */
export function jobPath(start: JobName): JobName[] {
  const reached = new Set<JobName>();
  const visit = (n: JobName) => {
    if (reached.has(n)) return;
    reached.add(n);
    FOLLOW_UPS[n].forEach(visit);
  };
  visit(start);
  const order: JobName[] = [];
  const placed = new Set<JobName>();
  const placing = new Set<JobName>();
  const place = (n: JobName) => {
    if (placed.has(n)) return;
    if (placing.has(n)) throw new Error(`the follow-ups of ${n} lead back to it: no order to run them in`);
    placing.add(n);
    for (const m of reached) if ((FOLLOW_UPS[m] as readonly JobName[]).includes(n)) place(m);
    placed.add(n);
    order.push(n);
  };
  for (const n of reached) place(n);
  return order;
}
