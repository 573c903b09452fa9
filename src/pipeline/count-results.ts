import { articlesAssigned, articlesDiscovered, articlesStored, eventsCreated, feedErrors, feedPolls } from '../observability/metrics.js';
import type { AssignResult } from './assign-event.js';
import type { ArticleResult } from './fetch-article.js';
import type { PollResult } from './poll-feed.js';

/**
 * What each pipeline result adds to the metrics, called by the workers once per result. (run-once
 * is not scraped, so it does not count.)
 */
export function countPoll(r: PollResult): void {
  feedPolls.inc({ outcome: r.outcome });
  if (r.outcome === 'error') feedErrors.inc({ kind: r.kind });
  if (r.outcome === 'ok') articlesDiscovered.inc(r.newArticles.length);
}

export function countArticle(r: ArticleResult): void {
  if (r.outcome === 'extracted' || r.outcome === 'feed-content') articlesStored.inc({ status: r.outcome });
}

export function countAssignments(results: readonly AssignResult[]): void {
  for (const r of results) {
    if (r.outcome !== 'assigned') continue;
    articlesAssigned.inc();
    if (r.created) eventsCreated.inc();
  }
}
