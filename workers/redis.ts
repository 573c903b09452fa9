import { Redis } from 'ioredis';
import type { Logger } from '../src/log.js';

/** BullMQ needs `maxRetriesPerRequest: null` on connections that block (workers). */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

/**
 * With any eviction policy other than noeviction, Redis may silently drop queue keys under memory
 * pressure, and with them jobs. BullMQ's docs require noeviction; we warn rather than refuse, since
 * a managed Redis may not let the operator change it.
 */
export async function warnUnlessNoEviction(redis: Redis, log: Logger): Promise<string | null> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1] ?? null;
    if (policy && policy !== 'noeviction') {
      log.warn(
        { policy },
        `Redis maxmemory-policy is "${policy}", not "noeviction": under memory pressure Redis may evict queue keys and lose jobs. Set "maxmemory-policy noeviction".`,
      );
    }
    return policy;
  } catch {
    // CONFIG may be disabled on managed Redis; nothing to check then.
    return null;
  }
}

interface ErrorSource {
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/**
 * Logs a Redis client's, queue's or worker's errors, at most one line per `everyMs`: while Redis is
 * down each of them reports every reconnection attempt, several a second, and a queue with no
 * listener prints each one to the console. /healthz says Redis is down; the log need only say when.
 */
export function logErrorsThrottled(source: ErrorSource, log: Logger, fields: Record<string, string>, everyMs = 30_000): void {
  let last = -Infinity;
  let suppressed = 0;
  source.on('error', (err) => {
    const now = Date.now();
    if (now - last < everyMs) {
      suppressed++;
      return;
    }
    last = now;
    log.error({ ...fields, err: err.message, ...(suppressed > 0 ? { suppressed } : {}) }, `${Object.values(fields).join(' ')}: ${err.message}`);
    suppressed = 0;
  });
}
