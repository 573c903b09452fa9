import type { Job } from 'bullmq';
import { hostDelaysMs } from '../src/pipeline/host-spread.js';
import { countPoll } from '../src/pipeline/count-results.js';
import { JobName, type PollFeedData } from '../src/pipeline/jobs.js';
import { pollFeed } from '../src/pipeline/poll-feed.js';
import type { WorkerContext } from './context.js';
import { addFollowUps } from './jobs.js';

/**
 * poll-feed: poll one feed, then one fetch-article job per newly stored article. A retried poll
 * also gives a job to every pending article of the feed: the attempt that failed may have stored
 * articles and died before enqueueing them (a lost database connection), and to the retry they
 * are not new. Job ids make the extra adds no-ops for articles whose job exists.
 */
export function pollFeedProcessor(ctx: WorkerContext) {
  return async (job: Job<PollFeedData>) => {
    const result = await pollFeed(job.data.feedId, ctx);
    countPoll(result);
    if (result.outcome !== 'ok') return result;
    const toFetch = new Map(result.newArticles.map((a) => [a.id, a]));
    if (job.attemptsMade > 0) for (const a of await ctx.store.articles.listPendingOfFeed(job.data.feedId)) if (!toFetch.has(a.id)) toFetch.set(a.id, a);
    const articles = [...toFetch.values()];
    const delays = hostDelaysMs(articles.map((a) => a.url), ctx.hostGapMs);
    const fetches = articles.map((a, i) => ({ data: { articleId: a.id, url: a.url }, delayMs: delays[i] ?? 0 }));
    await addFollowUps(ctx.queues, JobName.PollFeed, JobName.FetchArticle, fetches, ctx);
    // The job's return value is what the dashboard shows: keep it small.
    return { outcome: 'ok', items: result.items, newArticles: result.newArticles.length };
  };
}
