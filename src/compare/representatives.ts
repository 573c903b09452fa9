import type { PreparedArticle } from './prepared.js';

export interface CompareOptions {
  /**
   * Most accounts read sentence by sentence (claims, figures, contradictions, quotes, sources,
   * entities, framing). Aligning claims compares every sentence with every other, so time grows
   * with the square of the accounts: beyond this many, a representative set is read (see
   * representativeAccounts) and every account is still listed, with the timeline. Far above the
   * few dozen accounts of a real story, so that only a flood (a whole archive merged into one
   * event) is bounded: 1,000 accounts then compare in a fraction of a second, not minutes.
   */
  maxAccounts: number;
}

export const DEFAULT_COMPARE_OPTIONS: CompareOptions = { maxAccounts: 60 };

/**
 * The accounts to read when there are more than `max`, chosen deterministically: the earliest
 * account of each outlet (one outlet's many pieces say one outlet's view) whose text no earlier
 * choice already has (a copy not marked as one adds nothing to compare), taken in turn from each
 * language (an outnumbered language still speaks), earliest first; then, if outlets run out, the
 * longest remaining accounts (the most to compare). `originals` are earliest first; so is the result.
 */
export function representativeAccounts(originals: readonly PreparedArticle[], max: number): PreparedArticle[] {
  if (originals.length <= max) return [...originals];
  const seenOutlets = new Set<string>();
  const seenTexts = new Set<string>();
  const byLanguage = new Map<string, PreparedArticle[]>();
  const rest: PreparedArticle[] = [];
  for (const o of originals) {
    if (seenOutlets.has(o.article.outlet) || seenTexts.has(o.article.text)) {
      rest.push(o);
      continue;
    }
    seenOutlets.add(o.article.outlet);
    seenTexts.add(o.article.text);
    const list = byLanguage.get(o.article.language) ?? [];
    list.push(o);
    byLanguage.set(o.article.language, list);
  }
  const chosen = new Set<PreparedArticle>();
  const queues = [...byLanguage.values()];
  for (let round = 0; chosen.size < max && queues.some((q) => round < q.length); round++) {
    for (const q of queues) if (round < q.length && chosen.size < max) chosen.add(q[round]!);
  }
  for (const q of queues) rest.push(...q.filter((o) => !chosen.has(o)));
  const longestFirst = rest.map((o, i) => ({ o, i, length: o.article.text.length })).sort((a, b) => b.length - a.length || a.i - b.i);
  for (const { o } of longestFirst) {
    if (chosen.size >= max) break;
    chosen.add(o);
  }
  return originals.filter((o) => chosen.has(o));
}
