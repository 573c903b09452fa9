import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { JobName, type PollFeedData } from '../../src/pipeline/jobs.js';
import { startWorkers } from '../../workers/runtime.js';
import { workKey } from '../../workers/superseded-failures.js';
import { eventually } from '../helpers/cli-process.js';
import { workersHarness } from '../helpers/workers-harness.js';

/**
 * A job that failed for good (the database was away) and whose work a later job then
 * completed must not stay on the dashboard as a failure an operator would chase. A failure of other
 * work stays.
 */
describe('failed jobs of work since done are removed', { timeout: 60_000 }, () => {
  const h = workersHarness();
  let databaseDown = false;

  beforeAll(async () => {
    await h.open();
    // The store as the workers see it: feeds.get fails while the "database" is down.
    const feeds = Object.assign(Object.create(h.store.feeds) as Store['feeds'], {
      get: async (id: string) => {
        if (databaseDown) throw new Error('connection terminated: database down');
        return h.store.feeds.get(id);
      },
    });
    const flaky = Object.assign(Object.create(h.store) as Store, { feeds });
    h.workers = await startWorkers(h.deps(flaky), h.queues, h.settings());
  }, 180_000);
  afterAll(() => h.close());

  const failedFeeds = async () => (await h.queues.feeds.getFailed()).map((j) => (j.data as PollFeedData).feedId).sort();

  test('a poll that failed for good is removed once a later poll of the same feed completes', async () => {
    databaseDown = true;
    await h.queues.feeds.add(JobName.PollFeed, { feedId: 'studio-tamani' }, { attempts: 1 });
    await h.queues.feeds.add(JobName.PollFeed, { feedId: 'hespress' }, { attempts: 1 });
    await eventually(async () => (await failedFeeds()).length === 2, 20_000, 'both polls failed');
    expect(await failedFeeds()).toEqual(['hespress', 'studio-tamani']);

    databaseDown = false;
    const later = await h.queues.feeds.add(JobName.PollFeed, { feedId: 'studio-tamani' }, { attempts: 1 });
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
