import { DEFAULT_DUPLICATE_OPTIONS, findDuplicate, type DuplicateIndex, type DuplicateOptions } from '../dedup/index.js';
import type { DocumentFrequencies } from './document-frequency.js';
import type { EventIndex } from './event-index.js';
import { addMember, mergeInto, newEvent, type Centroid, type EventMember, type EventState } from './event-state.js';
import { DEFAULT_FEATURE_OPTIONS, rawFeatures, weigh, type FeatureOptions, type WeightedFeatures } from './features.js';
import { DEFAULT_SIMILARITY_OPTIONS, sharedFeatures, similarity, type SimilarityOptions } from './similarity.js';
import { topFeatures } from './sparse-vector.js';
import type { Assignment, ClusterArticle, Why } from './types.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * The decisions' version: raise it with any change that makes the same stream decide differently
 * (scoring, features, candidates, duplicates). Saved states name it, and another version's state is
 * not resumed (its decisions would not be this version's).
 */
export const CLUSTERER_VERSION = 1;

export interface ClustererOptions {
  /** Two events whose centroids are this close after an update are one event. */
  mergeThreshold: number;
  /** Features of an article used to look up candidates (text, neutral). */
  queryText: number;
  queryNeutral: number;
  /** Candidates scored in full, best index hits first: bounds the cost per article. */
  maxCandidates: number;
  similarity: SimilarityOptions;
  features: FeatureOptions;
  duplicates: DuplicateOptions;
}

export const DEFAULT_CLUSTERER_OPTIONS: ClustererOptions = {
  mergeThreshold: 0.3,
  queryText: 12,
  queryNeutral: 10,
  maxCandidates: 40,
  similarity: DEFAULT_SIMILARITY_OPTIONS,
  features: DEFAULT_FEATURE_OPTIONS,
  duplicates: DEFAULT_DUPLICATE_OPTIONS,
};

export interface ClustererDeps {
  vocabulary: Vocabulary;
  events: EventIndex;
  frequencies: DocumentFrequencies;
  duplicates: DuplicateIndex;
  /** Time of an article without a publication date. */
  now?: () => Date;
}

function centroidCosine(a: Centroid, b: Centroid): number {
  if (a.sq <= 0 || b.sq <= 0) return 0;
  const [small, large] = a.sum.size <= b.sum.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [f, w] of small.sum) {
    const x = large.sum.get(f);
    if (x !== undefined) dot += w * x;
  }
  return dot / Math.sqrt(a.sq * b.sq);
}

/**
 * Online event assignment: each article joins the best open event or starts one, and the past is
 * never re-clustered. Assignments are serialised (one at a time per clusterer): the decision for an
 * article depends on every earlier one, so two racing decisions could both start the same event.
 */
export class Clusterer {
  private readonly options: ClustererOptions;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: ClustererDeps,
    options: Partial<ClustererOptions> = {},
  ) {
    this.options = { ...DEFAULT_CLUSTERER_OPTIONS, ...options, similarity: { ...DEFAULT_CLUSTERER_OPTIONS.similarity, ...options.similarity } };
  }

  assign(article: ClusterArticle): Promise<Assignment> {
    const run = this.queue.then(() => this.decide(article));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async decide(article: ClusterArticle): Promise<Assignment> {
    const { events, frequencies, duplicates, vocabulary } = this.deps;
    const o = this.options;
    const at = (article.published ?? this.deps.now?.() ?? new Date()).getTime();
    const raw = rawFeatures(article, vocabulary, o.features);
    const dup = await findDuplicate({ id: article.id, url: article.url, at }, raw.tokens, duplicates, o.duplicates);
    frequencies.add([...raw.terms.keys(), ...raw.neutral.keys()]);
    const vectors = weigh(raw, frequencies);
    const position = frequencies.documents();
    const member = (score: number, duplicateOf: string | null): EventMember => ({
      articleId: article.id,
      url: article.url,
      title: article.title,
      outlet: article.outlet,
      language: raw.language,
      at,
      score,
      duplicateOf,
    });
    const posted = [...topFeatures(vectors.text, o.queryText), ...vectors.neutral.keys()];

    // A copy goes where its original went: it adds an outlet, not a new account.
    if (dup.original) {
      const originalEvent = await events.eventOfArticle(dup.original.id);
      const event = originalEvent ? await events.get(originalEvent) : undefined;
      if (event) {
        const s = similarity(vectors, raw.language, at, position, event, o.similarity);
        const why = this.explain(vectors, event, s.score, s.parts);
        addMember(event, member(s.score, dup.original.url), vectors, position);
        await events.save(event, posted);
        await events.linkArticle(article.id, event.id);
        await duplicates.add(dup.entry, dup.bands);
        return { eventId: event.id, created: false, score: s.score, why, duplicateOf: dup.original.url, merged: [] };
      }
    }

    const query = [
      ...topFeatures(vectors.text, o.queryText).map((f) => ({ feature: f, weight: vectors.text.get(f)! })),
      ...topFeatures(vectors.neutral, o.queryNeutral).map((f) => ({ feature: f, weight: vectors.neutral.get(f)! })),
    ];
    const found = (await events.candidates(query, at)).sort((a, b) => b.hits - a.hits).slice(0, o.maxCandidates);
    let best: { event: EventState; score: number; parts: Why['parts'] } | null = null;
    const passing: EventState[] = [];
    for (const { event } of found) {
      const s = similarity(vectors, raw.language, at, position, event, o.similarity);
      if (s.score < 1) continue;
      passing.push(event);
      if (!best || s.score > best.score) best = { event, score: s.score, parts: s.parts };
    }

    const duplicateOf = dup.original?.url ?? null;
    if (!best) {
      const event = newEvent(events.newId(article.id), at);
      addMember(event, member(1, duplicateOf), vectors, position);
      await events.save(event, posted);
      await events.linkArticle(article.id, event.id);
      await duplicates.add(dup.entry, dup.bands);
      const why: Why = { terms: topFeatures(vectors.text, 5), keys: topFeatures(vectors.neutral, 5), score: 0, parts: { text: 0, keys: 0, time: 1, sameLanguage: false, otherAction: false } };
      return { eventId: event.id, created: true, score: 0, why, duplicateOf, merged: [] };
    }

    const why = this.explain(vectors, best.event, best.score, best.parts);
    const target = best.event;
    addMember(target, member(best.score, duplicateOf), vectors, position);
    const merged: string[] = [];
    let survivor = target;
    // The new article may bridge two events that were one story told two ways: merge them now.
    for (const other of passing) {
      if (other === target) continue;
      const close = 0.5 * centroidCosine(survivor.text, other.text) + 0.5 * centroidCosine(survivor.neutral, other.neutral);
      if (close < o.mergeThreshold) continue;
      const [into, from] = survivor.members.length >= other.members.length ? [survivor, other] : [other, survivor];
      mergeInto(into, from, at);
      await events.retire(from.id, into.id);
      merged.push(from.id);
      survivor = into;
    }
    await events.save(survivor, [...posted, ...(merged.length > 0 ? topFeatures(survivor.text.sum, 30) : [])]);
    await events.linkArticle(article.id, survivor.id);
    await duplicates.add(dup.entry, dup.bands);
    return { eventId: survivor.id, created: false, score: best.score, why, duplicateOf, merged };
  }

  private explain(vectors: WeightedFeatures, event: EventState, score: number, parts: Why['parts']): Why {
    const shared = sharedFeatures(vectors, event, 5);
    return { terms: shared.terms, keys: shared.keys, score, parts };
  }
}
