import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadLabelledSet } from '../../bench/cluster/labelled-set.js';
import { COMPARE_VERSION } from '../../src/compare/index.js';
import { DEFAULT_DELIVERY_SETTINGS } from '../../src/config/settings.js';
import { EventAssigner } from '../../src/pipeline/assign-event.js';
import { addJobs } from '../../workers/jobs.js';
import { ASSIGN_EVENTS_DEDUPLICATION, COMPARE_MAX_WAIT_MS, compareDeduplication } from '../../workers/queues.js';
import { JobName } from '../../src/pipeline/jobs.js';
import { recoverPendingProcessor } from '../../workers/recover-pending.processor.js';
import { startWorkers } from '../../workers/runtime.js';
import { Redis } from 'ioredis';
import { eventually } from '../helpers/cli-process.js';
import { TEST_REDIS_URL } from '../helpers/redis-prefix.js';
import { storeLabelled } from '../helpers/labelled-store.js';
import { workersHarness } from '../helpers/workers-harness.js';

/**
 * The compare queue on the real Redis: an assign-event job leads to one compare job per event it
 * touched, each storing its event's comparison; asking again while one waits adds nothing; the
 * recovery sweep re-enqueues a comparison that went missing.
 */
const STORIES = new Set(['moroccan-drivers-freed', 'kayes-ambush']);

describe('compare jobs after event assignment', { timeout: 120_000 }, () => {
  const h = workersHarness();
  let firstArticle: string;

  beforeAll(async () => {
    await h.open();
    const ids = await storeLabelled(h.store, loadLabelledSet().filter((l) => STORIES.has(l.gold)));
    firstArticle = [...ids.values()][0]!;
    h.workers = await startWorkers(h.deps(), h.queues, h.settings({ compareDelayMs: 300 }));
  });
  afterAll(() => h.close());

  const completed = async () => (await h.queues.compare.getJobs(['completed'])) as Job<{ eventId: string }>[];

  test('one assign-event job: every event it made gets its comparison stored, by one compare job each', async () => {
    await h.queues.events.add(JobName.AssignEvent, { articleId: firstArticle }, { deduplication: ASSIGN_EVENTS_DEDUPLICATION });
    const events = await eventually(async () => {
      const list = await h.store.events.list();
      return list.length >= 2 && (await h.store.comparisons.stale(COMPARE_VERSION)).length === 0 && list;
    }, 60_000, 'every event compared');
    expect(events.map((e) => e.article_count).reduce((a, b) => a + b)).toBe(loadLabelledSet().filter((l) => STORIES.has(l.gold)).length);
    const jobs = await eventually(async () => {
      const done = await completed();
      return done.length === events.length && done;
    }, 10_000, 'compare jobs completed');
    expect(jobs.map((j) => j.data.eventId).sort()).toEqual(events.map((e) => e.id).sort());
    // The job's result is a receipt, not the comparison (that lives in the store).
    for (const j of jobs) expect(j.returnvalue).toEqual({ eventId: j.data.eventId, outcome: 'computed', changed: true });
    for (const e of events) {
      const stored = (await h.store.comparisons.get(e.id, COMPARE_VERSION))!;
      expect(stored.current).toBe(true);
      expect(stored.comparison.event.id).toBe(e.id);
      expect(stored.comparison.timeline).toHaveLength(e.article_count);
    }
  });

  test('asking again and again while a compare job waits adds one job; it finds the stored comparison current', async () => {
    const [event] = await h.store.events.list();
    const before = (await completed()).length;
    const settings = { eventSettleMs: 0, compareDelayMs: 1_000, delivery: DEFAULT_DELIVERY_SETTINGS };
    for (let i = 0; i < 3; i++) await addJobs(h.queues, JobName.CompareEvent, [{ data: { eventId: event!.id } }], settings);
    expect(await h.queues.compare.getDelayedCount()).toBe(1);
    const done = await eventually(async () => {
      const all = await completed();
      return all.length === before + 1 && all;
    }, 15_000, 'the one follow-up job');
    const latest = done.find((j) => j.returnvalue?.outcome === 'stored');
    expect(latest?.returnvalue).toEqual({ eventId: event!.id, outcome: 'stored', changed: false });
  });

  test('an add while a compare job waits pushes it back a full delay from that add', async () => {
    const [event] = await h.store.events.list();
    const settings = { eventSettleMs: 500, compareDelayMs: 1_500, delivery: DEFAULT_DELIVERY_SETTINGS };
    // Wall-clock slots where pushing back is off (the last 2 s of each COMPARE_MAX_WAIT_MS + 2 s): wait them out.
    const pushesBack = (t: number) => compareDeduplication(event!.id, t, 2_000).reschedule;
    while (!pushesBack(Date.now()) || !pushesBack(Date.now() + 1_500)) await new Promise((r) => setTimeout(r, 200));
    await addJobs(h.queues, JobName.CompareEvent, [{ data: { eventId: event!.id } }], settings);
    const firstAdd = Date.now();
    // Timers may fire a millisecond early against Date.now(): wait on the clock itself.
    while (Date.now() - firstAdd < 400) await new Promise((r) => setTimeout(r, 50));
    const secondAdd = Date.now();
    await addJobs(h.queues, JobName.CompareEvent, [{ data: { eventId: event!.id } }], settings);
    expect(await h.queues.compare.getDelayedCount()).toBe(1);
    const [job] = await h.queues.compare.getJobs(['delayed']);
    const redis = new Redis(TEST_REDIS_URL);
    const score = await redis.zscore(h.queues.compare.toKey('delayed'), job!.id!).finally(() => redis.quit());
    const pushedTo = Math.floor(Number(score) / 0x1000);
    expect(pushedTo).toBeGreaterThanOrEqual(secondAdd + 2_000 - 50);
    expect(pushedTo - secondAdd).toBeLessThanOrEqual(2_000 + 50);
    expect(secondAdd - firstAdd).toBeGreaterThanOrEqual(400);
  });

  test('pushing back pauses in the last delay of every max-wait slot, the same for every process', () => {
    const period = COMPARE_MAX_WAIT_MS + 2_000;
    const at = (t: number) => compareDeduplication('e1', t, 2_000);
    expect(at(10 * period).reschedule).toBe(true);
    expect(at(10 * period + COMPARE_MAX_WAIT_MS - 1).reschedule).toBe(true);
    expect(at(10 * period + COMPARE_MAX_WAIT_MS).reschedule).toBe(false);
    expect(at(11 * period - 1).reschedule).toBe(false);
    expect(at(10 * period)).toMatchObject({ id: 'compare-e1', keepLastIfActive: true });
  });

  test('recovery enqueues the comparison of an event that lost it (a job lost with Redis, say)', async () => {
    const [event] = await h.store.events.list();
    await h.store.database.db.deleteFrom('comparisons').where('event_id', '=', event!.id).execute();
    const recover = recoverPendingProcessor({
      ...h.deps(), queues: h.queues, hostGapMs: 0, eventSettleMs: 0, delivery: DEFAULT_DELIVERY_SETTINGS,
      assigner: new EventAssigner(h.store, h.vocabulary, h.log), compareDelayMs: 0,
    }, 0);
    expect(await recover()).toMatchObject({ comparisons: 1 });
    await eventually(async () => (await h.store.comparisons.get(event!.id, COMPARE_VERSION))?.current, 15_000, 'the comparison stored again');
    expect(await recover()).toMatchObject({ comparisons: 0 });
  });
});
