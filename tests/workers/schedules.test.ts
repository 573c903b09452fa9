import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FeedConfig } from '../../src/config/feeds-config.js';
import { loadVocabulary } from '../../src/cluster/index.js';
import { DEFAULT_DELIVERY_SETTINGS } from '../../src/config/settings.js';
import { HttpClient } from '../../src/fetch/index.js';
import { EventAssigner } from '../../src/pipeline/assign-event.js';
import { compareContext } from '../../src/pipeline/compare-event.js';
import { openStore, type Store } from '../../src/store/index.js';
import { QueueName, fetchArticleJobId, type JobQueue } from '../../workers/queues.js';
import { openQueues, type Queues } from '../../workers/runtime.js';
import { JobName, type FetchArticleData } from '../../src/pipeline/jobs.js';
import { recoverPendingProcessor } from '../../workers/recover-pending.processor.js';
import { missingScheduling, restoreScheduling, scheduleRecovery, syncFeedSchedulers } from '../../workers/schedules.js';
import { eventually } from '../helpers/cli-process.js';
import { migratedPgliteMemory } from '../helpers/migrated-pglite.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';

const feed = (id: string, intervalMs: number): FeedConfig => ({
  id, url: `http://127.0.0.1:9/${id}.xml`, outlet: id, country: 'ML', language: 'fr', intervalMs, tags: [], robots: true,
});

describe('feed schedulers follow the config (real Redis)', () => {
  const prefix = testPrefix();
  let connection: Redis;
  let queue: Queue;
  beforeAll(() => {
    connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue(QueueName.Feeds, { connection, prefix });
  });
  afterAll(async () => {
    await queue.close();
    connection.disconnect();
    await dropPrefix(prefix);
  });

  const schedulers = async () =>
    Object.fromEntries((await queue.getJobSchedulers(0, -1)).map((s) => [s.id ?? s.key, Number(s.every)]));

  test('added, changed and removed feeds are reflected; the recovery schedule is left alone', async () => {
    await scheduleRecovery(queue, 300_000);
    await syncFeedSchedulers(queue, [feed('a', 60_000), feed('b', 900_000), feed('c', 900_000)]);
    expect(await schedulers()).toEqual({ 'feed-a': 60_000, 'feed-b': 900_000, 'feed-c': 900_000, 'recover-pending': 300_000 });

    const r = await syncFeedSchedulers(queue, [feed('a', 120_000), feed('c', 900_000), feed('d', 30_000)]);
    expect(r.removed).toEqual(['b']);
    expect(await schedulers()).toEqual({ 'feed-a': 120_000, 'feed-c': 900_000, 'feed-d': 30_000, 'recover-pending': 300_000 });
    // Each scheduler has its next poll-feed job queued, carrying its feed's id. (A removed feed's
    // job already waiting stays; poll-feed skips it, since the store marks that feed inactive.)
    const next = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(next.filter((j) => j.name === JobName.PollFeed).map((j) => j.data.feedId)).toEqual(expect.arrayContaining(['a', 'c', 'd']));
  });
});

describe('scheduling lost from Redis is found and re-created (real Redis)', () => {
  const prefix = testPrefix();
  let connection: Redis;
  let queues: { feeds: Queue; events: Queue; deliveries: Queue };
  beforeAll(() => {
    connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    queues = {
      feeds: new Queue(QueueName.Feeds, { connection, prefix }),
      events: new Queue(QueueName.Events, { connection, prefix }),
      deliveries: new Queue(QueueName.Deliveries, { connection, prefix }),
    };
  });
  afterAll(async () => {
    await Promise.all(Object.values(queues).map((q) => q.close()));
    connection.disconnect();
    await dropPrefix(prefix);
  });

  test('only what is missing is re-created; a scheduler still there keeps its next run', async () => {
    const feeds = [feed('a', 3_600_000), feed('b', 3_600_000)];
    expect(await missingScheduling(queues, feeds)).toEqual(['feed-a', 'feed-b', 'recover-pending', 'send-digests', 'events-global-concurrency']);
    await syncFeedSchedulers(queues.feeds, [feeds[0]!]);
    const nextOfA = (await queues.feeds.getJobScheduler('feed-a'))!.next;
    await new Promise((r) => setTimeout(r, 20));

    expect(await restoreScheduling(queues, feeds)).toEqual(['feed-b', 'recover-pending', 'send-digests', 'events-global-concurrency']);
    expect(await missingScheduling(queues, feeds)).toEqual([]);
    expect((await queues.feeds.getJobScheduler('feed-a'))!.next).toBe(nextOfA);
    expect(await queues.events.getGlobalConcurrency()).toBe(1);
    expect(await restoreScheduling(queues, feeds)).toEqual([]);
  });
});

describe('recover-pending: the store, not Redis, is the record of work', () => {
  const prefix = testPrefix();
  let queues: Queues;
  let articles: JobQueue;
  let store: Store;
  beforeAll(async () => {
    queues = openQueues({ redisUrl: TEST_REDIS_URL, prefix });
    articles = queues.articles;
    store = await openStore(await migratedPgliteMemory());
  });
  afterAll(async () => {
    await queues.close();
    await store.close();
    await dropPrefix(prefix);
  });

  test('a pending article whose job was lost gets one again, once', async () => {
    await store.feeds.sync([feed('a', 60_000)]);
    const item = (n: number) => ({
      url: `http://127.0.0.1:9/news/${n}.html`, guid: `g${n}`, title: `T${n}`, published: null, updated: null,
      summary: null, contentHtml: null, author: null, categories: [], image: null,
    });
    const stored = await store.articles.insertDiscovered({ id: 'a', outlet: 'a', country: 'ML', language: 'fr' }, [item(1), item(2)], new Date(Date.now() - 10 * 60_000));
    // Article 1 still has its job; article 2's job was lost (Redis flushed, crash before enqueue).
    await articles.add(JobName.FetchArticle, { articleId: stored[0]!.id, url: stored[0]!.url }, { jobId: fetchArticleJobId(stored[0]!.id) });
    const http = new HttpClient();
    const silent = pino({ level: 'silent' });
    const vocabulary = loadVocabulary();
    const recover = recoverPendingProcessor({
      store, http, log: silent, queues, hostGapMs: 0, eventSettleMs: 0, delivery: DEFAULT_DELIVERY_SETTINGS,
      assigner: new EventAssigner(store, vocabulary, silent), compare: compareContext(vocabulary), compareDelayMs: 0,
    });

    expect(await recover()).toEqual({ pending: 2, enqueued: 1, retried: 0, eventBacklog: false, comparisons: 0, alerts: 0 });
    expect(((await articles.getJob(fetchArticleJobId(stored[1]!.id))) as Job<FetchArticleData> | undefined)?.data.articleId).toBe(stored[1]!.id);
    expect(await recover()).toEqual({ pending: 2, enqueued: 0, retried: 0, eventBacklog: false, comparisons: 0, alerts: 0 });
    expect(await articles.count()).toBe(2);

    // A job that completed while its article stayed pending (the write was lost) is replaced.
    const workerConnection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const worker = new Worker(QueueName.Articles, async () => 'done without storing', { connection: workerConnection, prefix });
    await eventually(async () => (await articles.getCompletedCount()) === 2, 10_000, 'both jobs completed');
    await worker.close();
    workerConnection.disconnect();
    expect(await recover()).toEqual({ pending: 2, enqueued: 2, retried: 0, eventBacklog: false, comparisons: 0, alerts: 0 });
    expect(await articles.getWaitingCount()).toBe(2);

    // Just stored: left to its normal path, unless Redis lost its data (the sweep then has no grace).
    const [fresh] = await store.articles.insertDiscovered({ id: 'a', outlet: 'a', country: 'ML', language: 'fr' }, [item(3)]);
    expect(await recover()).toMatchObject({ pending: 2, enqueued: 0 });
    expect(await recover({ graceMs: 0 })).toMatchObject({ pending: 3, enqueued: 1 });
    expect(((await articles.getJob(fetchArticleJobId(fresh!.id))) as Job<FetchArticleData> | undefined)?.data.articleId).toBe(fresh!.id);
    await http.close();
  });
});
