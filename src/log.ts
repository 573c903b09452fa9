import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs go to stderr, so stdout stays clean for `--json` output that scripts parse.
 * Each stage adds its own bindings (feedId, articleId, jobId) with `log.child`.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'parallax' } }, pino.destination(2));
}
