import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Job } from 'bullmq';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FeedConfig } from '../../src/config/feeds-config.js';
import { HttpClient } from '../../src/fetch/index.js';
import { articleId, openStore, type Store } from '../../src/store/index.js';
import type { WorkerContext } from '../../workers/context.js';
import { pollFeedProcessor } from '../../workers/poll-feed.processor.js';
import { fetchArticleJobId } from '../../workers/queues.js';
import { type PollFeedData } from '../../src/pipeline/jobs.js';
import { openQueues, type Queues } from '../../workers/runtime.js';
import { migratedPgliteMemory } from '../helpers/migrated-pglite.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';

/**
 * A poll whose attempt stored its new articles and then lost the database before enqueueing their
 * fetches: to the retry they are not new. The retry gives every pending article of the feed a job,
 * so they are fetched now rather than when the recovery sweep's grace has passed.
 */
describe('a retried poll', { timeout: 60_000 }, () => {
  const prefix = testPrefix();
  let server: Server;
  let base = '';
  let store: Store;
  let queues: Queues;
  const http = new HttpClient({ perHostGapMs: 0 });

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        `<rss version="2.0"><channel><title>Feed</title><item><title>A</title><link>${base}/a.html</link></item><item><title>B</title><link>${base}/b.html</link></item></channel></rss>`,
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = await openStore(await migratedPgliteMemory());
    const feed: FeedConfig = { id: 'f', url: `${base}/feed.xml`, outlet: 'F', country: 'ML', language: 'fr', intervalMs: 60_000, tags: [], robots: false };
    await store.feeds.sync([feed]);
    queues = openQueues({ redisUrl: TEST_REDIS_URL, prefix });
  }, 120_000);
  afterAll(async () => {
    await queues?.close();
    await store?.close();
    await http.close();
    server.closeAllConnections();
    server.close();
    await dropPrefix(prefix);
  });

  test('gives a job to the pending articles the failed attempt stored; a first attempt does not look', async () => {
    // What the failed attempt left: both items stored, pending, and no job for either.
    const stored = await store.articles.insertDiscovered({ id: 'f', outlet: 'F', country: 'ML', language: 'fr' }, [
      { url: `${base}/a.html`, guid: 'a', title: 'A', published: null, updated: null, summary: null, contentHtml: null, author: null, categories: [], image: null },
      { url: `${base}/b.html`, guid: 'b', title: 'B', published: null, updated: null, summary: null, contentHtml: null, author: null, categories: [], image: null },
    ]);
    expect(stored).toHaveLength(2);
    const ctx = { store, http, log: pino({ level: 'silent' }), queues, hostGapMs: 0 } as unknown as WorkerContext;
    const process = pollFeedProcessor(ctx);
    const job = (attemptsMade: number) => ({ data: { feedId: 'f' }, attemptsMade }) as unknown as Job<PollFeedData>;
    const jobOf = (url: string) => queues.articles.getJob(fetchArticleJobId(articleId(url)));

    await process(job(0));
    expect(await jobOf(`${base}/a.html`)).toBeUndefined();

    await process(job(1));
    expect((await jobOf(`${base}/a.html`))?.data).toEqual({ articleId: articleId(`${base}/a.html`), url: `${base}/a.html` });
    expect(await jobOf(`${base}/b.html`)).toBeDefined();
  });
});
