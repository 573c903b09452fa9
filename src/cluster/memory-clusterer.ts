import { MemoryDuplicateIndex } from '../dedup/index.js';
import { Clusterer, type ClustererOptions } from './clusterer.js';
import { MemoryDocumentFrequencies } from './document-frequency.js';
import { MemoryEventIndex } from './event-index.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * A clusterer with its whole state in memory: the worker's decider, `parallax cluster` and the
 * benchmark all start from this, so they make the same decisions on the same stream.
 */
export function memoryClusterer(vocabulary: Vocabulary, options: Partial<ClustererOptions> = {}): { clusterer: Clusterer; index: MemoryEventIndex } {
  const index = new MemoryEventIndex();
  const clusterer = new Clusterer(
    { vocabulary, events: index, frequencies: new MemoryDocumentFrequencies(), duplicates: new MemoryDuplicateIndex() },
    options,
  );
  return { clusterer, index };
}
