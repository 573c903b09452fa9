import type { Queue } from 'bullmq';
import type { FeedConfig } from '../src/config/feeds-config.js';
import { JobName } from '../src/pipeline/jobs.js';
import { scheduledJob } from './jobs.js';
import { DIGEST_SCHEDULER_ID, EVENTS_GLOBAL_CONCURRENCY, feedSchedulerId, RECOVERY_SCHEDULER_ID } from './queues.js';

/** The queues whose schedulers and settings live only in Redis. */
export interface SchedulingQueues {
  feeds: Queue;
  events: Queue;
  deliveries: Queue;
}

const FEED_PREFIX = feedSchedulerId('');

/**
 * One BullMQ Job Scheduler per feed, at the feed's interval, kept in step with the config: upsert
 * adds or changes, and schedulers of feeds no longer configured are removed. Safe to run from any
 * number of processes at once (upsert is idempotent).
 */
export async function syncFeedSchedulers(queue: Queue, feeds: FeedConfig[]): Promise<{ upserted: number; removed: string[] }> {
  for (const feed of feeds) await scheduleFeed(queue, feed);
  const wanted = new Set(feeds.map((f) => feedSchedulerId(f.id)));
  const removed: string[] = [];
  const existing = await queue.getJobSchedulers(0, -1);
  for (const s of existing) {
    const id = s.id ?? s.key;
    if (id.startsWith(FEED_PREFIX) && !wanted.has(id)) {
      await queue.removeJobScheduler(id);
      removed.push(id.slice(FEED_PREFIX.length));
    }
  }
  return { upserted: feeds.length, removed };
}

function scheduleFeed(queue: Queue, feed: FeedConfig): Promise<unknown> {
  return queue.upsertJobScheduler(feedSchedulerId(feed.id), { every: feed.intervalMs }, scheduledJob(JobName.PollFeed, { feedId: feed.id }));
}

export async function scheduleRecovery(queue: Queue, everyMs = 5 * 60_000): Promise<void> {
  await queue.upsertJobScheduler(RECOVERY_SCHEDULER_ID, { every: everyMs }, scheduledJob(JobName.RecoverPending, {}));
}

/**
 * Digests (rules with mode hourly or daily) are gathered once an hour, a minute past the hour (UTC)
 * so that alerts stored in the last instants of the period are committed by then; daily digests
 * go out with the first run of the day.
 */
export async function scheduleDigests(queue: Queue): Promise<void> {
  await queue.upsertJobScheduler(DIGEST_SCHEDULER_ID, { pattern: '1 * * * *', tz: 'UTC' }, scheduledJob(JobName.SendDigests, {}));
}

/** What the scheduling process keeps in Redis, by name, and how to put it back. */
interface ScheduledSetting {
  name: string;
  create(): Promise<unknown>;
}

/** The name under which /healthz and the logs report the events queue's global concurrency. */
export const EVENTS_CONCURRENCY_SETTING = 'events-global-concurrency';

function scheduledSettings(queues: SchedulingQueues, feeds: FeedConfig[]): ScheduledSetting[] {
  return [
    ...feeds.map((f) => ({ name: feedSchedulerId(f.id), create: () => scheduleFeed(queues.feeds, f) })),
    { name: RECOVERY_SCHEDULER_ID, create: () => scheduleRecovery(queues.feeds) },
    { name: DIGEST_SCHEDULER_ID, create: () => scheduleDigests(queues.deliveries) },
    { name: EVENTS_CONCURRENCY_SETTING, create: () => queues.events.setGlobalConcurrency(EVENTS_GLOBAL_CONCURRENCY) },
  ];
}

async function presentSettings(queues: SchedulingQueues): Promise<Set<string>> {
  const [feedSchedulers, deliverySchedulers, concurrency] = await Promise.all([
    queues.feeds.getJobSchedulers(0, -1),
    queues.deliveries.getJobSchedulers(0, -1),
    queues.events.getGlobalConcurrency(),
  ]);
  const present = new Set([...feedSchedulers, ...deliverySchedulers].map((s) => s.id ?? s.key));
  if (concurrency === EVENTS_GLOBAL_CONCURRENCY) present.add(EVENTS_CONCURRENCY_SETTING);
  return present;
}

/**
 * Schedulers and queue settings that live only in Redis and are not there: after Redis lost its
 * data (a restart without persistence, a failover to an empty replica) nothing would poll again.
 */
export async function missingScheduling(queues: SchedulingQueues, feeds: FeedConfig[]): Promise<string[]> {
  const present = await presentSettings(queues);
  return scheduledSettings(queues, feeds)
    .filter((s) => !present.has(s.name))
    .map((s) => s.name);
}

/** Re-creates, from the feeds config, whatever `missingScheduling` finds missing; returns their names. */
export async function restoreScheduling(queues: SchedulingQueues, feeds: FeedConfig[]): Promise<string[]> {
  const present = await presentSettings(queues);
  const missing = scheduledSettings(queues, feeds).filter((s) => !present.has(s.name));
  for (const s of missing) await s.create();
  return missing.map((s) => s.name);
}
