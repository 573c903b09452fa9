import type { WorkerContext } from './context.js';
import { fetchArticleJobId, JobName, type FetchArticleData } from './queues.js';

/** Articles younger than this are still on their normal path: leave them alone. */
const GRACE_MS = 2 * 60_000;

/**
 * The store, not Redis, is the record of what was discovered: a pending article whose job is gone
 * (Redis lost it, or the process died between storing and enqueueing) gets a job again; one whose
 * job failed for good (our own infrastructure was down) is retried.
 */
export function recoverPendingProcessor(ctx: WorkerContext, graceMs = GRACE_MS) {
  return async () => {
    const pending = await ctx.store.articles.listPending(new Date(Date.now() - graceMs), 1000);
    let enqueued = 0;
    let retried = 0;
    for (const a of pending) {
      const jobId = fetchArticleJobId(a.id);
      const job = await ctx.articlesQueue.getJob(jobId);
      if (!job) {
        await ctx.articlesQueue.add(JobName.FetchArticle, { articleId: a.id, url: a.url } satisfies FetchArticleData, { jobId });
        enqueued++;
      } else if (await job.isFailed()) {
        await job.retry('failed');
        retried++;
      }
    }
    if (enqueued + retried > 0) ctx.log.warn({ enqueued, retried }, 'recovered pending articles whose jobs were lost or failed');
    return { pending: pending.length, enqueued, retried };
  };
}
