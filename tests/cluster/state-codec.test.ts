import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, encodeStateParts, readState, StateFormatError } from '../../src/cluster/state-codec.js';

describe('state codec', () => {
  it('round-trips Maps, Sets, signatures and infinite numbers', () => {
    const value = { m: new Map([['fr:liber', new Map([['a', 0.5]])]]), s: new Set(['x']), sig: new Uint32Array([1, 2 ** 32 - 1]), latest: -Infinity, none: null };
    const back = decodeState<typeof value>(encodeState(value));
    expect(back).toEqual(value);
    expect(back.sig).toBeInstanceOf(Uint32Array);
  });

  it('copies each signature out of the snapshot, so none keeps the whole of it alive', () => {
    const sigs = Array.from({ length: 50 }, (_, i) => new Uint32Array(64).fill(i));
    const back = decodeState<Uint32Array[]>(encodeState(sigs));
    for (const [i, s] of back.entries()) {
      expect(s.buffer.byteLength).toBe(64 * 4);
      expect(s[63]).toBe(i);
    }
  });

  it('copies encoded parts (Buffers, as encodeState makes) out of the snapshot too', () => {
    const parts = Array.from({ length: 50 }, (_, i) => encodeState({ i, pad: 'x'.repeat(100) }));
    const back = decodeState<Uint8Array[]>(encodeState(parts));
    for (const [i, p] of back.entries()) {
      expect(p.buffer.byteLength).toBe(parts[i]!.byteLength);
      expect(decodeState<{ i: number }>(p).i).toBe(i);
    }
  });

  it('reads a gzipped state (format 2, as snapshots were written before) as well as a plain one', () => {
    const value = { m: new Map([['a', 1.5]]), sig: new Uint32Array([7, 8]) };
    const plain = encodeState(value);
    const gzipped = encodeState(value, { gzip: true });
    expect([plain[3], gzipped[3]]).toEqual([3, 2]);
    expect(decodeState(plain)).toEqual(value);
    expect(decodeState(gzipped)).toEqual(value);
  });

  it('refuses a snapshot of another format (gzipped JSON, as written before)', () => {
    const old = gzipSync(JSON.stringify({ events: { open: [] } }));
    expect(() => decodeState(old)).toThrow(StateFormatError);
    expect(() => decodeState(old)).toThrow(/format 1/);
  });

  describe('in parts (a snapshot)', () => {
    const value = {
      events: { open: Array.from({ length: 500 }, (_, i) => ({ id: `ev-${i}`, m: new Map([['a', i]]) })), closed: [] as unknown[], latest: -Infinity },
      frequencies: { total: 3, counts: new Map([['x', 2]]) },
      duplicates: { columns: { ids: Array.from({ length: 300 }, (_, i) => `a${i}`), signatures: new Uint32Array([1, 2, 3]) }, adds: 0 },
      empty: {},
    };
    const reader = (bytes: Uint8Array) => {
      const reads: number[] = [];
      const read = async (offset: number, length: number) => (reads.push(length), bytes.slice(offset, offset + length));
      return { reads, read };
    };

    it('round-trips what the whole encoding does, split by property and into runs of items', () => {
      const bytes = encodeStateParts(value, { partBytes: 2000 });
      expect(bytes[3]).toBe(4);
      expect(decodeState(bytes)).toEqual(value);
      expect(decodeState<typeof value>(bytes).duplicates.columns.signatures).toBeInstanceOf(Uint32Array);
    });

    it('reads a part at a time, never the whole state at once', async () => {
      const bytes = encodeStateParts(value, { partBytes: 2000 });
      const { reads, read } = reader(bytes);
      expect(await readState(bytes.byteLength, read)).toEqual(value);
      expect(reads.length).toBeGreaterThan(10);
      expect(Math.max(...reads)).toBeLessThan(bytes.byteLength / 4);
    });

    it('reads a snapshot of an earlier format whole', async () => {
      for (const bytes of [encodeState(value), encodeState(value, { gzip: true })]) {
        const { reads, read } = reader(bytes);
        expect(await readState(bytes.byteLength, read)).toEqual(value);
        expect(reads.at(-1)).toBe(bytes.byteLength);
      }
    });
  });
});
