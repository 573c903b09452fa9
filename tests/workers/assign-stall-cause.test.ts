import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, test } from 'vitest';
import { ASSIGN_EVENTS_DEDUPLICATION, QueueName } from '../../workers/queues.js';
import { JobName } from '../../src/pipeline/jobs.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';

/**
 * Why an assign-event job stayed delayed long past its time (bench:ingest's queue scenario):
 * Redis promotes no delayed job by itself; a worker does, in the script that fetches its next job.
 * A process whose event loop is held by synchronous work (there: compareEvent on an event of
 * hundreds of articles, minutes on a loaded machine) fetches nothing, so its due job waits as
 * long as the loop is held, and every add with the same deduplication id meanwhile is dropped.
 * BullMQ (deduplication, keepLastIfActive, global concurrency 1) promotes it as soon as the loop
 * is free: our use, not a BullMQ defect. This test holds the loop and measures both sides.
 */
describe('a due delayed assign-event job waits exactly as long as its worker process is held (real Redis)', () => {
  const prefix = testPrefix();
  afterAll(() => dropPrefix(prefix));

  test('not promoted while the event loop is held, promoted at once after', { timeout: 60_000 }, async () => {
    const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const events = new Queue(QueueName.Events, { connection, prefix });
    await events.setGlobalConcurrency(1);
    const ran: { at: number; job: Job }[] = [];
    const worker = new Worker(QueueName.Events, async (job) => void ran.push({ at: Date.now(), job }), {
      connection: new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null }), prefix, concurrency: 1,
    });
    try {
      await worker.waitUntilReady();
      const job = await events.add(JobName.AssignEvent, { articleId: 'a' }, { delay: 200, deduplication: ASSIGN_EVENTS_DEDUPLICATION });
      const due = job.timestamp + 200;
      // What compareEvent on a large event does to the process: synchronous work, nothing else runs.
      const heldUntil = Date.now() + 3_000;
      while (Date.now() < heldUntil);
      // An add while it waits is swallowed by it, as the fetch-article jobs' adds were.
      const again = await events.add(JobName.AssignEvent, { articleId: 'b' }, { delay: 200, deduplication: ASSIGN_EVENTS_DEDUPLICATION });
      expect(again.id).toBe(job.id);
      for (let i = 0; i < 100 && ran.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(ran.map((r) => r.job.id)).toEqual([job.id]);
      const processedOn = ran[0]!.job.processedOn!;
      expect(processedOn - due).toBeGreaterThan(2_500);
      expect(processedOn - heldUntil).toBeLessThan(1_500);
    } finally {
      await worker.close();
      await events.close();
      connection.disconnect();
    }
  });
});
