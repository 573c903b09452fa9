import type { ClustererOptions } from './clusterer.js';
import { eventRecord } from './event-record.js';
import { memoryClusterer } from './memory-clusterer.js';
import type { EventState } from './event-state.js';
import { finalEventIds } from './final-events.js';
import type { Assignment, ClusterArticle, Why } from './types.js';
import type { Vocabulary } from './vocabulary.js';

/** One article's decision, as `parallax cluster --json` prints it (these names are a contract). */
export interface ArticleDecision {
  id: string;
  /** The article's final event, after every merge the rest of the set caused. */
  event: string;
  /** Id of the earlier article this one copies, or null. */
  duplicateOf: string | null;
  why: Why & { created: boolean };
}

export interface ClusteredSet {
  /** In input order. */
  decisions: ArticleDecision[];
  /** Events in order of their first article, each with its title and members (ids, publication order). */
  events: { id: string; title: string; members: string[] }[];
}

/**
 * Event clustering of a set of articles with nothing stored: online, in publication order (ties in
 * input order), through the same clusterer the worker runs.
 */
export async function clusterSet(
  articles: readonly ClusterArticle[],
  vocabulary: Vocabulary,
  options: { clusterer?: Partial<ClustererOptions>; onProgress?: (done: number, total: number) => void } = {},
): Promise<ClusteredSet> {
  const { clusterer, index } = memoryClusterer(vocabulary, options.clusterer);
  const order = articles.map((a, i) => ({ a, i })).sort((x, y) => x.a.published!.getTime() - y.a.published!.getTime() || x.i - y.i);
  const idOfUrl = new Map<string, string>();
  const assignments: Assignment[] = [];
  // Each live event's state, taken as it is touched: the index forgets events no decision can reach.
  const states = new Map<string, EventState>();
  let done = 0;
  for (const { a } of order) {
    if (!idOfUrl.has(a.url)) idOfUrl.set(a.url, a.id);
    const r = await clusterer.assign(a);
    assignments.push(r);
    for (const m of r.merged) states.delete(m);
    states.set(r.eventId, (await index.get(r.eventId))!);
    options.onProgress?.(++done, articles.length);
  }
  const finals = finalEventIds(assignments);
  const decisions: ArticleDecision[] = new Array(articles.length);
  order.forEach(({ i }, k) => {
    const r = assignments[k]!;
    decisions[i] = { id: articles[i]!.id, event: finals[k]!, duplicateOf: r.duplicateOf === null ? null : (idOfUrl.get(r.duplicateOf) ?? null), why: { ...r.why, created: r.created } };
  });
  const events: ClusteredSet['events'] = [];
  for (const id of new Set(finals)) {
    const state = states.get(id)!;
    events.push({ id, title: eventRecord(state, vocabulary).title, members: state.members.map((m) => m.articleId) });
  }
  return { decisions, events };
}
