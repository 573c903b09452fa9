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
  /** Entries sharing at least one LSH band with `bands`, published at or after `since`. */
  byBands(bands: readonly string[], since: number): Promise<DuplicateEntry[]>;
  add(entry: DuplicateEntry, bands: readonly string[]): Promise<void>;
}

// 16 bands of 4 rows: pairs above ~0.5 Jaccard share a band with high probability (1-(1-s^4)^16).
export const BANDS = 16;
const ROWS = SIGNATURE / BANDS;

export function bandKeys(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b;
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ sig[b * ROWS + r]!);
    out.push(`${b}:${h.toString(36)}`);
  }
  return out;
}

/**
 * In-memory index. Entries older than the window are dropped now and then, so lookups cost the same
 * however many articles were ever seen (the copies we look for appear within days of the original).
 */
export class MemoryDuplicateIndex implements DuplicateIndex {
  private hashes = new Map<string, DuplicateEntry[]>();
  private bands = new Map<string, DuplicateEntry[]>();
  private latest = -Infinity;
  private adds = 0;

  constructor(private readonly windowMs = 30 * 86_400_000) {}

  async byHash(hash: string, since: number): Promise<DuplicateEntry[]> {
    return (this.hashes.get(hash) ?? []).filter((e) => e.at >= since);
  }

  async byBands(bands: readonly string[], since: number): Promise<DuplicateEntry[]> {
    const out = new Set<DuplicateEntry>();
    for (const b of bands) for (const e of this.bands.get(b) ?? []) if (e.at >= since) out.add(e);
    return [...out];
  }

  async add(entry: DuplicateEntry, bands: readonly string[]): Promise<void> {
    push(this.hashes, entry.hash, entry);
    for (const b of bands) push(this.bands, b, entry);
    this.latest = Math.max(this.latest, entry.at);
    if (++this.adds % 5000 === 0) this.sweep(this.latest - this.windowMs);
  }

  private sweep(since: number): void {
    const keep = (map: Map<string, DuplicateEntry[]>) => {
      const next = new Map<string, DuplicateEntry[]>();
      for (const [k, list] of map) {
        const kept = list.filter((e) => e.at >= since);
        if (kept.length > 0) next.set(k, kept);
      }
      return next;
    };
    this.hashes = keep(this.hashes);
    this.bands = keep(this.bands);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export { estimatedJaccard };
