import { cosine, type EventState } from './event-state.js';
import type { WeightedFeatures } from './features.js';
import type { Why } from './types.js';

export interface SimilarityOptions {
  /** Weight of the text cosine when the event already has articles in the article's language. */
  textWeight: number;
  /** Days for the time factor to fall to 1/e outside the event's span. */
  timeScaleDays: number;
}

export const DEFAULT_SIMILARITY_OPTIONS: SimilarityOptions = { textWeight: 0.7, timeScaleDays: 2 };

const DAY = 86_400_000;

/**
 * How well an article fits an event, in [0, 1]. Within one language, text and neutral keys both
 * speak; across languages only the neutral keys can (no stem is shared), so they carry the whole
 * score. Distance in time outside the event's span lowers everything: a release this week is not
 * the release of last spring.
 */
export function similarity(
  article: WeightedFeatures,
  language: string,
  at: number,
  event: EventState,
  options: SimilarityOptions = DEFAULT_SIMILARITY_OPTIONS,
): { score: number; parts: Why['parts'] } {
  const text = cosine(article.text, event.text);
  const keys = cosine(article.neutral, event.neutral);
  const sameLanguage = event.languages.has(language);
  const gap = Math.max(0, at - event.lastUpdated, event.firstSeen - at) / DAY;
  const time = Math.exp(-gap / options.timeScaleDays);
  const base = sameLanguage ? options.textWeight * text + (1 - options.textWeight) * keys : keys;
  return { score: base * time, parts: { text, keys, time, sameLanguage } };
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
