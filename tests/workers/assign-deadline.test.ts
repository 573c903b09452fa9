import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadVocabulary, type Vocabulary } from '../../src/cluster/index.js';
import { DEFAULT_DELIVERY_SETTINGS } from '../../src/config/settings.js';
import { HttpClient } from '../../src/fetch/index.js';
import { buildApi } from '../../src/api/server.js';
import { EventAssigner } from '../../src/pipeline/assign-event.js';
import { compareContext } from '../../src/pipeline/compare-event.js';
import { openStore, type Store } from '../../src/store/index.js';
import { assignmentHealthCheck, wakeAssignerIfLate } from '../../workers/assign-deadline.js';
import { ASSIGN_EVENTS_DEDUPLICATION, QueueName } from '../../workers/queues.js';
import { JobName } from '../../src/pipeline/jobs.js';
import { recoverPendingProcessor } from '../../workers/recover-pending.processor.js';
import { openQueues, startWorkers } from '../../workers/runtime.js';
import { eventually } from '../helpers/cli-process.js';
import { migratedPgliteMemory } from '../helpers/migrated-pglite.js';
import { testWorkerSettings } from '../helpers/workers-harness.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';
import { storeMergingArticles } from '../helpers/synthetic-articles.js';

/**
 * Stored articles get their event within a bounded time whatever became of the job meant to
 * assign them: here the deduplicated assign-event job never runs (a delay of an hour stands for
 * a job whose worker never promotes it), so it swallows every later add with its deduplication id.
 */
const silent = pino({ level: 'silent' });
let vocabulary: Vocabulary;
beforeAll(() => {
  vocabulary = loadVocabulary();
});

/** The job the regular path adds, held back: every later add with its deduplication id is dropped. */
async function stuckAssignJob(events: Queue): Promise<void> {
  await events.add(JobName.AssignEvent, { articleId: 'stuck' }, { delay: 3_600_000, deduplication: ASSIGN_EVENTS_DEDUPLICATION });
}

async function setStoredAt(store: Store, at: Date): Promise<void> {
  await store.database.db.updateTable('articles').set({ discovered_at: at, fetched_at: at }).where('status', '<>', 'pending').execute();
}

describe('event assignment cannot stall (real Redis, PGlite)', { timeout: 240_000 }, () => {
  const prefixes: string[] = [];
  const stores: Store[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await Promise.all(prefixes.map(dropPrefix));
  });
  async function freshStore(): Promise<Store> {
    const store = await openStore(await migratedPgliteMemory());
    stores.push(store);
    return store;
  }

  test('with the assign job stuck, the workers still assign stored articles once they are late', async () => {
    const prefix = testPrefix();
    prefixes.push(prefix);
    const store = await freshStore();
    const ids = await storeMergingArticles(store, 1);
    const queues = openQueues({ redisUrl: TEST_REDIS_URL, prefix });
    const http = new HttpClient();
    await stuckAssignJob(queues.events);
    // The regular path's add, as fetch-article makes it: swallowed by the stuck job.
    await queues.events.add(JobName.AssignEvent, { articleId: ids[0]! }, { delay: 10, deduplication: ASSIGN_EVENTS_DEDUPLICATION });
    expect(await queues.events.getDelayedCount()).toBe(1);
    const workers = await startWorkers({ store, http, log: silent, vocabulary, compare: compareContext(vocabulary) }, queues, testWorkerSettings(prefix, {
      eventSettleMs: 10,
      assignDeadline: { lateAfterMs: 1_000, checkEveryMs: 250, stalledAfterMs: 60_000 },
    }));
    try {
      // The bound: late after 1 s, checked every 0.25 s, then one job (generous for a loaded machine).
      await eventually(async () => (await store.events.maxSeq()) === ids.length, 30_000, `all ${ids.length} stored articles in events`);
      expect(await store.events.assignmentLag()).toMatchObject({ oldestWaitingSince: null });
    } finally {
      await workers.close();
      await queues.close();
      await http.close();
    }
  });

  test('one wake-up job per slot, none while one waits, none before an article is late', async () => {
    const prefix = testPrefix();
    prefixes.push(prefix);
    const store = await freshStore();
    await storeMergingArticles(store, 1);
    const queues = openQueues({ redisUrl: TEST_REDIS_URL, prefix });
    const options = { lateAfterMs: 60_000, checkEveryMs: 10_000, stalledAfterMs: 120_000 };
    try {
      expect(await wakeAssignerIfLate(store, { queues }, options)).toBe(false);
      const later = Date.now() + 61_000;
      expect(await wakeAssignerIfLate(store, { queues }, options, later)).toBe(true);
      expect(await wakeAssignerIfLate(store, { queues }, options, later + 10_000)).toBe(false);
      expect((await queues.events.getWaiting()).map((j) => j.id)).toEqual([`assign-wake-${Math.floor(later / 10_000)}`]);
    } finally {
      await queues.close();
    }
  });

  test('the recovery sweep is not swallowed by a stuck assign job either', async () => {
    const prefix = testPrefix();
    prefixes.push(prefix);
    const store = await freshStore();
    await storeMergingArticles(store, 1);
    await setStoredAt(store, new Date(Date.now() - 10 * 60_000));
    const queues = openQueues({ redisUrl: TEST_REDIS_URL, prefix });
    const http = new HttpClient();
    try {
      await stuckAssignJob(queues.events);
      const recover = recoverPendingProcessor({
        store, http, log: silent, queues, hostGapMs: 0, eventSettleMs: 0, delivery: DEFAULT_DELIVERY_SETTINGS,
        assigner: new EventAssigner(store, vocabulary, silent), compare: compareContext(vocabulary), compareDelayMs: 0,
      });
      expect(await recover()).toMatchObject({ eventBacklog: true, enqueued: 1 });
      // A job a worker will take now, beside the stuck one.
      const waiting = await queues.events.getWaiting();
      expect(waiting.map((j) => j.name)).toEqual([JobName.AssignEvent]);
    } finally {
      await queues.close();
      await http.close();
    }
  });

  test('/healthz turns red when stored articles have waited too long and no event is being written, and green once they are assigned', async () => {
    const store = await freshStore();
    await storeMergingArticles(store, 1);
    const options = { lateAfterMs: 1_000, checkEveryMs: 1_000, stalledAfterMs: 60_000 };
    const api = buildApi({ store, checks: [{ name: 'events', check: assignmentHealthCheck(store, options) }] });
    try {
      const health = async () => {
        const r = await api.inject({ method: 'GET', url: '/healthz' });
        return { code: r.statusCode, events: (r.json() as { checks: Record<string, string> }).checks.events };
      };
      // Just stored: waiting, not yet late.
      expect(await health()).toEqual({ code: 200, events: 'ok' });
      await setStoredAt(store, new Date(Date.now() - 5 * 60_000));
      const red = await health();
      expect(red.code).toBe(503);
      expect(red.events).toMatch(/^error: event assignment stalled: an article has waited 3\d\d s for its event, no event written for ever$/);
      await new EventAssigner(store, vocabulary, silent).assignAll();
      expect(await health()).toEqual({ code: 200, events: 'ok' });
    } finally {
      await api.close();
    }
  });

  test('a backlog being worked through is not a stall: events written recently keep /healthz green', async () => {
    const store = await freshStore();
    await storeMergingArticles(store, 2);
    // Half the backlog assigned just now; the rest stored long ago, still waiting.
    const [first] = await store.events.unassigned(1);
    await new EventAssigner(store, vocabulary, silent).assign(first!.id);
    await setStoredAt(store, new Date(Date.now() - 5 * 60_000));
    await expect(assignmentHealthCheck(store, { lateAfterMs: 1_000, checkEveryMs: 1_000, stalledAfterMs: 60_000 })()).resolves.toBeUndefined();
  });
});
