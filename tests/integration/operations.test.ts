import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { QueueName } from '../../workers/queues.js';
import { eventually, spawnCli, type LongRunning } from '../helpers/cli-process.js';
import { freshPostgres } from '../helpers/databases.js';
import { fixtureFeedsYaml, startFixtureSite, type FixtureSite } from '../helpers/fixture-site.js';
import { parseMetrics, sample, sum, type Sample } from '../helpers/prometheus.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';

/**
 * A second, misbehaving outlet: its feed lists one story whose page is gone (404: the feed's own
 * content is kept), and its other feed does not exist (a feed error).
 */
async function brokenOutlet(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const base = `http://${req.headers.host}`;
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Broken</title><link>${base}/</link><description>x</description>` +
          `<item><title>Une dépêche disparue</title><link>${base}/news/gone.html</link><guid>gone</guid><pubDate>${new Date(Date.UTC(2025, 7, 1)).toUTCString()}</pubDate>` +
          `<description>Résumé de la dépêche disparue, gardé tel quel.</description></item></channel></rss>`,
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.150', () => r()));
  return { server, base: `http://127.0.0.150:${(server.address() as AddressInfo).port}` };
}

interface JsonLine {
  msg: string;
  [k: string]: unknown;
}

describe('the operations view of parallax start: /metrics, /queues, job logs', () => {
  let site: FixtureSite;
  let broken: { server: Server; base: string };
  let db: { url: string; drop(): Promise<void> };
  let prefix: string;
  let proc: LongRunning;
  let address: string;
  let metrics: Sample[];

  beforeAll(async () => {
    site = await startFixtureSite({ outlets: 3, articlesPerOutlet: 4, firstHost: 140 });
    broken = await brokenOutlet();
    db = await freshPostgres();
    prefix = testPrefix();
    const dir = mkdtempSync(join(tmpdir(), 'px-ops-'));
    const config = join(dir, 'feeds.yaml');
    writeFileSync(
      config,
      fixtureFeedsYaml(site, '1h') +
        `  - { id: broken, url: "${broken.base}/feed.xml", outlet: "Broken", country: ML, language: fr, interval: 1h }\n` +
        `  - { id: missing, url: "${broken.base}/missing.xml", outlet: "Missing", country: ML, language: fr, interval: 1h }\n`,
    );
    proc = spawnCli(['start', '--config', config], {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      PARALLAX_QUEUE_PREFIX: prefix,
      PARALLAX_PORT: '0',
      PARALLAX_EVENT_SETTLE_MS: '300',
      LOG_LEVEL: 'info',
    });
    address = (await proc.waitFor(/listening (http:\/\/\S+)/, 30_000))[1]!;

    // Every article stored and put into an event, and every assign-event job finished.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await eventually(
        async () => {
          const { rows } = await client.query<{ stored: string; assigned: string }>(
            `select count(*) filter (where status <> 'pending') as stored, count(event_id) as assigned from articles`,
          );
          if (Number(rows[0]!.stored) !== 13 || Number(rows[0]!.assigned) !== 13) return false;
          metrics = parseMetrics(await (await fetch(`${address}/metrics`)).text());
          const pending = sample(metrics, 'parallax_queue_jobs', { queue: QueueName.Events, state: 'delayed' }) +
            sample(metrics, 'parallax_queue_jobs', { queue: QueueName.Events, state: 'waiting' }) +
            sample(metrics, 'parallax_queue_jobs', { queue: QueueName.Events, state: 'active' });
          return pending === 0;
        },
        60_000,
        '13 stored articles in events, events queue drained',
      );
    } finally {
      await client.end();
    }
  }, 120_000);

  afterAll(async () => {
    if (proc) {
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
    await site?.close();
    await new Promise((r) => broken?.server.close(r));
    if (prefix) await dropPrefix(prefix);
    await db?.drop();
  });

  test('/metrics counts polls, fetches, feed errors, articles and events as the store recorded them', async () => {
    expect(metrics.length).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const count = async (q: string) => Number((await client.query<{ n: string }>(q)).rows[0]!.n);
    try {
      const polls = await count('select count(*) as n from polls');
      // Polls: one per feed at least (5 feeds), each one recorded in the store.
      expect(sum(metrics, 'parallax_feed_polls_total')).toBeGreaterThanOrEqual(5);
      expect(sum(metrics, 'parallax_feed_polls_total') - sum(metrics, 'parallax_feed_polls_total', { outcome: 'skipped' })).toBe(polls);
      expect(sample(metrics, 'parallax_feed_polls_total', { outcome: 'error' })).toBeGreaterThanOrEqual(1);
      expect(sample(metrics, 'parallax_feed_errors_total', { kind: 'http-status' })).toBe(sample(metrics, 'parallax_feed_polls_total', { outcome: 'error' }));

      // Articles: 12 pages extracted, one gone (feed content kept); each discovered once.
      expect(sample(metrics, 'parallax_articles_discovered_total')).toBe(await count('select count(*) as n from articles'));
      expect(sample(metrics, 'parallax_articles_stored_total', { status: 'extracted' })).toBe(await count(`select count(*) as n from articles where status = 'extracted'`));
      expect(sample(metrics, 'parallax_articles_stored_total', { status: 'extracted' })).toBe(12);
      expect(sample(metrics, 'parallax_articles_stored_total', { status: 'feed-content' })).toBe(1);

      // Events: every created event is a row, merged ones included.
      const events = await count('select count(*) as n from events');
      expect(events).toBeGreaterThan(0);
      expect(sample(metrics, 'parallax_events_created_total')).toBe(events);
      expect(sample(metrics, 'parallax_articles_assigned_total')).toBe(13);
    } finally {
      await client.end();
    }

    // Fetches: status classes and latency.
    expect(sample(metrics, 'parallax_fetch_responses_total', { target: 'article', status_class: '2xx' })).toBe(12);
    expect(sample(metrics, 'parallax_fetch_responses_total', { target: 'article', status_class: '4xx' })).toBe(1);
    expect(sample(metrics, 'parallax_fetch_responses_total', { target: 'feed', status_class: '2xx' })).toBeGreaterThanOrEqual(4);
    expect(sample(metrics, 'parallax_fetch_responses_total', { target: 'feed', status_class: '4xx' })).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, 'parallax_fetch_errors_total', { target: 'article', kind: 'http-status' })).toBe(1);
    expect(sample(metrics, 'parallax_fetch_duration_seconds_count', { target: 'article' })).toBe(13);
    const feedFetches = sample(metrics, 'parallax_fetch_duration_seconds_count', { target: 'feed' });
    expect(feedFetches).toBe(sum(metrics, 'parallax_fetch_responses_total', { target: 'feed' }));
    expect(sample(metrics, 'parallax_fetch_duration_seconds_sum', { target: 'feed' })).toBeGreaterThan(0);
    expect(sample(metrics, 'parallax_fetch_duration_seconds_bucket', { target: 'feed', le: '+Inf' })).toBe(feedFetches);

    // Jobs: one duration per job run, by queue and name.
    expect(sample(metrics, 'parallax_job_duration_seconds_count', { queue: 'articles', job: 'fetch-article', outcome: 'completed' })).toBe(13);
    expect(sample(metrics, 'parallax_job_duration_seconds_count', { queue: 'feeds', job: 'poll-feed', outcome: 'completed' })).toBeGreaterThanOrEqual(5);
    expect(sample(metrics, 'parallax_job_duration_seconds_count', { queue: 'events', job: 'assign-event', outcome: 'completed' })).toBeGreaterThanOrEqual(1);

    // Queue depths: every queue of the enum, every state; 13 finished article jobs are kept.
    for (const queue of Object.values(QueueName)) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) {
        expect(metrics.some((m) => m.name === 'parallax_queue_jobs' && m.labels.queue === queue && m.labels.state === state), `${queue} ${state}`).toBe(true);
      }
    }
    expect(sample(metrics, 'parallax_queue_jobs', { queue: 'articles', state: 'completed' })).toBe(13);
    expect(sample(metrics, 'parallax_queue_jobs', { queue: 'articles', state: 'failed' })).toBe(0);

    // Node's own series, and the alert counters the deliver job increments.
    expect(sample(metrics, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(metrics.some((m) => m.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
    const text = await (await fetch(`${address}/metrics`)).text();
    expect(text).toContain('# TYPE parallax_alerts_sent_total counter');
    expect(text).toContain('# TYPE parallax_alerts_failed_total counter');
  });

  test('/queues serves the dashboard, listing every queue', async () => {
    const page = await fetch(`${address}/queues`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('Parallax queues');
    const api = await fetch(`${address}/queues/api/queues`);
    expect(api.status).toBe(200);
    const { queues } = (await api.json()) as { queues: { name: string }[] };
    expect(queues.map((q) => q.name).sort()).toEqual(Object.values(QueueName).sort());
  });

  test("every log line of a job carries the job's queue, id and the ids it concerns", () => {
    const lines = proc
      .stderr()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as JsonLine);
    const polled = lines.filter((l) => l.msg === 'feed polled');
    expect(polled.length).toBeGreaterThanOrEqual(4);
    for (const l of polled) {
      expect(l).toMatchObject({ queue: 'feeds', job: 'poll-feed', jobId: expect.any(String), feedId: expect.any(String) });
    }
    const feedError = lines.find((l) => l.feedId === 'missing' && l.kind === 'http-status');
    expect(feedError).toMatchObject({ queue: 'feeds', job: 'poll-feed', jobId: expect.any(String), level: 40 });

    const extracted = lines.filter((l) => l.msg === 'article extracted');
    expect(extracted).toHaveLength(12);
    for (const l of extracted) {
      expect(l).toMatchObject({ queue: 'articles', job: 'fetch-article', jobId: `article-${l.articleId}`, feedId: expect.stringMatching(/^outlet-/) });
    }
    const kept = lines.find((l) => l.msg.startsWith('article page not fetched'));
    expect(kept).toMatchObject({ queue: 'articles', job: 'fetch-article', feedId: 'broken', jobId: `article-${kept?.articleId}` });

    const assigned = lines.filter((l) => l.msg === 'articles assigned to events');
    expect(assigned.length).toBeGreaterThanOrEqual(1);
    for (const l of assigned) expect(l).toMatchObject({ queue: 'events', job: 'assign-event', jobId: expect.any(String), articleId: expect.any(String) });
    // A child logger's own binding is not written a second time by the job's context.
    expect(proc.stderr().split('\n').filter((l) => l.includes('"msg":"feed polled"')).every((l) => l.split('"feedId"').length === 2)).toBe(true);
  });
});
