import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Vocabulary } from '../src/cluster/index.js';
import { EventAssigner } from '../src/pipeline/assign-event.js';
import type { PipelineDeps } from '../src/pipeline/deps.js';
import type { CompareContext } from '../src/compare/index.js';
import { DEFAULT_DELIVERY_SETTINGS, type DeliverySettings } from '../src/config/settings.js';
import type { DeliveryDeps } from '../src/pipeline/deliver.js';
import type { LoadedWatchlists } from '../src/pipeline/evaluate-alerts.js';
import { startAssignDeadline, type AssignDeadlineOptions } from './assign-deadline.js';
import { evaluateAlertsProcessor } from './evaluate-alerts.processor.js';
import { assignEventProcessor } from './assign-event.processor.js';
import { compareEventProcessor } from './compare-event.processor.js';
import type { WorkerContext } from './context.js';
import { deliverAlertProcessor } from './deliver-alert.processor.js';
import { fetchArticleProcessor } from './fetch-article.processor.js';
import { instrumented, jobLogBindings } from './instrument.js';
import { pollFeedProcessor } from './poll-feed.processor.js';
import { COMPARE_DELAY_MS, defaultJobOptions, EVENTS_GLOBAL_CONCURRENCY, JobName, QueueName, type RecoverPendingData } from './queues.js';
import { recoverPendingProcessor } from './recover-pending.processor.js';
import { createRedis, logErrorsThrottled } from './redis.js';
import { sendDigestsProcessor } from './send-digests.processor.js';
import { removeSupersededFailures } from './superseded-failures.js';

export interface QueueSettings {
  redisUrl: string;
  prefix: string;
}

export interface WorkerSettings extends QueueSettings {
  feedConcurrency: number;
  articleConcurrency: number;
  /** A job whose worker died is picked up again after about this long. */
  lockMs: number;
  /** Least time between two requests to one host (PARALLAX_HOST_GAP_MS). */
  hostGapMs: number;
  /** Delay before a stored article's event assignment (PARALLAX_EVENT_SETTLE_MS). */
  eventSettleMs: number;
  /** Delay of a compare job after its event changed (default COMPARE_DELAY_MS). */
  compareDelayMs?: number;
  /** Alert evaluation: the watchlists as last (re)loaded; without them no alerts are evaluated here. */
  watchlists?: () => LoadedWatchlists;
  /** PARALLAX_PUBLIC_URL, for alerts' links. */
  publicUrl?: string | null;
  /** Alert delivery: retries, back-off, time limits, concurrency (PARALLAX_DELIVERY_*); defaults when left out. */
  delivery?: DeliverySettings;
  /** Bounds on how long a stored article waits for its event (default DEFAULT_ASSIGN_DEADLINE). */
  assignDeadline?: AssignDeadlineOptions;
}

export interface Queues {
  feeds: Queue;
  articles: Queue;
  events: Queue;
  compare: Queue;
  alerts: Queue;
  deliveries: Queue;
  /** The queues' one Redis connection: its reconnections are when Redis may have lost its data. */
  connection: Redis;
  close(): Promise<void>;
}

export function openQueues(s: QueueSettings): Queues {
  const connection = createRedis(s.redisUrl);
  const feeds = new Queue(QueueName.Feeds, { connection, prefix: s.prefix, defaultJobOptions });
  const articles = new Queue(QueueName.Articles, { connection, prefix: s.prefix, defaultJobOptions });
  const events = new Queue(QueueName.Events, { connection, prefix: s.prefix, defaultJobOptions });
  const compare = new Queue(QueueName.Compare, { connection, prefix: s.prefix, defaultJobOptions });
  const alerts = new Queue(QueueName.Alerts, { connection, prefix: s.prefix, defaultJobOptions });
  // Deliveries' retries are set per job (workers/deliveries.ts), from the delivery settings.
  const deliveries = new Queue(QueueName.Deliveries, { connection, prefix: s.prefix, defaultJobOptions });
  return {
    feeds,
    articles,
    events,
    compare,
    alerts,
    deliveries,
    connection,
    async close() {
      await Promise.all([feeds.close(), articles.close(), events.close(), compare.close(), alerts.close(), deliveries.close()]);
      await connection.quit().catch(() => {});
    },
  };
}

export interface RunningWorkers {
  workers: Worker[];
  /** Stops taking jobs, lets in-flight ones finish for up to `graceMs`, then closes connections. */
  close(graceMs?: number): Promise<void>;
}

/** Starts the BullMQ workers: they only route jobs to processors, which call pipeline stages. */
export async function startWorkers(deps: PipelineDeps & { vocabulary: Vocabulary; compare: CompareContext }, queues: Queues, s: WorkerSettings): Promise<RunningWorkers> {
  const ctx: WorkerContext = {
    ...deps,
    articlesQueue: queues.articles,
    eventsQueue: queues.events,
    compareQueue: queues.compare,
    assigner: new EventAssigner(deps.store, deps.vocabulary, deps.log),
    hostGapMs: s.hostGapMs,
    eventSettleMs: s.eventSettleMs,
    compareDelayMs: s.compareDelayMs ?? COMPARE_DELAY_MS,
    ...(s.watchlists
      ? { alerts: { queue: queues.alerts, deliveriesQueue: queues.deliveries, delivery: s.delivery ?? DEFAULT_DELIVERY_SETTINGS, watchlists: s.watchlists, publicUrl: s.publicUrl ?? null } }
      : {}),
  };
  // BullMQ enforces it across all workers of the queue.
  await queues.events.setGlobalConcurrency(EVENTS_GLOBAL_CONCURRENCY);
  const connections: Redis[] = [];
  const common = (concurrency: number) => {
    const connection = createRedis(s.redisUrl);
    connections.push(connection);
    return {
      connection,
      prefix: s.prefix,
      concurrency,
      lockDuration: s.lockMs,
      stalledInterval: Math.max(1000, Math.floor(s.lockMs / 2)),
      // A job that stalls twice is more likely killing its worker than being killed: fail it.
      maxStalledCount: 2,
    };
  };

  const pollFeed = pollFeedProcessor(ctx);
  const recover = recoverPendingProcessor(ctx);
  // Every processor goes through instrumented(): its log lines carry the job's ids, its duration is measured.
  const feedsWorker = new Worker(
    QueueName.Feeds,
    instrumented(QueueName.Feeds, async (job: Job) => {
      switch (job.name as JobName) {
        case JobName.PollFeed:
          return pollFeed(job);
        case JobName.RecoverPending:
          return recover(job.data as RecoverPendingData);
        default:
          throw new Error(`unknown job "${job.name}" on queue ${QueueName.Feeds}`);
      }
    }),
    common(s.feedConcurrency),
  );
  const articlesWorker = new Worker(QueueName.Articles, instrumented(QueueName.Articles, fetchArticleProcessor(ctx)), common(s.articleConcurrency));
  const eventsWorker = new Worker(QueueName.Events, instrumented(QueueName.Events, assignEventProcessor(ctx)), common(1));
  // Comparing is CPU work in this thread: more than one at a time would only interleave them.
  const compareWorker = new Worker(QueueName.Compare, instrumented(QueueName.Compare, compareEventProcessor(ctx)), common(1));
  const delivery = s.delivery ?? DEFAULT_DELIVERY_SETTINGS;
  const deliveryDeps: DeliveryDeps = { store: deps.store, log: deps.log, settings: delivery, ...(deps.now ? { now: deps.now } : {}) };
  const deliver = deliverAlertProcessor(deliveryDeps);
  const sendDigests = sendDigestsProcessor(deliveryDeps, queues.deliveries);
  const deliveriesWorker = new Worker(
    QueueName.Deliveries,
    instrumented(QueueName.Deliveries, async (job: Job) => {
      switch (job.name as JobName) {
        case JobName.DeliverAlert:
          return deliver(job);
        case JobName.SendDigests:
          return sendDigests();
        default:
          throw new Error(`unknown job "${job.name}" on queue ${QueueName.Deliveries}`);
      }
    }),
    common(delivery.concurrency),
  );
  const workers: Worker[] = [feedsWorker, articlesWorker, eventsWorker, compareWorker, deliveriesWorker];
  // Only a process with the watchlists takes evaluation jobs: one without them would drop alerts.
  if (ctx.alerts) workers.push(new Worker(QueueName.Alerts, instrumented(QueueName.Alerts, evaluateAlertsProcessor(ctx, ctx.alerts)), common(1)));
  const queueOf = new Map<string, Queue>([queues.feeds, queues.articles, queues.events, queues.compare, queues.alerts, queues.deliveries].map((q) => [q.name, q]));
  for (const w of workers) {
    w.on('failed', (job, err) =>
      deps.log.error({ ...(job ? jobLogBindings(w.name, job) : { queue: w.name }), attempt: job?.attemptsMade, err: err.message }, 'job failed'),
    );
    // Work that failed and later succeeded leaves no failed job behind on the dashboard.
    w.on('completed', (job) => {
      removeSupersededFailures(queueOf.get(w.name)!, job)
        .then((removed) => removed > 0 && deps.log.info({ ...jobLogBindings(w.name, job), removed }, 'failed jobs of work since done removed'))
        .catch((err: Error) => deps.log.warn({ queue: w.name, err: err.message }, 'failed jobs of work since done not removed'));
    });
    logErrorsThrottled(w, deps.log, { worker: w.name });
  }

  const deadline = startAssignDeadline({ store: deps.store, eventsQueue: queues.events, log: deps.log }, s.assignDeadline);

  return {
    workers,
    async close(graceMs = 8_000) {
      deadline.stop();
      const graceful = Promise.all(workers.map((w) => w.close()));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        graceful.then(() => false),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(true), graceMs))),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        // Jobs still running keep their lock until it expires; another worker then takes them
        // over as stalled. Nothing is lost, only delayed by the lock duration.
        deps.log.warn('in-flight jobs did not finish in time; they will be retried after their lock expires');
        await Promise.all(workers.map((w) => w.close(true)));
      }
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
