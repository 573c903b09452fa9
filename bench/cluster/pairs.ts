import {
  addMember,
  candidateEvents,
  DEFAULT_CLUSTERER_OPTIONS,
  MemoryDocumentFrequencies,
  MemoryEventIndex,
  newEvent,
  pairFeatures,
  postedFeatures,
  rawFeatures,
  weigh,
  type EventState,
  type Vocabulary,
} from '../../src/cluster/index.js';
import type { Labelled } from './headlines.js';

export interface Pairs {
  xs: number[][];
  ys: number[];
}

/**
 * Labelled (article, candidate event) pairs from a gold stream: each article meets the candidates
 * the clusterer's own lookup would offer, with the events built from the gold partition so far
 * (teacher forcing), labelled 1 for its gold event and 0 for the others; then it joins its gold event.
 */
export async function goldPairs(items: readonly Labelled[], vocabulary: Vocabulary): Promise<Pairs> {
  const o = DEFAULT_CLUSTERER_OPTIONS;
  const index = new MemoryEventIndex();
  const frequencies = new MemoryDocumentFrequencies();
  const byGold = new Map<string, EventState>();
  const goldOf = new Map<string, string>();
  const out: Pairs = { xs: [], ys: [] };
  for (const { article, gold } of items) {
    const at = article.published!.getTime();
    const raw = rawFeatures(article, vocabulary, o.features);
    frequencies.add([...raw.terms.keys(), ...raw.neutral.keys()]);
    const vectors = weigh(raw, frequencies);
    const position = frequencies.documents();
    const side = { language: raw.language, at, words: raw.words };
    for (const event of await candidateEvents(index, vectors, at, o)) {
      out.xs.push(pairFeatures(vectors, side, event));
      out.ys.push(goldOf.get(event.id) === gold ? 1 : 0);
    }
    let event = byGold.get(gold);
    if (!event || at - event.lastUpdated > 7 * 86_400_000) {
      event = newEvent(`gold-${article.id}`, at);
      byGold.set(gold, event);
      goldOf.set(event.id, gold);
    }
    addMember(event, { articleId: article.id, url: article.url, title: article.title, outlet: article.outlet, language: raw.language, at, score: 1, duplicateOf: null }, vectors, position);
    await index.save(event, postedFeatures(vectors, o));
  }
  return out;
}
