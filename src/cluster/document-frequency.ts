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

/** Smoothed inverse document frequency, as scikit-learn's: never zero, rare features heavier. */
export function idf(df: DocumentFrequencies, feature: string): number {
  return Math.log((df.documents() + 1) / (df.count(feature) + 1)) + 1;
}
