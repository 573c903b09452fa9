import { cosine, type EventState } from './event-state.js';
import type { WeightedFeatures } from './features.js';
import type { Why } from './types.js';

export interface SimilarityOptions {
  /** Weight of the text cosine when the event already has articles in the article's language. */
  textWeight: number;
  /** Days for the time factor to fall to 1/e outside the event's span. */
  timeScaleDays: number;
  /**
   * Articles arrived since the event's last update for the factor to fall to 1/e. In a busy stream
   * stories are overtaken within hours; in a quiet one they stay open for days.
   */
  streamScale: number;
  /** Bar for text and keys together (same language). */
  textThreshold: number;
  /** Bar for neutral keys alone. */
  keyThreshold: number;
  /**
   * Factor on both routes when the article and the event each say what happened (action keys:
   * killed, freed, arrested...) and share none of it: the same people in the same place, killed,
   * are not the event in which they were freed, however many words the two accounts share.
   */
  otherAction: number;
}

export const DEFAULT_SIMILARITY_OPTIONS: SimilarityOptions = {
  textWeight: 0.85,
  timeScaleDays: 7,
  streamScale: 800,
  textThreshold: 0.12,
  keyThreshold: 0.45,
  otherAction: 0.7,
};

const ACTION = 'k:action:';

/** Whether the article and the event each report an action and have none in common. */
function reportsOtherAction(article: WeightedFeatures, event: EventState): boolean {
  let acts = false;
  for (const f of article.neutral.keys()) {
    if (!f.startsWith(ACTION)) continue;
    if (event.neutral.sum.has(f)) return false;
    acts = true;
  }
  if (!acts) return false;
  for (const f of event.neutral.sum.keys()) if (f.startsWith(ACTION)) return true;
  return false;
}

const DAY = 86_400_000;

/**
 * How well an article fits an event. Two routes, each against its own bar: text and neutral keys
 * together, when the event already has articles in the article's language; and the neutral keys
 * alone (vocabulary keys, name skeletons, numbers), the only route across languages and a fallback
 * when one outlet words a story differently. `score` is the better route relative to its bar, so
 * 1 means "just enough"; distance in time outside the event's span lowers both routes: a release
 * this week is not the release of last spring. So does a different action: who and where carry
 * most of the words two accounts share, what happened few of them.
 */
export function similarity(
  article: WeightedFeatures,
  language: string,
  at: number,
  position: number,
  event: EventState,
  options: SimilarityOptions = DEFAULT_SIMILARITY_OPTIONS,
): { score: number; parts: Why['parts'] } {
  const text = cosine(article.text, event.text);
  const keys = cosine(article.neutral, event.neutral);
  const sameLanguage = event.languages.has(language);
  const gap = Math.max(0, at - event.lastUpdated, event.firstSeen - at) / DAY;
  const since = Math.max(0, position - event.lastPosition);
  const time = Math.exp(-gap / options.timeScaleDays - since / options.streamScale);
  const otherAction = reportsOtherAction(article, event);
  const fit = time * (otherAction ? options.otherAction : 1);
  const lexical = sameLanguage ? ((options.textWeight * text + (1 - options.textWeight) * keys) * fit) / options.textThreshold : 0;
  const neutral = (keys * fit) / options.keyThreshold;
  return { score: Math.max(lexical, neutral), parts: { text, keys, time, sameLanguage, otherAction } };
}

/** The features an article and an event share, heaviest contribution first. */
export function sharedFeatures(article: WeightedFeatures, event: EventState, n: number): { terms: string[]; keys: string[] } {
  const top = (v: Map<string, number>, c: Map<string, number>) =>
    [...v.entries()]
      .filter(([f]) => c.has(f))
      .map(([f, w]) => [f, w * c.get(f)!] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([f]) => f);
  return { terms: top(article.text, event.text.sum), keys: top(article.neutral, event.neutral.sum) };
}
