import type { Logger } from '../log.js';

/** Whole-process deadline: orchestrators (systemd, Kubernetes) SIGKILL after about 10 s. */
const HARD_LIMIT_MS = 9_500;

/**
 * Graceful shutdown on SIGTERM/SIGINT: run `stop` once (stop taking work, let in-flight work finish,
 * close connections), and exit within the limit whatever happens. A second signal exits at once.
 */
export function onShutdown(log: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, HARD_LIMIT_MS);
    timer.unref();
    stop().then(
      () => {
        log.info('stopped cleanly');
        process.exit(0);
      },
      (err: Error) => {
        log.error({ err: err.message }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
