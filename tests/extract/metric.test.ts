import { describe, expect, it } from 'vitest';
import { pagePrecision, pageRecall, scorePage, summarise, tokenize } from '../../bench/extract/metric.js';

// The benchmark scorer reimplemented for bench:extract: checked here on hand-worked cases.
describe('benchmark metric', () => {
  it('tokenises on Unicode word characters, splitting at combining marks as Python does', () => {
    expect(tokenize("L’été, c'est 2019_x!")).toEqual(['L', 'été', 'c', 'est', '2019_x']);
    expect(tokenize('قالَ')).toEqual(['قال']);
  });

  it('counts 4-token shingles as multisets, normalised per page', () => {
    const s = scorePage('a b c d e', 'a b c d x');
    // truth shingles: abcd, bcde; predicted: abcd, bcdx
    expect(s).toEqual({ tp: 1 / 3, fp: 1 / 3, fn: 1 / 3, exact: false });
    expect(pagePrecision(s)).toBeCloseTo(0.5);
    expect(pageRecall(s)).toBeCloseTo(0.5);
  });

  it('treats an identical token list as exact and a short text as one shingle', () => {
    expect(scorePage('One, two.', 'one two')).toMatchObject({ exact: false, tp: 0 });
    const same = scorePage('One, two.', 'One two');
    expect(same).toMatchObject({ exact: true, fp: 0, fn: 0 });
    expect(pagePrecision(same)).toBe(1);
  });

  it('averages precision and recall over pages and takes F1 of the averages', () => {
    const s = summarise([scorePage('a b c d e', 'a b c d e'), scorePage('a b c d e', '')]);
    expect(s.precision).toBe(1); // the empty prediction has tp+fp = 0: left out of precision
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo(2 / 3);
    expect(s.accuracy).toBe(0.5);
  });
});
