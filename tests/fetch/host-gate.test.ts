import { describe, expect, test } from 'vitest';
import { HostGate } from '../../src/fetch/host-gate.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('HostGate', () => {
  test('holds the N+1th request of a host until one is released', async () => {
    const gate = new HostGate({ concurrency: 2, gapMs: 0 });
    const r1 = await gate.acquire('a');
    const r2 = await gate.acquire('a');
    let third = false;
    const p3 = gate.acquire('a').then((r) => ((third = true), r));
    // Another host is not affected.
    const other = await gate.acquire('b');
    await sleep(20);
    expect(third).toBe(false);
    expect(gate.stats('a')).toEqual({ active: 2, waiting: 1 });
    r1();
    r1(); // releasing twice must not free a second slot
    const r3 = await p3;
    expect(gate.stats('a')).toEqual({ active: 2, waiting: 0 });
    r2();
    r3();
    other();
    expect(gate.stats('a')).toEqual({ active: 0, waiting: 0 });
  });

  test('spaces request starts by the gap, in arrival order', async () => {
    const gate = new HostGate({ concurrency: 10, gapMs: 60 });
    const t0 = performance.now();
    const order: number[] = [];
    const times: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map((i) =>
        gate.acquire('a').then((release) => {
          order.push(i);
          times.push(performance.now() - t0);
          release();
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3]);
    expect(times[0]).toBeLessThan(30);
    // Measured where the waiters resume, so event-loop lag can shift one start by a few ms, the
    // first one's included (a loaded CI machine resumed it 6 ms late: 174 ms from first to last).
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(45);
    expect(times[3]! - times[0]!).toBeGreaterThanOrEqual(3 * 60 - 15);
  });

  test('a waiter whose signal aborts leaves the queue; close fails the rest', async () => {
    const gate = new HostGate({ concurrency: 1, gapMs: 0 });
    const held = await gate.acquire('a');
    const ctrl = new AbortController();
    const aborted = gate.acquire('a', ctrl.signal);
    const closed = gate.acquire('a');
    ctrl.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    expect(gate.stats('a').waiting).toBe(1);
    gate.close();
    await expect(closed).rejects.toThrow('HTTP client is closed');
    await expect(gate.acquire('b')).rejects.toThrow('HTTP client is closed');
    held();
  });
});
