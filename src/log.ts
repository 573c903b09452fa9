import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';
import { REDACTED, redactSecrets } from './redact.js';

export type { Logger };

export type LogBindings = Record<string, string | number>;

/**
 * Fields every log line gets while a unit of work (a queue job) runs, whichever logger writes it:
 * the pipeline's child loggers, the event assigner's logger made at start-up, the HTTP client's.
 * Passing a child logger down would miss the ones created before the job started.
 */
const context = new AsyncLocalStorage<LogBindings>();

/** Runs `fn` with `bindings` added to every log line written within it, across awaits. */
export function withLogContext<T>(bindings: LogBindings, fn: () => T): T {
  return context.run({ ...context.getStore(), ...bindings }, fn);
}

/**
 * Log lines are written to stderr off the event loop: a synchronous write per line cost a system
 * call on the job path (a line per article). Lines written while one write is on its way go out
 * together; pino flushes what is left synchronously when the process exits.
 */
const STDERR = { dest: 2, sync: false, minLength: 0 } as const;

/**
 * Structured logs go to stderr, so stdout stays clean for `--json` output that scripts parse.
 * Each stage adds its own bindings (feedId, articleId) with `log.child`; jobs add theirs
 * (queue, job, jobId and the ids in the job's data) with `withLogContext`.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination: pino.DestinationStream = pino.destination(STDERR)): Logger {
  return pino(
    {
      level,
      base: { app: 'parallax' },
      // A child logger's own binding of the same key wins: it is not written twice.
      mixin: (_obj, _level, logger) => omitBound(context.getStore(), logger.bindings()),
      redact: { paths: SECRET_FIELDS, censor: REDACTED },
    },
    redacting(destination),
  );
}

/** Fields that hold a secret whatever their value, at the top level or one object down. */
const SECRET_FIELDS = ['authorization', 'cookie', 'password', 'pass', 'token', 'secret', 'apiToken', 'metricsToken'].flatMap((k) => [k, `*.${k}`]);

/**
 * Every line is scrubbed as written (known secrets and secret shapes, src/redact.ts), so that a
 * secret inside a message or an error's text is caught too, not only in the fields named above.
 */
function redacting(destination: pino.DestinationStream): pino.DestinationStream {
  const flushable = destination as pino.DestinationStream & { flush?: (cb?: (err?: Error) => void) => void; flushSync?: () => void };
  return {
    write: (line: string) => destination.write(redactSecrets(line)),
    ...(flushable.flush ? { flush: (cb?: (err?: Error) => void) => flushable.flush!(cb) } : {}),
    ...(flushable.flushSync ? { flushSync: () => flushable.flushSync!() } : {}),
  } as pino.DestinationStream;
}

function omitBound(ctx: LogBindings | undefined, bound: Record<string, unknown>): LogBindings {
  if (!ctx) return {};
  const out: LogBindings = {};
  for (const [k, v] of Object.entries(ctx)) if (!(k in bound)) out[k] = v;
  return out;
}
