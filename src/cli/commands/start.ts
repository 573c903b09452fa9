import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { FastifyInstance } from 'fastify';
import { createHttpServer } from '../../api/access.js';
import { registerMetrics, registerOperations } from '../../api/operations.js';
import { buildApi } from '../../api/server.js';
import { compareContext, comparisonReader } from '../../pipeline/compare-event.js';
import { collectProcessMetrics } from '../../observability/metrics.js';
import { loadWatchlists } from '../../pipeline/evaluate-alerts.js';
import { describeTarget } from '../../store/index.js';
import { createRedis, logErrorsThrottled, warnUnlessNoEviction } from '../../../workers/redis.js';
import { assignmentHealthCheck } from '../../../workers/assign-deadline.js';
import { openMonitoredQueues } from '../../../workers/monitored-queues.js';
import { openQueues, startWorkers } from '../../../workers/runtime.js';
import { keepScheduling } from '../../../workers/scheduling-keeper.js';
import { scheduleDigests, scheduleRecovery, syncFeedSchedulers } from '../../../workers/schedules.js';
import type { FeedConfig } from '../../config/feeds-config.js';
import { httpAccessFor, httpClientFor, loadFeeds, loadVocabularyFor, loggerFor, openStoreWhenReachableFor, settingsFor, warnMissingSecrets, type CommonOptions } from '../bootstrap.js';
import { onShutdown } from '../shutdown.js';

export interface StartOptions extends CommonOptions {
  /** Validated by the command line (0-65535) before anything starts. */
  port?: number;
  /** Watchlists file (PARALLAX_WATCHLISTS): this process evaluates alerts; SIGHUP reloads it. */
  watchlists?: string;
  /** `worker`: no scheduler, no API, no config: capacity only. */
  workersOnly?: boolean;
  /** `worker` only: serve this process's /metrics on this port (its counters are its own). */
  metricsPort?: number;
}

/** `parallax start` (scheduler + workers + API) and `parallax worker` (workers only). */
export async function startCommand(opts: StartOptions): Promise<void> {
  const settings = settingsFor(opts, { creates: true });
  if (opts.port !== undefined) settings.port = opts.port;
  // Before any side effect: no HTTP surface on a reachable address without a token.
  const access = opts.workersOnly && opts.metricsPort === undefined ? null : httpAccessFor(settings, opts.workersOnly ? 'metrics' : 'api');
  const log = loggerFor(settings);
  const feeds = opts.workersOnly ? [] : loadFeeds(settings);
  const vocabulary = loadVocabularyFor(settings);
  const compare = compareContext(vocabulary);
  const watchlistsFile = opts.watchlists ?? settings.watchlistsFile;
  let watchlists = watchlistsFile ? loadWatchlists(watchlistsFile, vocabulary) : null;
  if (watchlists) warnMissingSecrets(watchlists, log);
  const reloadWatchlists = () => {
    if (!watchlistsFile) return;
    try {
      watchlists = loadWatchlists(watchlistsFile, vocabulary);
      warnMissingSecrets(watchlists, log);
      log.info({ rules: watchlists.rules.length }, `watchlists reloaded from ${watchlistsFile}: ${watchlists.rules.length} rules`);
    } catch (err) {
      log.error(`watchlists not reloaded, previous rules kept: ${(err as Error).message}`);
    }
  };

  const store = await openStoreWhenReachableFor(settings, log);
  const http = httpClientFor(settings);
  const probe: Redis = createRedis(settings.redisUrl);
  logErrorsThrottled(probe, log, { redis: 'health probe' });
  await probe.ping().catch((err: Error) => {
    throw new Error(`cannot reach Redis at ${settings.redisUrl}: ${err.message}`);
  });
  await warnUnlessNoEviction(probe, log);

  const queueSettings = { redisUrl: settings.redisUrl, prefix: settings.queuePrefix };
  const queues = openQueues(queueSettings);
  for (const q of Object.values(queues)) if (q instanceof Queue) logErrorsThrottled(q, log, { queue: q.name });
  let applied: FeedConfig[] = [];
  const reload = async (reason: string) => {
    const current = loadFeeds(settings);
    const synced = await store.feeds.sync(current);
    const schedulers = await syncFeedSchedulers(queues.feeds, current);
    applied = current;
    log.info({ reason, ...synced, schedulersRemoved: schedulers.removed }, `feeds in step with ${settings.configFile}: ${current.length} active`);
  };
  if (!opts.workersOnly) {
    await reload('start');
    await scheduleRecovery(queues.feeds);
    await scheduleDigests(queues.deliveries);
  }
  const scheduling = opts.workersOnly ? null : keepScheduling({ queues, feeds: () => applied, everyMs: settings.schedulerCheckMs, log });

  const workers = await startWorkers({ store, http, log, vocabulary, compare }, queues, {
    ...queueSettings,
    feedConcurrency: settings.feedConcurrency,
    articleConcurrency: settings.articleConcurrency,
    lockMs: settings.jobLockMs,
    hostGapMs: settings.hostGapMs,
    eventSettleMs: settings.eventSettleMs,
    eventSnapshotEvery: settings.eventSnapshotEvery,
    compareDelayMs: settings.compareDelayMs,
    delivery: settings.delivery,
    ...(watchlists ? { watchlists: () => watchlists!, publicUrl: settings.publicUrl } : {}),
  });
  process.on('SIGHUP', reloadWatchlists);

  let api: FastifyInstance | null = null;
  const monitored = opts.workersOnly ? null : openMonitoredQueues(queueSettings);
  // Their errors are the same outage the queues above already log.
  for (const q of monitored?.queues ?? []) q.on('error', () => {});
  if (monitored && scheduling) {
    api = buildApi({
      access: access!,
      store,
      comparison: comparisonReader(store, compare),
      watchlists: () => watchlists?.rules.map((r) => r.rule.name) ?? [],
      checks: [
        { name: 'database', check: async () => void (await store.feeds.list({ activeOnly: true })) },
        { name: 'redis', check: async () => void (await probe.ping()) },
        { name: 'events', check: assignmentHealthCheck(store) },
        { name: 'schedulers', check: () => scheduling.check() },
      ],
    });
    registerOperations(api, monitored.queues);
    const address = await api.listen({ port: settings.port, host: settings.host });
    log.info({ address, database: describeTarget(store.database.target), feeds: feeds.length }, `Parallax running: ${address}`);
    // Machine-readable for tests and scripts that start Parallax on port 0.
    process.stdout.write(`listening ${address}\n`);
    process.on('SIGHUP', () => {
      reload('SIGHUP').catch((err: Error) => log.error(`config not reloaded, previous feeds kept: ${err.message}`));
    });
  } else {
    if (opts.metricsPort !== undefined) {
      api = createHttpServer(access!);
      collectProcessMetrics();
      registerMetrics(api);
      const address = await api.listen({ port: opts.metricsPort, host: settings.host });
      log.info({ address }, `worker metrics at ${address}/metrics`);
      process.stdout.write(`metrics ${address}\n`);
    }
    log.info({ database: describeTarget(store.database.target) }, 'Parallax worker running');
    process.stdout.write('worker ready\n');
  }

  onShutdown(log, async () => {
    scheduling?.stop();
    await api?.close();
    await workers.close(7_000);
    await queues.close();
    await monitored?.close();
    await probe.quit().catch(() => {});
    await store.close();
  });
}
