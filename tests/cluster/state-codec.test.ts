import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, StateFormatError } from '../../src/cluster/state-codec.js';

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
});
