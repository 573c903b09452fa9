import type { Logger } from '../src/log.js';
import { JobName } from '../src/pipeline/jobs.js';
import type { Store } from '../src/store/index.js';
import { addJobs, assignWakeOptions } from './jobs.js';
import type { JobQueues } from './queues.js';

/** Where wake-up jobs go. */
export interface WakeTarget {
  queues: JobQueues;
}

/**
 * How long a stored article may wait for its event. The regular path (fetch-article's delayed,
 * deduplicated assign-event job) is what assigns it; these bounds catch that path failing, whatever
 * the cause: a deduplicated job that never runs swallows every later add, and a process whose event
 * loop is held (a long synchronous comparison) promotes no delayed job until it lets go.
 */
export interface AssignDeadlineOptions {
  /** Stored this long ago and still without an event: a wake-up job is added (not deduplicated, not delayed). */
  lateAfterMs: number;
  /** How often each worker process looks for late articles. */
  checkEveryMs: number;
  /** /healthz says the event assigner is stalled when an article has waited this long and no event was written for as long. */
  stalledAfterMs: number;
}

export const DEFAULT_ASSIGN_DEADLINE: AssignDeadlineOptions = {
  lateAfterMs: 30_000,
  checkEveryMs: 10_000,
  stalledAfterMs: 120_000,
};

/**
 * Adds a wake-up job if a stored article has waited longer than `lateAfterMs`: whichever worker
 * takes it assigns the whole backlog, and a waiting job wakes a worker asleep on a delayed one (it
 * promotes what is due as it takes the job).
 */
export async function wakeAssignerIfLate(store: Store, target: WakeTarget, options: AssignDeadlineOptions = DEFAULT_ASSIGN_DEADLINE, now = Date.now()): Promise<boolean> {
  const { oldestWaitingSince } = await store.events.assignmentLag();
  if (!oldestWaitingSince || now - oldestWaitingSince.getTime() < options.lateAfterMs) return false;
  // A job already waiting takes the whole backlog when it runs: one more would only queue behind it.
  if ((await target.queues.events.getWaitingCount()) > 0) return false;
  const late = await store.events.unassigned(1);
  if (late.length === 0) return false;
  await addWakeJob(target, late[0]!.id, now, options.checkEveryMs);
  return true;
}

/**
 * An assign-event job outside the deduplicated path: a deduplicated job that never runs cannot
 * swallow it. Its id is the time slot, so processes adding together add one.
 */
export async function addWakeJob(target: WakeTarget, articleId: string, now: number, slotMs: number): Promise<void> {
  await addJobs(target.queues, JobName.AssignEvent, [{ data: { articleId } }], assignWakeOptions(Math.floor(now / slotMs)));
}

/** Runs wakeAssignerIfLate every `checkEveryMs` until stopped; a failed check is logged and tried again. */
export function startAssignDeadline(deps: { store: Store; target: WakeTarget; log: Logger }, options: AssignDeadlineOptions = DEFAULT_ASSIGN_DEADLINE): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    wakeAssignerIfLate(deps.store, deps.target, options)
      .then((woke) => woke && deps.log.warn({ lateAfterMs: options.lateAfterMs }, 'stored articles waited too long for their event: assign-event job added'))
      .catch((err: Error) => deps.log.error({ err: err.message }, `late event assignment not checked: ${err.message}`))
      .finally(() => (running = false));
  }, options.checkEveryMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * The /healthz check of event assignment: fails when a stored article has waited `stalledAfterMs`
 * for its event and no event was written in that time (a long backlog being worked through is not
 * a stall: its writes go on).
 */
export function assignmentHealthCheck(store: Store, options: AssignDeadlineOptions = DEFAULT_ASSIGN_DEADLINE) {
  return async (): Promise<void> => {
    const { oldestWaitingSince, lastWrite } = await store.events.assignmentLag();
    const now = Date.now();
    if (!oldestWaitingSince || now - oldestWaitingSince.getTime() < options.stalledAfterMs) return;
    if (lastWrite && now - lastWrite.getTime() < options.stalledAfterMs) return;
    const waited = Math.round((now - oldestWaitingSince.getTime()) / 1000);
    const since = lastWrite ? `${Math.round((now - lastWrite.getTime()) / 1000)} s` : 'ever';
    throw new Error(`event assignment stalled: an article has waited ${waited} s for its event, no event written for ${since}`);
  };
}
