import { FetchError } from '../fetch/types.js';
import { nextPollDelayMs } from '../fetch/backoff.js';
import { parseFeed } from '../feeds/index.js';
import { FeedParseError, type FeedItem } from '../feeds/types.js';
import { compileEntryFilter } from '../feeds/entry-filter.js';
import type { PipelineDeps } from './deps.js';
import { observedFetch } from './observed-fetch.js';

export type PollResult =
  | { outcome: 'skipped'; feedId: string; reason: 'unknown-feed' | 'inactive' | 'backing-off'; until?: Date }
  | { outcome: 'not-modified'; feedId: string }
  | { outcome: 'ok'; feedId: string; items: number; itemsDropped: number; newArticles: { id: string; url: string }[] }
  | { outcome: 'error'; feedId: string; kind: string; message: string; streak: number; nextPollAt: Date };

/**
 * The `cap` newest items of a feed, and how many older ones were left out. Newest by publication
 * date; undated items rank after dated ones, in feed order (feeds list their newest first). Kept in
 * feed order, so that what is stored does not depend on the cap.
 */
export function newestItems(items: readonly FeedItem[], cap: number): { kept: FeedItem[]; dropped: number } {
  if (items.length <= cap) return { kept: [...items], dropped: 0 };
  const time = (item: FeedItem) => (item.published ? Date.parse(item.published) : Number.NaN);
  const ranked = items
    .map((item, index) => ({ index, t: time(item) }))
    .sort((a, b) => (Number.isNaN(a.t) ? (Number.isNaN(b.t) ? a.index - b.index : 1) : Number.isNaN(b.t) ? -1 : b.t - a.t || a.index - b.index));
  const keep = new Set(ranked.slice(0, cap).map((r) => r.index));
  return { kept: items.filter((_, i) => keep.has(i)), dropped: items.length - cap };
}

export interface PollOptions {
  /** Poll even while the feed is backing off (feeds check, run-once). */
  force?: boolean;
}

/**
 * One poll of one feed: conditional fetch, parse, store new items as pending articles, record the
 * feed's health. A feed's own failure (HTTP error, timeout, not a feed) is recorded against it and
 * returned, not thrown: the feed backs off and every other feed goes on. Only failures of our own
 * infrastructure (database down) throw, so that the job is retried.
 */
export async function pollFeed(feedId: string, deps: PipelineDeps, options: PollOptions = {}): Promise<PollResult> {
  const now = deps.now?.() ?? new Date();
  const feed = await deps.store.feeds.get(feedId);
  if (!feed) return { outcome: 'skipped', feedId, reason: 'unknown-feed' };
  if (!feed.active) return { outcome: 'skipped', feedId, reason: 'inactive' };
  if (!options.force && feed.next_poll_at && feed.next_poll_at > now) {
    return { outcome: 'skipped', feedId, reason: 'backing-off', until: feed.next_poll_at };
  }
  const log = deps.log.child({ feedId });
  const started = performance.now();
  try {
    const fetched = await observedFetch(deps.http, 'feed', {
      url: feed.url,
      accept: 'feed',
      validators: { etag: feed.etag, lastModified: feed.last_modified },
    });
    if (fetched.status === 'not-modified') {
      await deps.store.feeds.recordSuccess(feedId, {
        at: now,
        elapsedMs: performance.now() - started,
        httpStatus: 304,
        etag: fetched.validators.etag ?? feed.etag,
        lastModified: fetched.validators.lastModified ?? feed.last_modified,
        title: null,
        items: 0,
        newItems: 0,
      });
      return { outcome: 'not-modified', feedId };
    }
    const parsed = await parseFeed(fetched.text, fetched.url);
    // The desk's keep/block patterns first: what they leave out never counts against the cap.
    const filter = feed.extract_rules ? compileEntryFilter(feed.extract_rules) : null;
    const wanted = filter ? parsed.items.filter((item) => filter.allows(item)) : parsed.items;
    const { kept, dropped } = newestItems(wanted, feed.max_items);
    if (dropped > 0) log.warn({ items: wanted.length, maxItems: feed.max_items, dropped }, `feed served ${wanted.length} items: the ${feed.max_items} newest taken, ${dropped} left out`);
    const newArticles = await deps.store.articles.insertDiscovered(
      { id: feed.id, outlet: feed.outlet, country: feed.country, language: feed.language },
      kept,
      now,
    );
    await deps.store.feeds.recordSuccess(feedId, {
      at: now,
      elapsedMs: performance.now() - started,
      httpStatus: fetched.httpStatus,
      etag: fetched.validators.etag,
      lastModified: fetched.validators.lastModified,
      title: parsed.title || null,
      items: parsed.items.length,
      newItems: newArticles.length,
      blocked: parsed.items.length - wanted.length,
      itemsDropped: dropped,
    });
    log.info({ items: parsed.items.length, newItems: newArticles.length, blocked: parsed.items.length - wanted.length, itemsDropped: dropped }, 'feed polled');
    return { outcome: 'ok', feedId, items: parsed.items.length, itemsDropped: dropped, newArticles };
  } catch (err) {
    if (!(err instanceof FetchError) && !(err instanceof FeedParseError)) throw err;
    const kind = err instanceof FetchError ? err.kind : `feed-${err.kind}`;
    const httpStatus = err instanceof FetchError ? err.httpStatus : null;
    const retryAfterMs = err instanceof FetchError ? err.retryAfterMs : null;
    const message = err instanceof FeedParseError ? `${err.message} (${feed.url})` : err.message;
    let nextPollAt = now;
    const streak = await deps.store.feeds.recordFailure(feedId, {
      at: now,
      elapsedMs: performance.now() - started,
      httpStatus,
      kind,
      message,
      nextPollAt: (consecutiveErrors) => {
        nextPollAt = new Date(now.getTime() + nextPollDelayMs({ intervalMs: feed.interval_ms, consecutiveErrors, retryAfterMs }));
        return nextPollAt;
      },
    });
    log.warn({ kind, httpStatus, streak, nextPollAt }, message);
    return { outcome: 'error', feedId, kind, message, streak, nextPollAt };
  }
}
