import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FOLLOW_UPS, JobName, jobPath } from '../../src/pipeline/jobs.js';
import { runOncePhases } from '../../src/pipeline/run-once.js';
import { JOBS, type JobTable } from '../../workers/jobs.js';
import { QueueName } from '../../workers/queues.js';
import { startWorkers } from '../../workers/runtime.js';
import { workersHarness } from '../helpers/workers-harness.js';

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
  const h = workersHarness();
  beforeAll(() => h.open(), 120_000);
  afterAll(() => h.close());

  test('refuses to start when a job of the table has no handler, naming it', async () => {
    const table: JobTable = { ...JOBS, [JobName.SendDigests]: { ...JOBS[JobName.SendDigests], handler: undefined } };
    await expect(startWorkers(h.deps(), h.queues, h.settings(), table)).rejects.toThrow(
      /jobs without a handler: send-digests/,
    );
    // Nothing was started or set in Redis before the refusal.
    expect(await h.queues.events.getGlobalConcurrency()).toBeNull();
  });
});
