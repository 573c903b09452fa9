import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';

/** A throwaway Redis of a test's own, without persistence, so that stopping it disturbs no other test. */
export function redisServer(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

/**
 * Resolves once the Redis on `port` answers, within about five seconds. The ping waits as long as
 * the reconnections do: by default ioredis fails a command after 20 of them (2 s here), and a
 * redis-server starting on a loaded machine can take longer than that.
 */
export async function answering(port: number): Promise<void> {
  const client = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: null, retryStrategy: (n) => (n > 50 ? null : 100) });
  client.on('error', () => {});
  try {
    await client.ping();
  } finally {
    client.disconnect();
  }
}

/** A port for a throwaway Redis, away from the usual ones. */
export const randomRedisPort = () => 20_000 + Math.floor(Math.random() * 20_000);
