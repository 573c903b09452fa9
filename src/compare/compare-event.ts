import { buildAccounts, groupAccounts } from './accounts.js';
import type { CompareContext } from './context.js';
import { prepareArticle } from './prepared.js';
import { buildTimeline } from './timeline.js';
import type { CompareInput, Comparison } from './types.js';

/**
 * Bumped whenever the comparison's output for the same input may change (algorithm, lexicon
 * format), so that stored comparisons are computed again.
 */
export const COMPARE_VERSION = 1;

/** Compares the accounts of one event. Pure: the same input and context give the same comparison. */
export function compareEvent(input: CompareInput, context: CompareContext): Comparison {
  void context;
  const articles = input.articles.map(prepareArticle);
  const groups = groupAccounts(articles);
  return {
    event: { ...input.event, articleCount: input.articles.length },
    accounts: buildAccounts(articles, groups),
    timeline: buildTimeline(articles, groups),
    claims: [],
    conflicts: [],
    contradictions: [],
    quotes: [],
    sources: [],
    entities: [],
    framing: [],
  };
}
