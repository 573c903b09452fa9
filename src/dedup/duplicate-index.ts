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
  byHash(hash: string): Promise<DuplicateEntry[]>;
  /** Entries sharing at least one LSH band with `bands`. */
  byBands(bands: readonly string[]): Promise<DuplicateEntry[]>;
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

export class MemoryDuplicateIndex implements DuplicateIndex {
  private readonly hashes = new Map<string, DuplicateEntry[]>();
  private readonly bands = new Map<string, DuplicateEntry[]>();

  async byHash(hash: string): Promise<DuplicateEntry[]> {
    return this.hashes.get(hash) ?? [];
  }

  async byBands(bands: readonly string[]): Promise<DuplicateEntry[]> {
    const out = new Set<DuplicateEntry>();
    for (const b of bands) for (const e of this.bands.get(b) ?? []) out.add(e);
    return [...out];
  }

  async add(entry: DuplicateEntry, bands: readonly string[]): Promise<void> {
    push(this.hashes, entry.hash, entry);
    for (const b of bands) push(this.bands, b, entry);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export { estimatedJaccard };
