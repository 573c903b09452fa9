import type { Queue } from 'bullmq';
import type { FeedConfig } from '../src/config/feeds-config.js';
import { DIGEST_SCHEDULER_ID, feedSchedulerId, JobName, RECOVERY_SCHEDULER_ID, type PollFeedData, type SendDigestsData } from './queues.js';

const FEED_PREFIX = feedSchedulerId('');

/**
 * One BullMQ Job Scheduler per feed, at the feed's interval, kept in step with the config: upsert
 * adds or changes, and schedulers of feeds no longer configured are removed. Safe to run from any
 * number of processes at once (upsert is idempotent).
 */
export async function syncFeedSchedulers(queue: Queue, feeds: FeedConfig[]): Promise<{ upserted: number; removed: string[] }> {
  for (const feed of feeds) {
    await queue.upsertJobScheduler(
      feedSchedulerId(feed.id),
      { every: feed.intervalMs },
      { name: JobName.PollFeed, data: { feedId: feed.id } satisfies PollFeedData },
    );
  }
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

export async function scheduleRecovery(queue: Queue, everyMs = 5 * 60_000): Promise<void> {
  await queue.upsertJobScheduler(RECOVERY_SCHEDULER_ID, { every: everyMs }, { name: JobName.RecoverPending, data: {} });
}

/**
 * Digests (rules with mode hourly or daily) are gathered once an hour, a minute past the hour (UTC)
 * so that alerts stored in the last instants of the period are committed by then; daily digests
 * go out with the first run of the day.
 */
export async function scheduleDigests(queue: Queue): Promise<void> {
  await queue.upsertJobScheduler(DIGEST_SCHEDULER_ID, { pattern: '1 * * * *', tz: 'UTC' }, { name: JobName.SendDigests, data: {} satisfies SendDigestsData });
}
