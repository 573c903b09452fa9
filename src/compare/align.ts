import type { SentenceInfo } from './analyse.js';

/**
 * How much two sentences of different accounts say the same thing. Features are weighted by their
 * rarity within the event, log(n / df) without smoothing: what every sentence says ("Mali",
 * "drivers") weighs nothing, so two sentences cannot meet on the event's subject alone;
 * and denied keys count double (a denial is the point of its sentence). Sentences of the same
 * language are compared on their words too; across languages only on language-neutral features, so
 * that words that cannot match do not dilute the score.
 */
export interface Weights {
  weight(feature: string): number;
}

const DENIAL_BOOST = 2;

export function eventWeights(sentences: readonly SentenceInfo[]): Weights {
  const df = new Map<string, number>();
  for (const s of sentences) {
    for (const f of s.neutral) df.set(f, (df.get(f) ?? 0) + 1);
    for (const f of s.words) df.set(f, (df.get(f) ?? 0) + 1);
  }
  const n = sentences.length;
  const cache = new Map<string, number>();
  return {
    weight(f) {
      let w = cache.get(f);
      if (w === undefined) {
        w = Math.log(n / (df.get(f) ?? 1)) * (f.startsWith('not:') ? DENIAL_BOOST : 1);
        cache.set(f, w);
      }
      return w;
    },
  };
}

export interface Similarity {
  /** Shared weight over the smaller sentence's weight: does one say what the other says? */
  overlap: number;
  /** Shared weight over the mean weight: how alike they are (ranks the candidates). */
  dice: number;
  shared: number;
}

function total(features: Iterable<string>, w: Weights): number {
  let t = 0;
  for (const f of features) t += w.weight(f);
  return t;
}

/** Sentence weights, cached per sentence and per comparison mode. */
export class Aligner {
  private readonly totals = new Map<SentenceInfo, { neutral: number; words: number }>();

  constructor(private readonly weights: Weights) {}

  private totalOf(s: SentenceInfo): { neutral: number; words: number } {
    let t = this.totals.get(s);
    if (!t) this.totals.set(s, (t = { neutral: total(s.neutral, this.weights), words: total(s.words, this.weights) }));
    return t;
  }

  similarity(a: SentenceInfo, b: SentenceInfo): Similarity {
    const w = this.weights;
    let shared = 0;
    let count = 0;
    const [small, large] = a.neutral.size <= b.neutral.size ? [a, b] : [b, a];
    for (const f of small.neutral) if (large.neutral.has(f)) (shared += w.weight(f), count++);
    const ta = this.totalOf(a);
    const tb = this.totalOf(b);
    let wa = ta.neutral;
    let wb = tb.neutral;
    if (a.language === b.language) {
      for (const f of a.words) if (b.words.has(f)) (shared += w.weight(f), count++);
      wa += ta.words;
      wb += tb.words;
    } else {
      // A Latin name and an Arabic word with the same skeleton: the same name in two scripts.
      const [latin, arabic] = a.language === 'ar' ? [b, a] : [a, b];
      if (arabic.language === 'ar' && latin.language !== 'ar') {
        for (const f of latin.neutral) if (f.startsWith('n:') && arabic.arabicSkeletons.has(f)) (shared += w.weight(f), count++);
      }
    }
    const smaller = Math.min(wa, wb);
    if (count === 0 || smaller === 0) return { overlap: 0, dice: 0, shared: 0 };
    return { overlap: shared / smaller, dice: (2 * shared) / (wa + wb), shared };
  }
}
