import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadVocabulary } from '../../src/cluster/index.js';
import { HttpClient } from '../../src/fetch/index.js';
import { compareContext } from '../../src/pipeline/compare-event.js';
import { openStore, type Store } from '../../src/store/index.js';
import { JobName, type PollFeedData } from '../../src/pipeline/jobs.js';
import { openQueues, startWorkers, type Queues, type RunningWorkers } from '../../workers/runtime.js';
import { workKey } from '../../workers/superseded-failures.js';
import { eventually } from '../helpers/cli-process.js';
import { migratedPgliteMemory } from '../helpers/migrated-pglite.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';

/**
 * A job that failed for good (the database was away) and whose work a later job then
 * completed must not stay on the dashboard as a failure an operator would chase. A failure of other
 * work stays.
 */
describe('failed jobs of work since done are removed', { timeout: 60_000 }, () => {
  const prefix = testPrefix();
  const log = pino({ level: 'silent' });
  const vocabulary = loadVocabulary();
  const http = new HttpClient();
  let store: Store;
  let queues: Queues;
  let workers: RunningWorkers;
  let databaseDown = false;

  beforeAll(async () => {
    store = await openStore(await migratedPgliteMemory());
    // The store as the workers see it: feeds.get fails while the "database" is down.
    const feeds = Object.assign(Object.create(store.feeds) as Store['feeds'], {
      get: async (id: string) => {
        if (databaseDown) throw new Error('connection terminated: database down');
        return store.feeds.get(id);
      },
    });
    const flaky = Object.assign(Object.create(store) as Store, { feeds });
    queues = openQueues({ redisUrl: TEST_REDIS_URL, prefix });
    workers = await startWorkers({ store: flaky, http, log, vocabulary, compare: compareContext(vocabulary) }, queues, {
      redisUrl: TEST_REDIS_URL, prefix, feedConcurrency: 1, articleConcurrency: 1, lockMs: 30_000, hostGapMs: 0, eventSettleMs: 0,
    });
  }, 180_000);
  afterAll(async () => {
    await workers?.close();
    await queues?.close();
    await store?.close();
    await http.close();
    await dropPrefix(prefix);
  });

  const failedFeeds = async () => (await queues.feeds.getFailed()).map((j) => (j.data as PollFeedData).feedId).sort();

  test('a poll that failed for good is removed once a later poll of the same feed completes', async () => {
    databaseDown = true;
    await queues.feeds.add(JobName.PollFeed, { feedId: 'studio-tamani' }, { attempts: 1 });
    await queues.feeds.add(JobName.PollFeed, { feedId: 'hespress' }, { attempts: 1 });
    await eventually(async () => (await failedFeeds()).length === 2, 20_000, 'both polls failed');
    expect(await failedFeeds()).toEqual(['hespress', 'studio-tamani']);

    databaseDown = false;
    const later = await queues.feeds.add(JobName.PollFeed, { feedId: 'studio-tamani' }, { attempts: 1 });
    await eventually(async () => (await later.isCompleted()) || null, 20_000, 'the later poll completed');
    // Only the failure of the work that was since done goes; the other feed's stays.
    await eventually(async () => (await failedFeeds()).join() === 'hespress', 10_000, 'the superseded failure removed');
  });

  test('work keys: the same work, whatever the job; deliveries keep their dead letters', () => {
    expect(workKey({ name: JobName.AssignEvent, data: { articleId: 'a1' } })).toBe(workKey({ name: JobName.AssignEvent, data: { articleId: 'a2' } }));
    expect(workKey({ name: JobName.CompareEvent, data: { eventId: 'ev-1' } })).not.toBe(workKey({ name: JobName.CompareEvent, data: { eventId: 'ev-2' } }));
    expect(workKey({ name: JobName.DeliverAlert, data: { deliveryId: 'dl-1' } })).toBeNull();
  });
});
