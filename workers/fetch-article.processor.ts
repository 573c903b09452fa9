import type { Job } from 'bullmq';
import { countArticle } from '../src/pipeline/count-results.js';
import { fetchArticle } from '../src/pipeline/fetch-article.js';
import type { WorkerContext } from './context.js';
import { ASSIGN_EVENTS_DEDUPLICATION, JobName, type AssignEventData, type FetchArticleData } from './queues.js';

/** fetch-article: fetch, extract and store one article, then queue its event assignment; transient failures are retried by the queue. */
export function fetchArticleProcessor(ctx: WorkerContext) {
  return async (job: Job<FetchArticleData>) => {
    // attemptsMade counts finished failed attempts, so this run is attempt attemptsMade + 1.
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const result = await fetchArticle(job.data.articleId, ctx, { finalAttempt });
    countArticle(result);
    if (result.outcome === 'extracted' || result.outcome === 'feed-content') {
      const data: AssignEventData = { articleId: result.articleId };
      await ctx.eventsQueue.add(JobName.AssignEvent, data, { delay: ctx.eventSettleMs, deduplication: ASSIGN_EVENTS_DEDUPLICATION });
    }
    return result;
  };
}
