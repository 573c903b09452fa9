import { finalEventIds, memoryClusterer, type Assignment, type Clusterer, type ClustererOptions, type MemoryEventIndex, type Vocabulary } from '../../src/cluster/index.js';
import type { Labelled } from './headlines.js';

export interface Run {
  assignments: Assignment[];
  clusterer: Clusterer;
  index: MemoryEventIndex;
  seconds: number;
}

/** Streams a labelled set through a fresh in-memory clusterer, one article at a time. */
export async function runStream(items: readonly Labelled[], vocabulary: Vocabulary, options: Partial<ClustererOptions> = {}): Promise<Run> {
  const { clusterer, index } = memoryClusterer(vocabulary, options);
  const assignments: Assignment[] = [];
  const start = process.hrtime.bigint();
  for (const { article } of items) assignments.push(await clusterer.assign(article));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { assignments, clusterer, index, seconds };
}

/** Final event of each article: merges after an assignment move earlier articles too. */
export async function finalEvents(run: Run, _items: readonly Labelled[]): Promise<string[]> {
  return finalEventIds(run.assignments);
}
