import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/** A TCP port nobody listens on right now, for a server the test starts itself. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * A redis-server of the test's own, on a free port, without persistence: killing it loses every
 * key, as a Redis restarted without its data does. The shared Redis is never touched.
 */
export interface ThrowawayRedis {
  url: string;
  port: number;
  /** SIGKILL: the server and all its data are gone. */
  kill(): Promise<void>;
  /** A new, empty server on the same port (after `kill`). */
  restart(): Promise<void>;
  /** Kills it (if running) and removes its folder. Safe to call more than once. */
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;

async function answers(port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    client.on('error', () => {});
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`throwaway redis-server on port ${port} did not answer within ${START_TIMEOUT_MS} ms: ${(err as Error).message}`);
    } finally {
      client.disconnect();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'px-redis-'));
  let server: ChildProcess | null = null;
  const launch = async () => {
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', '--dir', dir],
      { stdio: 'ignore' },
    );
    await answers(port);
  };
  const kill = async () => {
    const s = server;
    server = null;
    if (!s || s.exitCode !== null || s.signalCode !== null) return;
    const exited = once(s, 'exit');
    s.kill('SIGKILL');
    await exited;
  };
  // Even if the test runner itself dies, no redis-server outlives it.
  const onExit = () => void (server as ChildProcess | null)?.kill('SIGKILL');
  process.on('exit', onExit);
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: launch,
    async close() {
      await kill();
      process.off('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
