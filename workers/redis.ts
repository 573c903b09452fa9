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
