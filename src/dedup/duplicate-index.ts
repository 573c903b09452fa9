import { BandTable } from './band-table.js';
import { grown } from './grown.js';
import { SIGNATURE, estimatedJaccard } from './minhash.js';
import { fmix32 } from './hash.js';

/** What the duplicate finder remembers of an article. */
export interface DuplicateEntry {
  id: string;
  url: string;
  /** ms since the epoch; the earliest of a set of copies is the original. */
  at: number;
  hash: string;
  signature: Uint32Array | null;
}

/**
 * Storage of duplicate-detection state. In memory for tests and the benchmark; the store implements
 * the same contract later (bands as an indexed table).
 */
export interface DuplicateIndex {
  /** Entries with this content hash published at or after `since` (ms). */
  byHash(hash: string, since: number): Promise<DuplicateEntry[]>;
  /** Entries sharing at least one LSH band with `bands` (`bandKeys`), published at or after `since`. */
  byBands(bands: readonly number[], since: number): Promise<DuplicateEntry[]>;
  add(entry: DuplicateEntry, bands: readonly number[]): Promise<void>;
}

// 16 bands of 4 rows: pairs above ~0.5 Jaccard share a band with high probability (1-(1-s^4)^16).
export const BANDS = 16;
const ROWS = SIGNATURE / BANDS;

/** One key per band, band `b` at index `b`: a number, so a window of articles holds no key strings. */
export function bandKeys(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b;
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ sig[b * ROWS + r]!);
    out.push(h);
  }
  return out;
}

/**
 * What a MemoryDuplicateIndex holds, as plain data (a snapshot): its entries in the order they
 * were added, as columns (one array of all signatures: a window of 80,000 articles is then one
 * typed array, not 80,000). A snapshot of an earlier version holds `entries`, one object each.
 */
export interface DuplicateIndexState {
  columns?: DuplicateColumns;
  entries?: DuplicateEntry[];
  latest: number;
  adds: number;
}

/** Entries as columns: entry i is ids[i], urls[i]... and signatures[i * SIGNATURE...] if signed[i]. */
export interface DuplicateColumns {
  ids: string[];
  urls: string[];
  hashes: string[];
  times: number[];
  signed: Uint8Array;
  signatures: Uint32Array;
}

export interface MemoryDuplicateIndexOptions {
  /** Entries older than this (ms) before the latest one are dropped at the next sweep. */
  windowMs: number;
  /** Entries added between two sweeps. */
  sweepEvery: number;
  /** Told of the articles a sweep dropped: nothing can find them as an original any more. */
  onDrop?: (ids: string[]) => void;
}

export const DEFAULT_DUPLICATE_INDEX_OPTIONS: MemoryDuplicateIndexOptions = { windowMs: 30 * 86_400_000, sweepEvery: 5000 };

/**
 * In-memory index. Entries older than the window are dropped now and then, so lookups cost the same
 * however many articles were ever seen (the copies we look for appear within days of the original).
 * Sweeps follow the number of entries added, never the clock, so a replay drops the same entries.
 * Entries are held as columns by slot, in the order added, and found through a table per band
 * (BandTable) and a map of content hashes; a sweep renumbers the slots it keeps, in order.
 */
export class MemoryDuplicateIndex implements DuplicateIndex {
  private columns = emptyColumns(0);
  private count = 0;
  /** Content hash to the slots holding it (one slot without an array: the usual case). */
  private hashes = new Map<string, number | number[]>();
  private bands = newBandTables(0);
  private latest = -Infinity;
  private adds = 0;
  private readonly options: MemoryDuplicateIndexOptions;

  constructor(options: Partial<MemoryDuplicateIndexOptions> = {}) {
    this.options = { ...DEFAULT_DUPLICATE_INDEX_OPTIONS, ...options };
  }

  async byHash(hash: string, since: number): Promise<DuplicateEntry[]> {
    const slots = this.hashes.get(hash);
    if (slots === undefined) return [];
    return (typeof slots === 'number' ? [slots] : slots).filter((s) => this.columns.times[s]! >= since).map((s) => this.entryAt(s));
  }

  async byBands(bands: readonly number[], since: number): Promise<DuplicateEntry[]> {
    const found = new Set<number>();
    bands.forEach((key, b) => {
      for (const s of this.bands[b]!.slots(key)) if (this.columns.times[s]! >= since) found.add(s);
    });
    return [...found].map((s) => this.entryAt(s));
  }

  async add(entry: DuplicateEntry, bands: readonly number[]): Promise<void> {
    this.insert(entry, bands);
    this.latest = Math.max(this.latest, entry.at);
    if (++this.adds % this.options.sweepEvery === 0) this.sweep(this.latest - this.options.windowMs);
  }

  /** Number of entries held (for tests and the benchmark). */
  size(): number {
    return this.count;
  }

  snapshot(): DuplicateIndexState {
    const c = this.columns;
    const n = this.count;
    return {
      columns: { ids: c.ids.slice(0, n), urls: c.urls.slice(0, n), hashes: c.hashes.slice(0, n), times: c.times.slice(0, n), signed: c.signed.slice(0, n), signatures: c.signatures.slice(0, n * SIGNATURE) },
      latest: this.latest,
      adds: this.adds,
    };
  }

  /**
   * Puts back a snapshot's entries, in their order. Their bands are computed again from their
   * signatures, as findDuplicate computed them when they were added.
   */
  restore(state: DuplicateIndexState): void {
    if (state.columns) {
      // The snapshot's columns are taken as they are (a copy would hold the window twice while starting).
      const c = state.columns;
      this.columns = c;
      this.count = c.ids.length;
      this.hashes = new Map();
      this.bands = newBandTables(this.count);
      for (let slot = 0; slot < this.count; slot++) {
        this.indexSlot(slot, c.hashes[slot]!, c.signed[slot] ? bandKeys(c.signatures.subarray(slot * SIGNATURE, (slot + 1) * SIGNATURE)) : []);
      }
    } else {
      const entries = state.entries!;
      this.reset(entries.length);
      for (const e of entries) this.insert(e, e.signature ? bandKeys(e.signature) : []);
    }
    this.latest = state.latest;
    this.adds = state.adds;
  }

  private reset(expected: number): void {
    this.columns = emptyColumns(expected);
    this.count = 0;
    this.hashes = new Map();
    this.bands = newBandTables(expected);
  }

  private entryAt(slot: number): DuplicateEntry {
    const c = this.columns;
    const signature = c.signed[slot] ? c.signatures.slice(slot * SIGNATURE, (slot + 1) * SIGNATURE) : null;
    return { id: c.ids[slot]!, url: c.urls[slot]!, at: c.times[slot]!, hash: c.hashes[slot]!, signature };
  }

  private insert(entry: DuplicateEntry, bands: readonly number[]): void {
    const slot = this.count++;
    const c = this.columns;
    c.ids[slot] = entry.id;
    c.urls[slot] = entry.url;
    c.hashes[slot] = entry.hash;
    c.times[slot] = entry.at;
    if (slot >= c.signed.length) {
      c.signed = grown(c.signed, slot + 1);
      c.signatures = grown(c.signatures, c.signed.length * SIGNATURE);
    }
    c.signed[slot] = entry.signature ? 1 : 0;
    if (entry.signature) c.signatures.set(entry.signature, slot * SIGNATURE);
    this.indexSlot(slot, entry.hash, bands);
  }

  /** Makes the entry in `slot` findable by its content hash and its bands. */
  private indexSlot(slot: number, hash: string, bands: readonly number[]): void {
    const held = this.hashes.get(hash);
    if (held === undefined) this.hashes.set(hash, slot);
    else if (typeof held === 'number') this.hashes.set(hash, [held, slot]);
    else held.push(slot);
    bands.forEach((key, b) => this.bands[b]!.add(key, slot));
  }

  private sweep(since: number): void {
    const all = columnEntries(this.columns, this.count);
    const kept = all.filter((e) => e.at >= since);
    const dropped = all.filter((e) => e.at < since).map((e) => e.id);
    if (dropped.length === 0) return;
    this.reset(kept.length);
    for (const e of kept) this.insert(e, e.signature ? bandKeys(e.signature) : []);
    this.options.onDrop?.(dropped);
  }
}

function emptyColumns(expected: number): DuplicateColumns {
  const n = Math.max(16, expected);
  return { ids: [], urls: [], hashes: [], times: [], signed: new Uint8Array(n), signatures: new Uint32Array(n * SIGNATURE) };
}

/** The entries of columns, their signatures as views of the columns' array. */
function columnEntries(c: DuplicateColumns, count = c.ids.length): DuplicateEntry[] {
  return c.ids.slice(0, count).map((id, i) => ({ id, url: c.urls[i]!, at: c.times[i]!, hash: c.hashes[i]!, signature: c.signed[i] ? c.signatures.subarray(i * SIGNATURE, (i + 1) * SIGNATURE) : null }));
}

const newBandTables = (expected: number) => Array.from({ length: BANDS }, () => new BandTable(expected, expected));

export { estimatedJaccard };
