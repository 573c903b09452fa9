import type { AccountGroups } from './accounts.js';
import { byTime, type PreparedArticle } from './prepared.js';
import type { TimelineEntry } from './types.js';

const MINUTE = 60_000;

/**
 * Every article of the event in the order it appeared, copies included (a copy is how a story
 * reaches another country or language, so it can be the first there).
 */
export function buildTimeline(articles: readonly PreparedArticle[], groups: AccountGroups): TimelineEntry[] {
  const ordered = [...articles].sort(byTime);
  const urlOf = new Map(articles.map((a) => [a.article.id, a.article.url]));
  const firstTime = ordered[0]?.time ?? 0;
  const countries = new Set<string>();
  const languages = new Set<string>();
  return ordered.map((p, i) => {
    const a = p.article;
    const root = groups.originalOf.get(a.id) ?? a.id;
    const entry: TimelineEntry = {
      url: a.url,
      outlet: a.outlet,
      country: a.country,
      language: a.language,
      at: p.at,
      afterFirstMinutes: Math.round((p.time - firstTime) / MINUTE),
      first: i === 0,
      firstFromCountry: !countries.has(a.country),
      firstInLanguage: !languages.has(a.language),
      copyOf: root === a.id ? null : (urlOf.get(root) ?? null),
    };
    countries.add(a.country);
    languages.add(a.language);
    return entry;
  });
}
