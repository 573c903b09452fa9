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

/** Heaviest features first. */
export function topFeatures(v: SparseVector, n: number): string[] {
  return [...v.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k]) => k);
}
