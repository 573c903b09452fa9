import { createHash } from 'node:crypto';
import { DEFAULT_DUPLICATE_INDEX_OPTIONS, MemoryDuplicateIndex, type DuplicateIndexState, type MemoryDuplicateIndexOptions } from '../dedup/index.js';
import { CLUSTERER_VERSION, Clusterer, DEFAULT_CLUSTERER_OPTIONS, shippedDecision, type ClustererOptions } from './clusterer.js';
import { MemoryDocumentFrequencies, type DocumentFrequencyState } from './document-frequency.js';
import { DEFAULT_EVENT_INDEX_OPTIONS, MemoryEventIndex, type EventIndexState, type MemoryEventIndexOptions } from './event-index.js';
import type { Vocabulary } from './vocabulary.js';

/** The whole state of a memory clusterer, as plain data: what a snapshot holds. */
export interface ClustererSnapshot {
  events: EventIndexState;
  frequencies: DocumentFrequencyState;
  duplicates: DuplicateIndexState;
}

export interface MemoryClusterer {
  clusterer: Clusterer;
  index: MemoryEventIndex;
  frequencies: MemoryDocumentFrequencies;
  duplicates: MemoryDuplicateIndex;
  /**
   * Names what makes decisions: the clusterer's version and options, the windows, the vocabulary.
   * A state saved under another identity would decide differently from a replay: it is not used.
   */
  identity: string;
  snapshot(): ClustererSnapshot;
  restore(state: ClustererSnapshot): void;
}

export interface MemoryClustererOptions {
  events: Partial<MemoryEventIndexOptions>;
  duplicates: Partial<Omit<MemoryDuplicateIndexOptions, 'onDrop'>>;
}

/** Maps and Sets as sorted entries, so equal vocabularies give equal text whatever their order. */
function canonical(value: unknown): unknown {
  if (value instanceof Map) return [...value].map(([k, v]) => [k, canonical(v)]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  return value;
}

export function clustererIdentity(vocabulary: Vocabulary, options: Partial<ClustererOptions>, windows: MemoryClustererOptions): string {
  // The fitted decision is part of the options: a refit decides differently.
  const resolved = { ...DEFAULT_CLUSTERER_OPTIONS, ...options, decision: options.decision ?? shippedDecision() };
  const text = JSON.stringify(canonical({
    version: CLUSTERER_VERSION,
    options: resolved,
    events: { ...DEFAULT_EVENT_INDEX_OPTIONS, ...windows.events },
    duplicates: { ...DEFAULT_DUPLICATE_INDEX_OPTIONS, ...windows.duplicates },
    vocabulary: { keys: vocabulary.keys, phrases: vocabulary.phrases },
  }));
  return `v${CLUSTERER_VERSION}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/**
 * A clusterer with its whole state in memory: the worker's decider, `parallax cluster` and the
 * benchmark all start from this, so they make the same decisions on the same stream. The state is
 * bounded: the duplicate index drops articles older than its window, and the event index then
 * forgets their links and whatever closed event only they led to.
 */
export function memoryClusterer(vocabulary: Vocabulary, options: Partial<ClustererOptions> = {}, windows: Partial<MemoryClustererOptions> = {}): MemoryClusterer {
  const w: MemoryClustererOptions = { events: windows.events ?? {}, duplicates: windows.duplicates ?? {} };
  const index = new MemoryEventIndex(w.events);
  const frequencies = new MemoryDocumentFrequencies();
  const duplicates = new MemoryDuplicateIndex({ ...w.duplicates, onDrop: (ids) => index.forgetArticles(ids) });
  const clusterer = new Clusterer({ vocabulary, events: index, frequencies, duplicates }, options);
  return {
    clusterer,
    index,
    frequencies,
    duplicates,
    identity: clustererIdentity(vocabulary, options, w),
    snapshot: () => ({ events: index.snapshot(), frequencies: frequencies.snapshot(), duplicates: duplicates.snapshot() }),
    restore(state) {
      index.restore(state.events);
      frequencies.restore(state.frequencies);
      duplicates.restore(state.duplicates);
    },
  };
}
