import { Queue } from 'bullmq';
import type { QueueSettings } from './runtime.js';
import { QueueName } from './queues.js';
import { createRedis } from './redis.js';

export interface MonitoredQueues {
  queues: Queue[];
  close(): Promise<void>;
}

/**
 * One Queue handle for every member of QueueName, for the dashboard and the depth gauges: a queue
 * added to the enum is watched without an edit here. Read-mostly handles on one connection of their own.
 */
export function openMonitoredQueues(s: QueueSettings): MonitoredQueues {
  const connection = createRedis(s.redisUrl);
  const queues = Object.values(QueueName).map((name) => new Queue(name, { connection, prefix: s.prefix }));
  return {
    queues,
    async close() {
      await Promise.all(queues.map((q) => q.close()));
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
