import type { Token } from '../text/index.js';
import { contentHash } from './content-hash.js';
import { bandKeys, estimatedJaccard, type DuplicateEntry, type DuplicateIndex } from './duplicate-index.js';
import { shingles, signature } from './minhash.js';

export interface DuplicateOptions {
  /** Estimated Jaccard of 5-word shingles above which an article copies another. */
  threshold: number;
  /** Fewer shingles than this and only exact copies count: two headlines say too little. */
  minShingles: number;
  /** Copies are looked for among articles at most this much older (ms). */
  windowMs: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = { threshold: 0.5, minShingles: 12, windowMs: 30 * 86_400_000 };

export interface DuplicateCheck {
  /** The earliest earlier copy, or null. */
  original: DuplicateEntry | null;
  similarity: number;
  /** Index what was computed, so the caller adds the article once it is stored. */
  entry: DuplicateEntry;
  bands: number[];
}

/**
 * Looks for an earlier copy of an article: same folded words (content hash), or a MinHash estimate
 * above the threshold among the articles sharing an LSH band. The original is the earliest copy;
 * an article older than every copy found is itself an original (streams arrive out of order).
 */
export async function findDuplicate(
  article: { id: string; url: string; at: number },
  tokens: readonly Token[],
  index: DuplicateIndex,
  options: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS,
): Promise<DuplicateCheck> {
  const hash = contentHash(tokens);
  const set = shingles(tokens);
  const sig = set.size >= options.minShingles ? signature(set) : null;
  const bands = sig ? bandKeys(sig) : [];
  const entry: DuplicateEntry = { id: article.id, url: article.url, at: article.at, hash, signature: sig };

  const since = article.at - options.windowMs;
  const matches: { e: DuplicateEntry; sim: number }[] = (await index.byHash(hash, since))
    .filter((e) => e.id !== article.id)
    .map((e) => ({ e, sim: 1 }));
  if (sig) {
    for (const e of await index.byBands(bands, since)) {
      if (e.id === article.id || !e.signature || e.hash === hash) continue;
      const sim = estimatedJaccard(sig, e.signature);
      if (sim >= options.threshold) matches.push({ e, sim });
    }
  }
  let best: { e: DuplicateEntry; sim: number } | null = null;
  for (const m of matches) if (!best || m.e.at < best.e.at || (m.e.at === best.e.at && m.sim > best.sim)) best = m;
  if (!best || best.e.at > article.at) return { original: null, similarity: best?.sim ?? 0, entry, bands };
  return { original: best.e, similarity: best.sim, entry, bands };
}
