import type { Token } from '../text/index.js';
import { FNV_OFFSET, FNV_PRIME, fmix32, fnv1aUpdate } from './hash.js';

const SPACE = 0x20;

/**
 * MinHash over word shingles (Broder, 1997): the share of equal positions in two signatures
 * estimates the Jaccard similarity of their shingle sets. Shingles use every folded word, stop
 * words included: syndicated copies keep the wording, independent accounts do not.
 */
export const SHINGLE = 5;
export const SIGNATURE = 64;

const SEEDS = Array.from({ length: SIGNATURE }, (_, i) => fmix32(0x9e3779b9 + i * 0x7f4a7c15));

export function shingles(tokens: readonly Token[], size = SHINGLE): Set<number> {
  const out = new Set<number>();
  const words = tokens.map((t) => t.word);
  // fnv1a of the words joined by spaces, hashed in place: no string per shingle.
  for (let i = 0; i + size <= words.length; i++) {
    let h = FNV_OFFSET;
    for (let j = i; j < i + size; j++) {
      if (j > i) h = Math.imul(h ^ SPACE, FNV_PRIME);
      h = fnv1aUpdate(h, words[j]!);
    }
    out.add(h >>> 0);
  }
  return out;
}

export function signature(shingleSet: ReadonlySet<number>): Uint32Array {
  const sig = new Uint32Array(SIGNATURE).fill(0xffffffff);
  for (const s of shingleSet) {
    for (let i = 0; i < SIGNATURE; i++) {
      const h = fmix32(s ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
