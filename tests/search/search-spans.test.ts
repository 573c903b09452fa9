import { describe, expect, it } from 'vitest';
import { searchSpans } from '../../src/store/search-repo.js';

const day = (d: string) => new Date(`2026-12-${d}T00:00:00Z`);

describe('searchSpans: newest first, widening, cut to the filter', () => {
  it('steps back by the lookback days and ends with the rest of the store', () => {
    const spans = searchSpans(day('10'), [1, 3], undefined, undefined);
    expect(spans).toEqual([{ from: day('09') }, { from: day('07'), to: day('09') }, { to: day('07') }]);
  });

  it('stops at `since`, and starts at `until`', () => {
    const spans = searchSpans(day('10'), [1, 3, 7], day('08'), day('10'));
    expect(spans).toEqual([
      { from: day('09'), to: day('10') },
      { from: day('08'), to: day('09') },
    ]);
  });

  it('a `since` older than every span ends the last one there', () => {
    expect(searchSpans(day('10'), [1], day('01'), undefined)).toEqual([{ from: day('09') }, { from: day('01'), to: day('09') }]);
  });
});
