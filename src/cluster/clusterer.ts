import { DEFAULT_DUPLICATE_OPTIONS, findDuplicate, type DuplicateIndex, type DuplicateOptions } from '../dedup/index.js';
import type { DocumentFrequencies } from './document-frequency.js';
import type { EventIndex } from './event-index.js';
import { addMember, mergeInto, newEvent, type Centroid, type EventMember, type EventState } from './event-state.js';
import { DEFAULT_FEATURE_OPTIONS, rawFeatures, weigh, type FeatureOptions, type WeightedFeatures } from './features.js';
import { joinBar, loadDecisionModel, pairFeatures, PAIR_FEATURES, probability, type ArticleSide, type DecisionModel } from './decision.js';
import { sharedFeatures } from './similarity.js';
import { topFeatures } from './sparse-vector.js';
import type { Assignment, ClusterArticle, Why } from './types.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * The decisions' version: raise it with any change that makes the same stream decide differently
 * (scoring, features, candidates, duplicates). Saved states name it, and another version's state is
 * not resumed (its decisions would not be this version's).
 */
export const CLUSTERER_VERSION = 4;

export interface ClustererOptions {
  /** Two events that both pass the merge bar for one article are one event if their centroids are this close. */
  mergeThreshold: number;
  /** Features of an article used to look up candidates (text, neutral). */
  queryText: number;
  queryNeutral: number;
  /** Candidates scored in full, best index hits first: bounds the cost per article. */
  maxCandidates: number;
  /** The decision fitted offline (config/cluster-model.json, written by `npm run fit:cluster`). */
  decision: DecisionModel;
  features: FeatureOptions;
  duplicates: DuplicateOptions;
}

/** The shipped options; the decision is read from config/cluster-model.json when a clusterer is made. */
export const DEFAULT_CLUSTERER_OPTIONS: Omit<ClustererOptions, 'decision'> = {
  mergeThreshold: 0.3,
  queryText: 12,
  queryNeutral: 10,
  maxCandidates: 40,
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
    this.options = { ...DEFAULT_CLUSTERER_OPTIONS, ...options, decision: options.decision ?? shippedDecision() };
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
    const side: ArticleSide = { language: raw.language, at, words: raw.words };
    const judge = (event: EventState) => judgePair(vectors, side, event, o.decision);
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
    const posted = postedFeatures(vectors, o);

    // A copy goes where its original went: it adds an outlet, not a new account.
    if (dup.original) {
      const originalEvent = await events.eventOfArticle(dup.original.id);
      const event = originalEvent ? await events.get(originalEvent) : undefined;
      if (event) {
        const s = judge(event);
        const why = this.explain(vectors, event, s.score, s.parts);
        addMember(event, member(s.score, dup.original.url), vectors, position);
        await events.save(event, posted);
        await events.linkArticle(article.id, event.id);
        await duplicates.add(dup.entry, dup.bands);
        return { eventId: event.id, created: false, score: s.score, why, duplicateOf: dup.original.url, merged: [] };
      }
    }

    const found = await candidateEvents(events, vectors, at, o);
    let best: { event: EventState; score: number; parts: Why['parts'] } | null = null;
    const passing: { event: EventState; p: number }[] = [];
    for (const event of found) {
      const s = judge(event);
      if (s.score < 1) continue;
      passing.push({ event, p: s.parts.probability });
      if (!best || s.score > best.score) best = { event, score: s.score, parts: s.parts };
    }

    const duplicateOf = dup.original?.url ?? null;
    if (!best) {
      const event = newEvent(events.newId(article.id), at);
      addMember(event, member(1, duplicateOf), vectors, position);
      await events.save(event, posted);
      await events.linkArticle(article.id, event.id);
      await duplicates.add(dup.entry, dup.bands);
      const why: Why = { terms: topFeatures(vectors.text, 5), keys: topFeatures(vectors.neutral, 5), score: 0, parts: { text: 0, keys: 0, time: 1, sameLanguage: false, otherAction: false, probability: 0 } };
      return { eventId: event.id, created: true, score: 0, why, duplicateOf, merged: [] };
    }

    const why = this.explain(vectors, best.event, best.score, best.parts);
    const target = best.event;
    addMember(target, member(best.score, duplicateOf), vectors, position);
    const merged: string[] = [];
    let survivor = target;
    // The new article may bridge two events that were one story told two ways: merge them now.
    for (const { event: other, p } of passing) {
      if (other === target || p < o.decision.merge) continue;
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

/** The features an event is posted under for an article it takes in: what later articles look it up by. */
export function postedFeatures(vectors: WeightedFeatures, o: Pick<ClustererOptions, 'queryText'>): string[] {
  return [...topFeatures(vectors.text, o.queryText), ...vectors.neutral.keys()];
}

/** Open events that share heavy features with the article, most shared first, at most `maxCandidates`. */
export async function candidateEvents(events: EventIndex, vectors: WeightedFeatures, at: number, o: Pick<ClustererOptions, 'queryText' | 'queryNeutral' | 'maxCandidates'>): Promise<EventState[]> {
  const query = [
    ...topFeatures(vectors.text, o.queryText).map((f) => ({ feature: f, weight: vectors.text.get(f)! })),
    ...topFeatures(vectors.neutral, o.queryNeutral).map((f) => ({ feature: f, weight: vectors.neutral.get(f)! })),
  ];
  const found = await events.candidates(query, at);
  // Ties broken by id: the index's iteration order must not decide which events are scored.
  found.sort((a, b) => b.hits - a.hits || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  return found.slice(0, o.maxCandidates).map((c) => c.event);
}

let shipped: DecisionModel | undefined;
/** The decision shipped in config/cluster-model.json, read once. */
export function shippedDecision(): DecisionModel {
  return (shipped ??= loadDecisionModel());
}

const ACTION_MISSING = PAIR_FEATURES.indexOf('actionMissing');
const SAME_LANGUAGE = PAIR_FEATURES.indexOf('sameLanguage');
const TIME_SCALE_DAYS = 7;

/**
 * The fitted decision on one pair. `score` is the probability relative to its join bar, so 1 means
 * "just enough"; the parts say what it was made of.
 */
function judgePair(vectors: WeightedFeatures, side: ArticleSide, event: EventState, model: DecisionModel): { score: number; parts: Why['parts'] } {
  const x = pairFeatures(vectors, side, event);
  const p = probability(model, x);
  const bar = joinBar(model, x);
  const gap = Math.max(0, side.at - event.lastUpdated, event.firstSeen - side.at) / 86_400_000;
  return {
    score: p / bar,
    parts: { text: x[0]!, keys: x[1]!, time: Math.exp(-gap / TIME_SCALE_DAYS), sameLanguage: x[SAME_LANGUAGE] === 1, otherAction: x[ACTION_MISSING]! > 0, probability: p },
  };
}
