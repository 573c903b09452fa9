/** Sparse vectors as maps from feature to weight: features are stems, keys and numbers. */
export type SparseVector = Map<string, number>;

export function normalize(v: SparseVector): SparseVector {
  let sq = 0;
  for (const w of v.values()) sq += w * w;
  if (sq === 0) return v;
  const n = Math.sqrt(sq);
  for (const [k, w] of v) v.set(k, w / n);
  return v;
}

/**
 * Heaviest features first, equal weights in the vector's order (as a stable sort would give them).
 * Kept by insertion into the best `n` so far: a vector has hundreds of features, a query a dozen.
 */
export function topFeatures(v: SparseVector, n: number): string[] {
  const keys: string[] = [];
  const weights: number[] = [];
  if (n <= 0) return keys;
  for (const [k, w] of v) {
    if (keys.length === n && !(w > weights[n - 1]!)) continue;
    let at = keys.length;
    while (at > 0 && w > weights[at - 1]!) at--;
    keys.splice(at, 0, k);
    weights.splice(at, 0, w);
    if (keys.length > n) {
      keys.pop();
      weights.pop();
    }
  }
  return keys;
}
