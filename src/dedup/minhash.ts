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

/** Seeds as int32: the inner loop then stays in small integers (no unsigned doubles). */
const SEEDS_INT32 = Int32Array.from(SEEDS);
/** Flipping the sign bit maps unsigned order onto signed order: the minimum is kept as a signed int. */
const SIGN_BIT = 0x80000000 | 0;

/**
 * The `SIGNATURE` minima of fmix32(shingle ^ seed), as unsigned values. Every article with a body
 * pays 64 hashes per shingle, so the loop is written for V8: fmix32 inlined on int32 values and the
 * minimum kept in sign-flipped int32 (same order as unsigned, no conversion to doubles).
 */
export function signature(shingleSet: ReadonlySet<number>): Uint32Array {
  const least = new Int32Array(SIGNATURE).fill(0x7fffffff); // 0xffffffff, sign-flipped
  for (const s of shingleSet) {
    for (let i = 0; i < SIGNATURE; i++) {
      let h = s ^ SEEDS_INT32[i]!;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      h ^= SIGN_BIT;
      if (h < least[i]!) least[i] = h;
    }
  }
  const sig = new Uint32Array(SIGNATURE);
  for (let i = 0; i < SIGNATURE; i++) sig[i] = least[i]! ^ SIGN_BIT;
  return sig;
}

export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
