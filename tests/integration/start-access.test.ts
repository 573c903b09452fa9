import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli-process.js';
import { freshPostgres } from '../helpers/databases.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';

/**
 * `parallax start` and `worker --metrics-port` on an address other machines can reach: refused
 * without a token, before anything happens (no data directory, no Redis key); served with one,
 * where the token, the Host allow-list and the open /healthz hold on a real socket.
 */
const TOKEN = 'start-access-test-token-0123456789';

async function keysUnder(prefix: string): Promise<number> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    return (await redis.keys(`${prefix}:*`)).length;
  } finally {
    redis.disconnect();
  }
}

/** A request with the Host header we choose (fetch will not let one set it). */
function get(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serving on a non-loopback address', { timeout: 180_000 }, () => {
  let dir: string;
  let prefix: string;
  let env: NodeJS.ProcessEnv;
  let db: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    // The processes that do start use PostgreSQL: a new embedded database costs a minute on a busy machine.
    db = await freshPostgres();
    dir = mkdtempSync(join(tmpdir(), 'px-access-'));
    prefix = testPrefix();
    writeFileSync(join(dir, 'feeds.yaml'), 'feeds:\n  - { id: nowhere, url: "http://127.0.0.1:9/feed.xml", outlet: Nowhere, country: ML, language: fr, interval: 1h }\n');
    env = { REDIS_URL: TEST_REDIS_URL, PARALLAX_QUEUE_PREFIX: prefix, PARALLAX_PORT: '0', PARALLAX_HOST: '0.0.0.0', PARALLAX_API_TOKEN: '', PARALLAX_METRICS_TOKEN: '' };
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropPrefix(prefix);
    await db?.drop();
  });

  test('start without PARALLAX_API_TOKEN: a one-line error, exit 2, and nothing done', async () => {
    const data = join(dir, 'data-refused');
    const r = await runCli(['start', '--config', join(dir, 'feeds.yaml'), '--data', data, '--init'], env, 30_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('parallax: refusing to listen on 0.0.0.0 (not loopback) without PARALLAX_API_TOKEN: set it, or PARALLAX_HOST=127.0.0.1\n');
    expect(r.stdout).toBe('');
    expect(existsSync(data)).toBe(false);
    expect(await keysUnder(prefix)).toBe(0);
  });

  test('a worker serving /metrics there without a token is refused the same way; PARALLAX_METRICS_TOKEN is enough', async () => {
    const data = join(dir, 'data-worker');
    const r = await runCli(['worker', '--data', data, '--init', '--metrics-port', '0'], env, 30_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^parallax: refusing to listen on 0\.0\.0\.0 \(not loopback\) without PARALLAX_METRICS_TOKEN or PARALLAX_API_TOKEN: .*\n$/);
    expect(existsSync(data)).toBe(false);

    const worker = spawnCli(['worker', '--metrics-port', '0'], { ...env, DATABASE_URL: db.url, PARALLAX_METRICS_TOKEN: 'metrics-token-0123456789' });
    try {
      const port = (await worker.waitFor(/metrics http:\/\/\S+:(\d+)/, 60_000))[1]!;
      expect(await get(`http://127.0.0.1:${port}/metrics`)).toBe(401);
      expect(await get(`http://127.0.0.1:${port}/metrics`, { authorization: 'Bearer metrics-token-0123456789' })).toBe(200);
    } finally {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
  });

  test('start with the token: served, the token asked, the Host checked, /healthz open', async () => {
    const proc = spawnCli(['start', '--config', join(dir, 'feeds.yaml')], { ...env, DATABASE_URL: db.url, PARALLAX_API_TOKEN: TOKEN });
    try {
      const port = (await proc.waitFor(/listening http:\/\/\S+:(\d+)/, 60_000))[1]!;
      const base = `http://127.0.0.1:${port}`;
      expect(await get(`${base}/api/feeds`)).toBe(401);
      expect(await get(`${base}/queues/api/queues`)).toBe(401);
      expect(await get(`${base}/api/feeds`, { authorization: `Bearer ${TOKEN}` })).toBe(200);
      expect(await get(`${base}/queues/api/queues`, { authorization: `Bearer ${TOKEN}` })).toBe(200);
      expect(await get(`${base}/healthz`)).toBe(200);
      // DNS rebinding: a page of rebind.example that now resolves to this machine.
      expect(await get(`${base}/api/feeds`, { host: `rebind.example:${port}`, authorization: `Bearer ${TOKEN}` })).toBe(421);
    } finally {
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
  });
});
