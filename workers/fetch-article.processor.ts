import type { Job } from 'bullmq';
import { countArticle } from '../src/pipeline/count-results.js';
import { fetchArticle } from '../src/pipeline/fetch-article.js';
import { JobName, type FetchArticleData } from '../src/pipeline/jobs.js';
import type { WorkerContext } from './context.js';
import { coalesced } from './coalesce.js';
import { addFollowUps } from './jobs.js';

/**
 * fetch-article: fetch, extract and store one article, then queue its event assignment; transient
 * failures are retried by the queue. The assign-event job is deduplicated (it takes the whole
 * backlog), so articles stored while one add is on its way share the next.
 */
export function fetchArticleProcessor(ctx: WorkerContext) {
  const assignLater = coalesced((articleId: string) => addFollowUps(ctx.queues, JobName.FetchArticle, JobName.AssignEvent, [{ data: { articleId } }], ctx));
  return async (job: Job<FetchArticleData>) => {
    // attemptsMade counts finished failed attempts, so this run is attempt attemptsMade + 1.
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const result = await fetchArticle(job.data.articleId, ctx, { finalAttempt });
    countArticle(result);
    if (result.outcome === 'extracted' || result.outcome === 'feed-content') {
      await assignLater(result.articleId);
    }
    return result;
  };
}
