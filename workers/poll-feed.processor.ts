import type { Job } from 'bullmq';
import { hostDelaysMs } from '../src/pipeline/host-spread.js';
import { countPoll } from '../src/pipeline/count-results.js';
import { pollFeed } from '../src/pipeline/poll-feed.js';
import type { WorkerContext } from './context.js';
import { fetchArticleJobId, JobName, type FetchArticleData, type PollFeedData } from './queues.js';

/** poll-feed: poll one feed, then one fetch-article job per newly stored article. */
export function pollFeedProcessor(ctx: WorkerContext) {
  return async (job: Job<PollFeedData>) => {
    const result = await pollFeed(job.data.feedId, ctx);
    countPoll(result);
    if (result.outcome === 'ok' && result.newArticles.length > 0) {
      const delays = hostDelaysMs(result.newArticles.map((a) => a.url), ctx.hostGapMs);
      await ctx.articlesQueue.addBulk(
        result.newArticles.map((a, i) => ({
          name: JobName.FetchArticle,
          data: { articleId: a.id, url: a.url } satisfies FetchArticleData,
          opts: { jobId: fetchArticleJobId(a.id), ...(delays[i] ? { delay: delays[i] } : {}) },
        })),
      );
    }
    // The job's return value is what the dashboard shows: keep it small.
    return result.outcome === 'ok' ? { outcome: 'ok', items: result.items, newArticles: result.newArticles.length } : result;
  };
}
