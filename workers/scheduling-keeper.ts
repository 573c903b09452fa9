import type { FeedConfig } from '../src/config/feeds-config.js';
import type { Logger } from '../src/log.js';
import { JobName } from '../src/pipeline/jobs.js';
import { addJobs, RECOVERY_AFTER_LOSS_OPTIONS } from './jobs.js';
import type { Queues } from './runtime.js';
import { missingScheduling, restoreScheduling } from './schedules.js';

export interface SchedulingKeeperOptions {
  queues: Queues;
  /** The feeds as last applied from the config (start, SIGHUP). */
  feeds: () => FeedConfig[];
  /** How often to look for missing schedulers besides each reconnection (PARALLAX_SCHEDULER_CHECK_MS). */
  everyMs: number;
  log: Logger;
}

export interface SchedulingKeeper {
  /** For /healthz: throws naming what is missing from Redis. */
  check(): Promise<void>;
  stop(): void;
}

/**
 * Feed schedulers, the recovery and digest schedulers and the events queue's global concurrency
 * live only in Redis. The process that owns scheduling puts back whatever is missing after each
 * reconnection (Redis may have restarted empty) and every `everyMs` (it may have been emptied
 * without a disconnection); when anything was missing, the jobs went with it, so a recovery sweep
 * re-enqueues the store's pending work at once.
 */
export function keepScheduling(opts: SchedulingKeeperOptions): SchedulingKeeper {
  const { queues, log } = opts;
  let running: Promise<void> | null = null;
  let disconnected = false;

  const restore = (reason: string) => {
    running ??= (async () => {
      try {
        const restored = await restoreScheduling(queues, opts.feeds());
        if (restored.length === 0) return;
        await addJobs(queues, JobName.RecoverPending, [{ data: { graceMs: 0 } }], RECOVERY_AFTER_LOSS_OPTIONS);
        log.warn({ reason, restored }, `Redis had lost ${restored.length} schedulers and settings; re-created them and queued a recovery sweep`);
      } catch (err) {
        log.error({ reason, err: (err as Error).message }, `schedulers not checked: ${(err as Error).message}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const onClose = () => void (disconnected = true);
  const onReady = () => {
    if (!disconnected) return;
    disconnected = false;
    void restore('reconnected');
  };
  queues.connection.on('close', onClose);
  queues.connection.on('ready', onReady);
  const timer = setInterval(() => void restore('periodic check'), opts.everyMs);
  timer.unref();

  return {
    async check() {
      const missing = await missingScheduling(queues, opts.feeds());
      if (missing.length > 0) throw new Error(`missing in Redis: ${missing.join(', ')}`);
    },
    stop() {
      clearInterval(timer);
      queues.connection.off('close', onClose);
      queues.connection.off('ready', onReady);
    },
  };
}
