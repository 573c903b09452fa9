import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, spawnCli, type LongRunning } from '../helpers/cli-process.js';
import { freshPostgres } from '../helpers/databases.js';
import { parseMetrics } from '../helpers/prometheus.js';
import { answering, randomRedisPort, redisServer } from '../helpers/redis-server.js';

/** Clients connected to the throwaway Redis, this probe's own connection not counted. */
async function connectedClients(port: number): Promise<number> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true });
  try {
    await client.connect();
    return ((await client.client('LIST')) as string).trim().split('\n').length - 1;
  } finally {
    client.disconnect();
  }
}

const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(15_000) });

describe('parallax start while its Redis goes away and comes back', () => {
  const port = randomRedisPort();
  let redis: ChildProcess;
  let db: { url: string; drop(): Promise<void> };
  let start: LongRunning;
  let address: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    redis = redisServer(port);
    await answering(port);
    db = await freshPostgres();
    const config = join(mkdtempSync(join(tmpdir(), 'px-redis-down-')), 'feeds.yaml');
    // A feed nobody answers: polling it is a feed error, not ours.
    writeFileSync(config, 'feeds:\n  - { id: a, url: "http://127.0.0.1:9/feed.xml", outlet: "A", country: ML, language: fr, interval: 1h }\n');
    env = { DATABASE_URL: db.url, REDIS_URL: `redis://127.0.0.1:${port}`, PARALLAX_PORT: '0', LOG_LEVEL: 'info' };
    start = spawnCli(['start', '--config', config], env);
    address = (await start.waitFor(/listening (http:\/\/\S+)/, 30_000))[1]!;
  }, 60_000);

  afterAll(async () => {
    start?.child.kill('SIGKILL');
    redis?.kill();
    await db?.drop();
  });

  test('a worker started with --metrics-port serves its own /metrics', async () => {
    const worker = spawnCli(['worker', '--metrics-port', '0'], env);
    try {
      const [, metricsAddress] = await worker.waitFor(/metrics (http:\/\/\S+)/, 30_000);
      const res = await get(`${metricsAddress}/metrics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('# TYPE parallax_job_duration_seconds histogram');
      expect(text).toContain('# TYPE parallax_feed_polls_total counter');
      const samples = parseMetrics(text);
      expect(samples.some((s) => s.name === 'process_cpu_user_seconds_total')).toBe(true);
      // Queue depths are the API process's to report: the same numbers from every worker would only confuse sums.
      expect(samples.some((s) => s.name === 'parallax_queue_jobs')).toBe(false);
    } finally {
      worker.child.kill('SIGTERM');
      expect((await worker.exited).code).toBe(0);
    }
  }, 60_000);

  test('/healthz answers 503 naming Redis while it is down, /metrics still answers, and all recovers when it is back', async () => {
    const up = await get(`${address}/healthz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok', events: 'ok', schedulers: 'ok' } });
    expect(parseMetrics(await (await get(`${address}/metrics`)).text()).some((s) => s.name === 'parallax_queue_jobs')).toBe(true);

    const clientsBefore = await connectedClients(port);
    redis.kill();
    await new Promise((r) => redis.once('exit', r));
    const down = await get(`${address}/healthz`);
    expect(down.status).toBe(503);
    const body = (await down.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('unavailable');
    expect(body.checks.database).toBe('ok');
    expect(body.checks.redis).toMatch(/^error: /);
    // Scrapes still work, without the queue depths that only Redis knows.
    const metrics = await get(`${address}/metrics`);
    expect(metrics.status).toBe(200);
    const samples = parseMetrics(await metrics.text());
    expect(samples.some((s) => s.name === 'parallax_queue_jobs')).toBe(false);
    expect(samples.some((s) => s.name === 'process_cpu_user_seconds_total')).toBe(true);

    redis = redisServer(port);
    await answering(port);
    await eventually(async () => (await get(`${address}/healthz`)).status === 200, 30_000, '/healthz 200 after Redis is back');
    // /healthz uses one connection; each worker reconnects on its own back-off (ioredis: up to 2 s).
    // A worker still reconnecting cannot close (BullMQ #4656) and would hold SIGTERM to the hard
    // deadline: wait until every connection is back, as an operator's restart would follow recovery.
    await eventually(async () => (await connectedClients(port)) >= clientsBefore, 15_000, 'every connection back');

    start.child.kill('SIGTERM');
    expect((await start.exited).code).toBe(0);
    // Reconnection attempts, several a second, were logged as a few structured lines, not dumped to the console.
    const lines = start.stderr().split('\n').filter((l) => l !== '');
    const unstructured = lines.filter((l) => !l.startsWith('{'));
    expect(unstructured).toEqual([]);
    const redisErrors = lines.filter((l) => l.includes('ECONNREFUSED'));
    expect(redisErrors.length).toBeGreaterThan(0);
    expect(redisErrors.length).toBeLessThanOrEqual(60);
  }, 90_000);
});
