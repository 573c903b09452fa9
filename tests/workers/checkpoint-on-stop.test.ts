import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EventAssigner } from '../../src/pipeline/assign-event.js';
import { JobName } from '../../src/pipeline/jobs.js';
import { startWorkers } from '../../workers/runtime.js';
import { eventually } from '../helpers/cli-process.js';
import { storeMergingArticles } from '../helpers/synthetic-articles.js';
import { workersHarness } from '../helpers/workers-harness.js';

/**
 * A worker that stops cleanly saves the clusterer's state it holds, so the process that starts
 * next (a deploy's restart) replays no decision, however few were made since the last snapshot.
 */
describe('a clean stop (real Redis, PGlite)', { timeout: 120_000 }, () => {
  const h = workersHarness();
  beforeAll(() => h.open());
  afterAll(() => h.close());

  test('saves the event state: the next decider replays nothing', async () => {
    const ids = await storeMergingArticles(h.store, 3);
    h.workers = await startWorkers(h.deps(), h.queues, h.settings());
    await h.queues.events.add(JobName.AssignEvent, { articleId: ids[0]! });
    await eventually(async () => (await h.store.events.maxSeq()) === ids.length, 30_000, `all ${ids.length} stored articles in events`);
    // Fewer decisions than a snapshot is due after: none was taken while running.
    expect(await h.store.events.snapshots()).toEqual([]);
    await h.workers.close();
    h.workers = undefined;
    expect((await h.store.events.snapshots()).map((k) => k.seq)).toEqual([ids.length]);
    expect(await new EventAssigner(h.store, h.vocabulary, h.log).catchUp()).toBe(0);
  });
});
