import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadVocabulary } from '../../src/cluster/index.js';
import { HttpClient } from '../../src/fetch/index.js';
import { compareContext } from '../../src/pipeline/compare-event.js';
import { FOLLOW_UPS, JobName, jobPath } from '../../src/pipeline/jobs.js';
import { runOncePhases } from '../../src/pipeline/run-once.js';
import { openStore, type Store } from '../../src/store/index.js';
import { JOBS, type JobTable } from '../../workers/jobs.js';
import { QueueName } from '../../workers/queues.js';
import { openQueues, startWorkers, type Queues } from '../../workers/runtime.js';
import { migratedPgliteMemory } from '../helpers/migrated-pglite.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';

describe('the job table', () => {
  test('lists every job once, with a handler, and the follow-ups of the job graph', () => {
    expect(Object.keys(JOBS).sort()).toEqual(Object.values(JobName).sort());
    for (const name of Object.values(JobName)) {
      expect(typeof JOBS[name].handler, name).toBe('function');
      expect(JOBS[name].followUps, name).toEqual(FOLLOW_UPS[name]);
      expect(Object.values(QueueName), name).toContain(JOBS[name].queue);
    }
  });

  test("run-once's phases are the path the workers' follow-ups take from a poll", () => {
    expect(jobPath(JobName.PollFeed)).toEqual([
      JobName.PollFeed, JobName.FetchArticle, JobName.AssignEvent, JobName.CompareEvent, JobName.EvaluateAlerts, JobName.DeliverAlert,
    ]);
    expect(runOncePhases()).toHaveLength(jobPath(JobName.PollFeed).length);
    expect(() => runOncePhases({ [JobName.PollFeed]: async () => {} })).toThrow(/run-once has no phase for fetch-article, assign-event/);
  });
});

describe('start-up', { timeout: 60_000 }, () => {
  const prefix = testPrefix();
  const log = pino({ level: 'silent' });
  const vocabulary = loadVocabulary();
  const http = new HttpClient();
  let store: Store;
  let queues: Queues;
  beforeAll(async () => {
    store = await openStore(await migratedPgliteMemory());
    queues = openQueues({ redisUrl: TEST_REDIS_URL, prefix });
  }, 120_000);
  afterAll(async () => {
    await queues?.close();
    await store?.close();
    await http.close();
    await dropPrefix(prefix);
  });

  test('refuses to start when a job of the table has no handler, naming it', async () => {
    const table: JobTable = { ...JOBS, [JobName.SendDigests]: { ...JOBS[JobName.SendDigests], handler: undefined } };
    const settings = { redisUrl: TEST_REDIS_URL, prefix, feedConcurrency: 1, articleConcurrency: 1, lockMs: 30_000, hostGapMs: 0, eventSettleMs: 0 };
    await expect(startWorkers({ store, http, log, vocabulary, compare: compareContext(vocabulary) }, queues, settings, table)).rejects.toThrow(
      /jobs without a handler: send-digests/,
    );
    // Nothing was started or set in Redis before the refusal.
    expect(await queues.events.getGlobalConcurrency()).toBeNull();
  });
});
