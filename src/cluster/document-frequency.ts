/**
 * Running document frequencies: how many articles so far carried each feature. Lexical features are
 * prefixed with their language ("fr:liber"), so each language has its own frequencies and an
 * English word is never made rare by a French stream.
 */
export interface DocumentFrequencies {
  documents(): number;
  count(feature: string): number;
  /** Counts one more document holding `features` (each once). */
  add(features: Iterable<string>): void;
}

export class MemoryDocumentFrequencies implements DocumentFrequencies {
  private total = 0;
  private readonly counts = new Map<string, number>();

  documents(): number {
    return this.total;
  }

  count(feature: string): number {
    return this.counts.get(feature) ?? 0;
  }

  add(features: Iterable<string>): void {
    this.total++;
    for (const f of features) this.counts.set(f, (this.counts.get(f) ?? 0) + 1);
  }

  /** Number of distinct features counted (for tests and the benchmark). */
  features(): number {
    return this.counts.size;
  }

  snapshot(): DocumentFrequencyState {
    return { total: this.total, counts: [...this.counts] };
  }

  restore(state: DocumentFrequencyState): void {
    this.total = state.total;
    this.counts.clear();
    for (const [f, n] of state.counts) this.counts.set(f, n);
  }
}

/**
 * Document frequencies as plain data (a snapshot). They are never pruned: every count weighs the
 * features of every later article, so they grow with the distinct features seen, not the articles.
 */
export interface DocumentFrequencyState {
  total: number;
  counts: [string, number][];
}

/**
 * Pseudo-documents the counts start from, each holding any feature with probability `share`. Without
 * them a store of a few stories makes every feature of a new article maximally rare and the ones its
 * story shares common, so the same article against the same event scores differently with the
 * store's size; with them, weights are near uniform until real counts outweigh the prior.
 */
export interface IdfPrior {
  documents: number;
  share: number;
}

export const DEFAULT_IDF_PRIOR: IdfPrior = { documents: 100, share: 0.05 };

/** Smoothed inverse document frequency: never zero, rare features heavier, counts added to a prior. */
export function idf(df: DocumentFrequencies, feature: string, prior: IdfPrior = DEFAULT_IDF_PRIOR): number {
  return Math.log((df.documents() + prior.documents + 1) / (df.count(feature) + prior.documents * prior.share + 1)) + 1;
}
