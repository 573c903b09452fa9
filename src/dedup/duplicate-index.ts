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

/** The entries under one key: most keys hold one article, so it is held without an array. */
type Bucket = DuplicateEntry | DuplicateEntry[];
const bucketEntries = (bucket: Bucket | undefined): readonly DuplicateEntry[] => (bucket === undefined ? [] : Array.isArray(bucket) ? bucket : [bucket]);

/** What a MemoryDuplicateIndex holds, as plain data (a snapshot): entries in the order they were added. */
export interface DuplicateIndexState {
  entries: DuplicateEntry[];
  latest: number;
  adds: number;
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
 */
export class MemoryDuplicateIndex implements DuplicateIndex {
  private hashes = new Map<string, Bucket>();
  /** One map per band, from its key to the entries under it. */
  private bands = newBandMaps();
  /** Every entry held, in the order added: each list above is in this order too. */
  private entries: DuplicateEntry[] = [];
  private latest = -Infinity;
  private adds = 0;
  private readonly options: MemoryDuplicateIndexOptions;

  constructor(options: Partial<MemoryDuplicateIndexOptions> = {}) {
    this.options = { ...DEFAULT_DUPLICATE_INDEX_OPTIONS, ...options };
  }

  async byHash(hash: string, since: number): Promise<DuplicateEntry[]> {
    return bucketEntries(this.hashes.get(hash)).filter((e) => e.at >= since);
  }

  async byBands(bands: readonly number[], since: number): Promise<DuplicateEntry[]> {
    const out = new Set<DuplicateEntry>();
    bands.forEach((key, b) => {
      for (const e of bucketEntries(this.bands[b]!.get(key))) if (e.at >= since) out.add(e);
    });
    return [...out];
  }

  async add(entry: DuplicateEntry, bands: readonly number[]): Promise<void> {
    this.insert(entry, bands);
    this.latest = Math.max(this.latest, entry.at);
    if (++this.adds % this.options.sweepEvery === 0) this.sweep(this.latest - this.options.windowMs);
  }

  /** Number of entries held (for tests and the benchmark). */
  size(): number {
    return this.entries.length;
  }

  snapshot(): DuplicateIndexState {
    return { entries: [...this.entries], latest: this.latest, adds: this.adds };
  }

  /**
   * Puts back a snapshot's entries, in their order. Their bands are computed again from their
   * signatures, as findDuplicate computed them when they were added.
   */
  restore(state: DuplicateIndexState): void {
    this.hashes = new Map();
    this.bands = newBandMaps();
    this.entries = [];
    for (const e of state.entries) this.insert(e, e.signature ? bandKeys(e.signature) : []);
    this.latest = state.latest;
    this.adds = state.adds;
  }

  private insert(entry: DuplicateEntry, bands: readonly number[]): void {
    push(this.hashes, entry.hash, entry);
    bands.forEach((key, b) => push(this.bands[b]!, key, entry));
    this.entries.push(entry);
  }

  private sweep(since: number): void {
    const keep = <K>(map: Map<K, Bucket>) => {
      const next = new Map<K, Bucket>();
      for (const [k, bucket] of map) {
        const kept = bucketEntries(bucket).filter((e) => e.at >= since);
        if (kept.length > 0) next.set(k, kept.length === 1 ? kept[0]! : kept);
      }
      return next;
    };
    this.hashes = keep(this.hashes);
    this.bands = this.bands.map(keep);
    const dropped = this.entries.filter((e) => e.at < since).map((e) => e.id);
    this.entries = this.entries.filter((e) => e.at >= since);
    if (dropped.length > 0) this.options.onDrop?.(dropped);
  }
}

const newBandMaps = () => Array.from({ length: BANDS }, () => new Map<number, Bucket>());

function push<K>(map: Map<K, Bucket>, key: K, entry: DuplicateEntry): void {
  const bucket = map.get(key);
  if (bucket === undefined) map.set(key, entry);
  else if (Array.isArray(bucket)) bucket.push(entry);
  else map.set(key, [bucket, entry]);
}

export { estimatedJaccard };
