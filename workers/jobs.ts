import type { Job, JobsOptions } from 'bullmq';
import type { DeliverySettings } from '../src/config/settings.js';
import { FOLLOW_UPS, JobName, type FollowUpOf, type JobData } from '../src/pipeline/jobs.js';
import { assignEventProcessor } from './assign-event.processor.js';
import { compareEventProcessor } from './compare-event.processor.js';
import type { WorkerContext } from './context.js';
import { deliverAlertProcessor } from './deliver-alert.processor.js';
import { deliveryJobOptions } from './deliveries.js';
import { evaluateAlertsProcessor } from './evaluate-alerts.processor.js';
import { fetchArticleProcessor } from './fetch-article.processor.js';
import { pollFeedProcessor } from './poll-feed.processor.js';
import {
  alertsDeduplication, ASSIGN_EVENTS_DEDUPLICATION, assignWakeJobId, compareDeduplication, deliverJobId, fetchArticleJobId,
  QueueName, RECOVERY_AFTER_LOSS_DEDUPLICATION, type JobQueues,
} from './queues.js';
import { recoverPendingProcessor } from './recover-pending.processor.js';
import { sendDigestsProcessor } from './send-digests.processor.js';

/** What a job's options are computed from besides its payload. */
export interface JobSettings {
  /** Delay before a stored article's event assignment (PARALLAX_EVENT_SETTLE_MS). */
  eventSettleMs: number;
  /**
   * Delay of a compare job after its event changed, beyond eventSettleMs: the next assignment
   * batch comes at least eventSettleMs after the last, so the wait outlasts it and an event that
   * batch touches again is compared after it (workers/queues.ts, compareDeduplication).
   */
  compareDelayMs: number;
  /** Deliveries' retries and back-off (PARALLAX_DELIVERY_*). */
  delivery: DeliverySettings;
}

export interface JobSpec<N extends JobName> {
  queue: QueueName;
  /** Builds the job's processor from the worker context; a job without one stops the runtime from starting. */
  handler: ((ctx: WorkerContext) => (job: Job<JobData[N]>) => Promise<unknown>) | undefined;
  /** The options of one add: job id, delay, deduplication. */
  options: (data: JobData[N], s: JobSettings) => JobsOptions;
  /** The jobs it adds when done (src/pipeline/jobs.ts: run-once follows the same). */
  followUps: readonly JobName[];
}

export type JobTable = { [N in JobName]: JobSpec<N> };

/**
 * Every job the workers run: its queue, processor, options and follow-ups. The runtime builds its
 * queues' workers from this table, and every add goes through it (addJobs), so a job's id,
 * delay and deduplication are written here once. Handlers are wrapped in arrow functions so
 * that a processor module may import addJobs from this one.
 */
export const JOBS: JobTable = {
  [JobName.PollFeed]: {
    queue: QueueName.Feeds,
    handler: (ctx) => pollFeedProcessor(ctx),
    // Added by the feed's Job Scheduler (workers/schedules.ts); any other add is a one-off poll.
    options: () => ({}),
    followUps: FOLLOW_UPS[JobName.PollFeed],
  },
  [JobName.RecoverPending]: {
    queue: QueueName.Feeds,
    handler: (ctx) => {
      const recover = recoverPendingProcessor(ctx);
      return (job) => recover(job.data);
    },
    options: () => ({}),
    followUps: FOLLOW_UPS[JobName.RecoverPending],
  },
  [JobName.FetchArticle]: {
    queue: QueueName.Articles,
    handler: (ctx) => fetchArticleProcessor(ctx),
    options: (d) => ({ jobId: fetchArticleJobId(d.articleId) }),
    followUps: FOLLOW_UPS[JobName.FetchArticle],
  },
  [JobName.AssignEvent]: {
    queue: QueueName.Events,
    handler: (ctx) => assignEventProcessor(ctx),
    options: (_d, s) => ({ delay: s.eventSettleMs, deduplication: ASSIGN_EVENTS_DEDUPLICATION }),
    followUps: FOLLOW_UPS[JobName.AssignEvent],
  },
  [JobName.CompareEvent]: {
    queue: QueueName.Compare,
    handler: (ctx) => compareEventProcessor(ctx),
    options: (d, s) => {
      const delay = s.eventSettleMs + s.compareDelayMs;
      return { delay, deduplication: compareDeduplication(d.eventId, Date.now(), delay) };
    },
    followUps: FOLLOW_UPS[JobName.CompareEvent],
  },
  [JobName.EvaluateAlerts]: {
    queue: QueueName.Alerts,
    handler: (ctx) => evaluateAlertsProcessor(ctx),
    options: (d) => ({ deduplication: alertsDeduplication(d.eventId) }),
    followUps: FOLLOW_UPS[JobName.EvaluateAlerts],
  },
  [JobName.DeliverAlert]: {
    queue: QueueName.Deliveries,
    handler: (ctx) => deliverAlertProcessor(ctx),
    options: (d, s) => ({ ...deliveryJobOptions(s.delivery), jobId: deliverJobId(d.deliveryId) }),
    followUps: FOLLOW_UPS[JobName.DeliverAlert],
  },
  [JobName.SendDigests]: {
    queue: QueueName.Deliveries,
    handler: (ctx) => sendDigestsProcessor(ctx),
    // Added by the digest Job Scheduler (workers/schedules.ts).
    options: () => ({}),
    followUps: FOLLOW_UPS[JobName.SendDigests],
  },
};

/**
 * An assign-event job outside the deduplicated path (workers/assign-deadline.ts): a deduplicated
 * job that never runs cannot swallow it. Its id is the time slot, so processes adding together add one.
 */
export const assignWakeOptions = (slot: number): OptionsVariant => ({ variant: { jobId: assignWakeJobId(slot) } });
/** The sweep queued when scheduling had to be re-created: one at a time, however many reconnections. */
export const RECOVERY_AFTER_LOSS_OPTIONS: OptionsVariant = { variant: { deduplication: RECOVERY_AFTER_LOSS_DEDUPLICATION } };

/** The processor of every job, by queue; throws naming each job without a handler. */
export function handlersByQueue(table: JobTable, ctx: WorkerContext): Map<QueueName, Map<JobName, (job: Job) => Promise<unknown>>> {
  const missing = Object.values(JobName).filter((name) => typeof table[name]?.handler !== 'function');
  if (missing.length > 0) throw new Error(`jobs without a handler: ${missing.join(', ')}; add them to the job table (workers/jobs.ts)`);
  const byQueue = new Map<QueueName, Map<JobName, (job: Job) => Promise<unknown>>>();
  for (const name of Object.values(JobName)) {
    const spec = table[name] as JobSpec<JobName>;
    const handlers = byQueue.get(spec.queue) ?? new Map<JobName, (job: Job) => Promise<unknown>>();
    handlers.set(name, spec.handler!(ctx) as (job: Job) => Promise<unknown>);
    byQueue.set(spec.queue, handlers);
  }
  return byQueue;
}

export interface JobRequest<N extends JobName> {
  data: JobData[N];
  /** Replaces the table's delay for this add (host spread, a recovery's immediate comparison). */
  delayMs?: number;
}

/** A named option variant (see above) in place of the table's options. */
export interface OptionsVariant {
  variant: JobsOptions;
}

/**
 * Adds jobs of one name with the table's options, computed from each payload and `how`'s settings,
 * or with a named variant's; returns how many were asked for.
 */
export async function addJobs<N extends JobName>(queues: JobQueues, name: N, requests: readonly JobRequest<N>[], how: JobSettings | OptionsVariant): Promise<number> {
  if (requests.length === 0) return 0;
  const spec = JOBS[name] as JobSpec<N>;
  const opts = (r: JobRequest<N>): JobsOptions => {
    if ('variant' in how) return how.variant;
    const base = spec.options(r.data, how);
    if (r.delayMs === undefined) return base;
    const { delay: _tableDelay, ...rest } = base;
    return r.delayMs > 0 ? { ...rest, delay: r.delayMs } : rest;
  };
  await queues[spec.queue].addBulk(requests.map((r) => ({ name, data: r.data, opts: opts(r) })));
  return requests.length;
}

/** A job's follow-ups, added as addJobs does; the compiler refuses one FOLLOW_UPS does not list. */
export function addFollowUps<F extends JobName, T extends FollowUpOf<F> & JobName>(queues: JobQueues, _from: F, to: T, requests: readonly JobRequest<T>[], s: JobSettings): Promise<number> {
  return addJobs(queues, to, requests, s);
}

/** The job id the table gives a payload, for looking its job up. */
export function jobIdOf<N extends JobName>(name: N, data: JobData[N], s: JobSettings): string | undefined {
  return (JOBS[name] as JobSpec<N>).options(data, s).jobId;
}

/** What a Job Scheduler adds each time (workers/schedules.ts): the job's name and a payload of its type. */
export function scheduledJob<N extends JobName>(name: N, data: JobData[N]): { name: N; data: JobData[N] } {
  return { name, data };
}
