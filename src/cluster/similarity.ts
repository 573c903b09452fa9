import type { EventState } from './event-state.js';
import type { WeightedFeatures } from './features.js';

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
