import type { Logger } from '../log.js';
import type { DatabaseTarget } from './database.js';
import { openStore, type Store } from './index.js';

/** Socket failures that say "the server is not there (yet)", as opposed to a wrong setting. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/**
 * PostgreSQL's SQLSTATEs of a server going away or not yet taking connections: connection
 * exceptions (class 08), admin or crash shutdown, "the database system is starting up", too many
 * connections. A wrong password or database name is not among them: waiting would not help.
 */
const UNREACHABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/**
 * pg's own words for a socket that closed or a connection attempt that timed out, and the server's
 * for a database its operator closed to connections for a while (ALLOW_CONNECTIONS false, SQLSTATE
 * 55000, a class too broad to wait on whole).
 */
const UNREACHABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|is not currently accepting connections/i;

/** Whether `err` (or one it wraps) is a lost or refused database connection, which waiting may cure. */
export function isConnectionError(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown } | undefined; e; e = e.cause as typeof e) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNREACHABLE_CODES.has(code) || UNREACHABLE_SQLSTATES.has(code) || code.startsWith('08')) return true;
    if (typeof e.message === 'string' && UNREACHABLE_MESSAGE.test(e.message)) return true;
    // Node reports a refused dual-stack connect as an AggregateError of one error per address.
    if (Array.isArray(e.errors) && e.errors.some(isConnectionError)) return true;
  }
  return false;
}

export interface RetryBackoff {
  /** Wait after the first failed attempt; it doubles after each further one. */
  firstMs: number;
  /** The longest wait between two attempts. */
  maxMs: number;
}

/** How `start` and `worker` wait for a database that cannot be reached when they start. */
export const DATABASE_RETRY_BACKOFF: RetryBackoff = { firstMs: 500, maxMs: 10_000 };

/**
 * Opens the store, waiting with back-off while the database cannot be reached (it is restarting,
 * failing over, or starts after us): a long-running process should outlast that, not exit. Any
 * other error (a wrong password, a failed migration) is thrown at once.
 */
export async function openStoreWhenReachable(
  target: DatabaseTarget,
  opts: { log: Logger; poolSize?: number; backoff?: RetryBackoff },
): Promise<Store> {
  const backoff = opts.backoff ?? DATABASE_RETRY_BACKOFF;
  const onConnectionLost = (err: Error) => opts.log.warn({ err: err.message }, `PostgreSQL connection lost: ${err.message}`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await openStore(target, { poolSize: opts.poolSize, onConnectionLost });
    } catch (err) {
      if (!isConnectionError(err)) throw err;
      const waitMs = Math.min(backoff.maxMs, backoff.firstMs * 2 ** (attempt - 1));
      opts.log.warn(
        { attempt, retryInMs: waitMs, err: (err as Error).message },
        `database unreachable: ${(err as Error).message}; retrying in ${waitMs} ms`,
      );
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}
