import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Vocabulary } from '../src/cluster/index.js';
import { EventAssigner } from '../src/pipeline/assign-event.js';
import type { PipelineDeps } from '../src/pipeline/deps.js';
import type { CompareContext } from '../src/compare/index.js';
import { DEFAULT_DELIVERY_SETTINGS, type DeliverySettings } from '../src/config/settings.js';
import type { JobName } from '../src/pipeline/jobs.js';
import type { LoadedWatchlists } from '../src/pipeline/evaluate-alerts.js';
import { startAssignDeadline, type AssignDeadlineOptions } from './assign-deadline.js';
import type { WorkerContext } from './context.js';
import { instrumented, jobLogBindings } from './instrument.js';
import { handlersByQueue, JOBS, type JobTable } from './jobs.js';
import { COMPARE_DELAY_MS, defaultJobOptions, EVENTS_GLOBAL_CONCURRENCY, QueueName, type JobQueue, type JobQueues } from './queues.js';
import { createRedis, logErrorsThrottled } from './redis.js';
import { supersededFailuresRemover } from './superseded-failures.js';

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
  /** Event decisions between two snapshots of the clusterer's state (PARALLAX_EVENT_SNAPSHOT_EVERY); the default when left out. */
  eventSnapshotEvery?: number;
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

/** One typed handle per queue, on one Redis connection. */
export interface Queues extends JobQueues {
  /** The queues' one Redis connection: its reconnections are when Redis may have lost its data. */
  connection: Redis;
  close(): Promise<void>;
}

export function openQueues(s: QueueSettings): Queues {
  const connection = createRedis(s.redisUrl);
  // Deliveries' retries are set per job (the job table's options), from the delivery settings.
  const open = (name: QueueName): JobQueue => new Queue(name, { connection, prefix: s.prefix, defaultJobOptions });
  const queues = Object.fromEntries(Object.values(QueueName).map((name) => [name, open(name)])) as JobQueues;
  return {
    ...queues,
    connection,
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
      await connection.quit().catch(() => {});
    },
  };
}

export interface RunningWorkers {
  workers: Worker[];
  /** Stops taking jobs, lets in-flight ones finish for up to `graceMs`, then closes connections. */
  close(graceMs?: number): Promise<void>;
}

/** How many jobs each queue's worker runs at once. */
function concurrencyOf(queue: QueueName, s: WorkerSettings, delivery: DeliverySettings): number {
  switch (queue) {
    case QueueName.Feeds:
      return s.feedConcurrency;
    case QueueName.Articles:
      return s.articleConcurrency;
    case QueueName.Deliveries:
      return delivery.concurrency;
    // Events: one at a time across processes. Compare: CPU work in this thread, more than one
    // would only interleave. Alerts: one event's rules at a time.
    default:
      return 1;
  }
}

/**
 * Starts one BullMQ worker per queue, built from the job table: it routes each job by name to its
 * processor, which calls pipeline stages. Refuses to start when a job of the table has no handler.
 */
export async function startWorkers(deps: PipelineDeps & { vocabulary: Vocabulary; compare: CompareContext }, queues: Queues, s: WorkerSettings, table: JobTable = JOBS): Promise<RunningWorkers> {
  const delivery = s.delivery ?? DEFAULT_DELIVERY_SETTINGS;
  const ctx: WorkerContext = {
    ...deps,
    queues,
    assigner: new EventAssigner(deps.store, deps.vocabulary, deps.log, s.eventSnapshotEvery ? { snapshotEvery: s.eventSnapshotEvery } : {}),
    hostGapMs: s.hostGapMs,
    eventSettleMs: s.eventSettleMs,
    compareDelayMs: s.compareDelayMs ?? COMPARE_DELAY_MS,
    delivery,
    ...(s.watchlists ? { alerts: { watchlists: s.watchlists, publicUrl: s.publicUrl ?? null } } : {}),
  };
  const handlers = handlersByQueue(table, ctx);
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

  const workers: Worker[] = [];
  for (const [queue, byName] of handlers) {
    // Only a process with the watchlists takes evaluation jobs: one without them would drop alerts.
    if (queue === QueueName.Alerts && !ctx.alerts) continue;
    // Every processor goes through instrumented(): its log lines carry the job's ids, its duration is measured.
    const route = instrumented(queue, async (job: Job) => {
      const handler = byName.get(job.name as JobName);
      if (!handler) throw new Error(`unknown job "${job.name}" on queue ${queue}`);
      return handler(job);
    });
    workers.push(new Worker(queue, route, common(concurrencyOf(queue, s, delivery))));
  }
  const queueOf = (name: string) => queues[name as QueueName];
  const removers: { close(): void }[] = [];
  for (const w of workers) {
    w.on('failed', (job, err) =>
      deps.log.error({ ...(job ? jobLogBindings(w.name, job) : { queue: w.name }), attempt: job?.attemptsMade, err: err.message }, 'job failed'),
    );
    // Work that failed and later succeeded leaves no failed job behind on the dashboard.
    const remover = supersededFailuresRemover(queueOf(w.name), {
      removed: (removed) => deps.log.info({ queue: w.name, removed }, 'failed jobs of work since done removed'),
      error: (err) => deps.log.warn({ queue: w.name, err: err.message }, 'failed jobs of work since done not removed'),
    });
    removers.push(remover);
    w.on('completed', (job) => remover.completed(job));
    logErrorsThrottled(w, deps.log, { worker: w.name });
  }

  const deadline = startAssignDeadline({ store: deps.store, target: ctx, log: deps.log }, s.assignDeadline);

  return {
    workers,
    async close(graceMs = 8_000) {
      deadline.stop();
      for (const r of removers) r.close();
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
      } else {
        // No job runs: the state is the log's, saved so that the next start replays nothing.
        await ctx.assigner.checkpoint().catch((err: Error) => deps.log.warn({ err: err.message }, 'event state checkpoint not saved'));
      }
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
