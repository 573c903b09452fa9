import { describe, expect, it } from 'vitest';
import { bcubed } from '../../bench/cluster/bcubed.js';

describe('bcubed', () => {
  it('is perfect for the gold clustering, whatever the labels', () => {
    expect(bcubed(['a', 'a', 'b'], ['x', 'x', 'y'])).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
  it('matches a hand-computed case', () => {
    // Gold {1,2,3}{4}; predicted {1,2}{3,4}. Precision: 1,1,1/2,1/2 -> 0.75. Recall: 2/3,2/3,1/3,1 -> 2/3.
    const s = bcubed(['a', 'a', 'a', 'b'], ['x', 'x', 'y', 'y']);
    expect(s.precision).toBeCloseTo(0.75);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.f1).toBeCloseTo((2 * 0.75 * (2 / 3)) / (0.75 + 2 / 3));
  });
  it('gives singletons full precision and all-in-one full recall', () => {
    expect(bcubed(['a', 'a', 'b', 'b'], ['1', '2', '3', '4']).precision).toBe(1);
    expect(bcubed(['a', 'a', 'b', 'b'], ['1', '1', '1', '1']).recall).toBe(1);
  });
});
