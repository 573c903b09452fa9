import { grown } from './grown.js';

/**
 * A multimap from 32-bit keys to slots (small integers), in typed arrays: keys by open addressing
 * with linear probing, and each key's slots chained newest first. A duplicate window of 80,000
 * articles holds 16 band keys each; in Maps those cost about 50 bytes apiece, here about 14.
 * Nothing is removed: the owner builds a new table when it drops slots.
 */
export class BandTable {
  private keys: Uint32Array;
  /** The newest slot under the key at each position; -1: the position is free. */
  private heads: Int32Array;
  /** The slot added before each slot under the same key; -1: the first. */
  private next: Int32Array;
  private used = 0;

  constructor(keys = 1024, slots = 1024) {
    const capacity = powerOfTwoAtLeast(keys / MAX_LOAD);
    this.keys = new Uint32Array(capacity);
    this.heads = new Int32Array(capacity).fill(-1);
    this.next = new Int32Array(Math.max(16, slots)).fill(-1);
  }

  add(key: number, slot: number): void {
    if (slot >= this.next.length) this.next = grown(this.next, slot + 1, -1);
    const at = this.position(key);
    this.next[slot] = this.heads[at]!;
    if (this.heads[at] === -1) {
      this.keys[at] = key;
      this.used++;
    }
    this.heads[at] = slot;
    if (this.used > this.keys.length * MAX_LOAD) this.rehash();
  }

  /** The slots under `key`, in the order added. */
  slots(key: number): number[] {
    const out: number[] = [];
    for (let s = this.heads[this.position(key)]!; s !== -1; s = this.next[s]!) out.push(s);
    return out.reverse();
  }

  /** Where `key` is, or the free position where it would go. */
  private position(key: number): number {
    const mask = this.keys.length - 1;
    let at = key & mask;
    while (this.heads[at] !== -1 && this.keys[at] !== key) at = (at + 1) & mask;
    return at;
  }

  private rehash(): void {
    const { keys, heads } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.heads = new Int32Array(keys.length * 2).fill(-1);
    for (let i = 0; i < keys.length; i++) {
      if (heads[i] === -1) continue;
      const at = this.position(keys[i]!);
      this.keys[at] = keys[i]!;
      this.heads[at] = heads[i]!;
    }
  }
}

/** Share of positions used beyond which the table doubles: probes stay short. */
const MAX_LOAD = 0.75;

function powerOfTwoAtLeast(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}
