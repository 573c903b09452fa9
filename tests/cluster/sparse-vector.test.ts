import { describe, expect, it } from 'vitest';
import { topFeatures } from '../../src/cluster/sparse-vector.js';

/** The definition: a stable sort by weight, heaviest first, cut at n. */
function bySort(v: Map<string, number>, n: number): string[] {
  return [...v.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k]) => k);
}

describe('topFeatures', () => {
  it('gives what a stable sort gives, ties in the vector order, for any n', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let trial = 0; trial < 500; trial++) {
      const v = new Map<string, number>();
      // Few distinct weights, so ties are common.
      for (let i = 0, size = Math.floor(next() * 40); i < size; i++) v.set(`f${i}`, Math.floor(next() * 6) / 4);
      for (const n of [0, 1, 3, 12, 50]) expect(topFeatures(v, n)).toEqual(bySort(v, n));
    }
    expect(topFeatures(new Map([['a', 1], ['b', 3], ['c', 3], ['d', 2]]), 3)).toEqual(['b', 'c', 'd']);
  });
});
