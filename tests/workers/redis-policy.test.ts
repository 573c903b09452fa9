import { spawn, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { warnUnlessNoEviction } from '../../workers/redis.js';
import { TEST_REDIS_URL } from '../helpers/redis-prefix.js';

/** A logger whose lines the test can read. */
function capturingLogger() {
  const lines: { msg: string; policy?: string }[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  return { log: pino({ level: 'info' }, stream), lines };
}

describe('start-up check of Redis maxmemory-policy', () => {
  // A second, throwaway Redis with an evicting policy: the shared one must keep noeviction.
  let server: ChildProcess;
  let evicting: Redis;
  beforeAll(async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru'], { stdio: 'ignore' });
    evicting = new Redis({ port, host: '127.0.0.1', retryStrategy: (n) => (n > 50 ? null : 100) });
    // The first attempts may come before the server listens; the retry strategy covers them.
    evicting.on('error', () => {});
    await evicting.ping();
  });
  afterAll(async () => {
    evicting?.disconnect();
    server?.kill();
  });

  test('warns, naming the policy and what to set, when Redis may evict queue keys', async () => {
    const { log, lines } = capturingLogger();
    expect(await warnUnlessNoEviction(evicting, log)).toBe('allkeys-lru');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.msg).toMatch(/"allkeys-lru".*noeviction/);
  });

  test('says nothing when the policy is noeviction', async () => {
    const shared = new Redis(TEST_REDIS_URL);
    const { log, lines } = capturingLogger();
    try {
      expect(await warnUnlessNoEviction(shared, log)).toBe('noeviction');
      expect(lines).toEqual([]);
    } finally {
      shared.disconnect();
    }
  });
});
