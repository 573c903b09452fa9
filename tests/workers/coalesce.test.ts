import { describe, expect, test } from 'vitest';
import { coalesced } from '../../workers/coalesce.js';

/** A run that waits until released, recording what it was started with and what had been called before it started. */
function gatedRuns() {
  const runs: { arg: number; callsBefore: number; release: () => void; fail: (e: Error) => void }[] = [];
  let calls = 0;
  const run = (arg: number) => new Promise<void>((release, fail) => runs.push({ arg, callsBefore: calls, release, fail }));
  return { runs, run, called: () => calls++ };
}

describe('coalesced calls', () => {
  test('calls made while a run is in flight share one later run, started after all of them', async () => {
    const g = gatedRuns();
    const call = coalesced(g.run);
    const settled: number[] = [];
    const first = (g.called(), call(1)).then(() => settled.push(1));
    const joined = [2, 3, 4].map((n) => (g.called(), call(n)).then(() => settled.push(n)));
    expect(g.runs.map((r) => r.arg)).toEqual([1]);
    g.runs[0]!.release();
    await first;
    // The waiting calls are not answered by the run that began before them.
    expect(settled).toEqual([1]);
    await new Promise((r) => setImmediate(r));
    expect(g.runs.map((r) => r.arg)).toEqual([1, 2]);
    expect(g.runs[1]!.callsBefore).toBe(4);
    g.runs[1]!.release();
    await Promise.all(joined);
    expect(settled.sort()).toEqual([1, 2, 3, 4]);
    // Idle again: the next call runs at once.
    void call(5);
    expect(g.runs.map((r) => r.arg)).toEqual([1, 2, 5]);
  });

  test('a failed run fails its callers only; the next run still goes', async () => {
    const g = gatedRuns();
    const call = coalesced(g.run);
    const first = call(1);
    const second = call(2);
    g.runs[0]!.fail(new Error('redis down'));
    await expect(first).rejects.toThrow('redis down');
    await new Promise((r) => setImmediate(r));
    g.runs[1]!.release();
    await expect(second).resolves.toBeUndefined();
  });
});
