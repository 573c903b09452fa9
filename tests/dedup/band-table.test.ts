import { describe, expect, it } from 'vitest';
import { BandTable } from '../../src/dedup/band-table.js';
import { fmix32 } from '../../src/dedup/hash.js';

describe('band table', () => {
  it('gives every key its slots in the order added, as a map of arrays does, through growth and colliding keys', () => {
    const table = new BandTable(4, 4);
    const reference = new Map<number, number[]>();
    // Keys that share their low bits (same start position), keys at the unsigned extremes, and
    // keys drawn again, so that chains grow while the table doubles several times.
    const keys = [0, 0xffffffff, 0x80000000, 1, 1 + 1024, 1 + 2048, ...Array.from({ length: 3000 }, (_, i) => fmix32(i % 1200))];
    keys.forEach((key, slot) => {
      table.add(key, slot);
      reference.set(key, [...(reference.get(key) ?? []), slot]);
    });
    for (const [key, slots] of reference) expect(table.slots(key)).toEqual(slots);
    expect(table.slots(12345)).toEqual([]);
    expect([...reference.values()].some((s) => s.length >= 3)).toBe(true);
  });
});
