import { contentStems, tokenize } from '../text/index.js';
import type { EventState } from './event-state.js';
import type { Vocabulary } from './vocabulary.js';

/** An event as `parallax events --json` and `GET /api/events` show it. */
export interface EventRecord {
  id: string;
  title: string;
  firstSeen: string;
  lastUpdated: string;
  articles: { id: string; url: string; outlet: string; language: string; title: string; duplicateOf: string | null }[];
  outlets: string[];
  countries: string[];
  languages: string[];
  keys: string[];
  entities: string[];
  mergedFrom: string[];
}

/** How central a headline is: the mean centroid weight of its words (a length-fair dot product). */
function centrality(title: string, language: string, centroid: Map<string, number>): number {
  const stems = contentStems(tokenize(title, language));
  if (stems.length === 0) return 0;
  let sum = 0;
  for (const s of new Set(stems)) sum += centroid.get(`${language}:${s}`) ?? 0;
  return sum / Math.sqrt(stems.length);
}

/** Headlines considered for an event's title. */
const TITLE_POOL = 100;

/**
 * The record of an event. Its title is the most representative headline: among the original
 * (not copied) articles of the language most represented, the one whose words weigh most in the
 * event's text centroid.
 */
export function eventRecord(event: EventState, vocabulary: Vocabulary): EventRecord {
  const mainLanguage = [...event.languages.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const originals = event.members.filter((m) => m.language === mainLanguage && m.duplicateOf === null);
  // The record is rebuilt on every assignment: scoring every headline of a story with thousands of
  // articles each time would make assignment quadratic. The first reports name the event well.
  const pool = (originals.length > 0 ? originals : event.members).slice(0, TITLE_POOL);
  let title = pool[0]!.title;
  let best = -1;
  for (const m of pool) {
    const c = centrality(m.title, m.language, event.text.sum);
    if (c > best) (best = c), (title = m.title);
  }
  const neutral = [...event.neutral.sum.entries()].sort((a, b) => b[1] - a[1]).map(([f]) => f);
  const keys = neutral.filter((f) => f.startsWith('k:')).map((f) => f.slice(2));
  const countries = [...new Set(keys.map((k) => vocabulary.keys.get(k)?.country).filter((c): c is string => !!c))];
  return {
    id: event.id,
    title,
    firstSeen: new Date(event.firstSeen).toISOString(),
    lastUpdated: new Date(event.lastUpdated).toISOString(),
    articles: event.members.map((m) => ({ id: m.articleId, url: m.url, outlet: m.outlet, language: m.language, title: m.title, duplicateOf: m.duplicateOf })),
    outlets: [...event.outlets].sort(),
    countries: countries.sort(),
    languages: [...event.languages.keys()].sort(),
    keys,
    entities: neutral.filter((f) => f.startsWith('name:')).map((f) => f.slice(5)),
    mergedFrom: event.mergedFrom.map((m) => m.id),
  };
}
