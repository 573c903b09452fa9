import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SHIPPED } from '../shipped-files.js';
import type { Centroid, EventState } from './event-state.js';
import type { SparseVector } from './sparse-vector.js';
import type { WeightedFeatures } from './features.js';

/**
 * Kinds of language-neutral evidence whose agreement AND disagreement are measured apart: two
 * accounts of the same kind of event in the same region share keys, and differ on who, where, how
 * many and what happened. The order is part of the model's feature layout.
 */
const GROUPS = [
  ['name', (f: string) => f.startsWith('name:')],
  ['place', (f: string) => f.startsWith('k:place:')],
  ['number', (f: string) => f.startsWith('num:')],
  ['action', (f: string) => f.startsWith('k:action:')],
  ['key', (f: string) => f.startsWith('k:') && !f.startsWith('k:place:') && !f.startsWith('k:action:')],
] as const;

/**
 * `GROUPS` by prefix without a call per test: every candidate of every article classifies all the
 * features of both sides, so this runs more than anything else in the decision. It must agree with
 * `GROUPS` (tests/cluster/decision.test.ts checks it on each kind).
 */
export function groupOf(f: string): number {
  const c = f.charCodeAt(0);
  if (c === 110 /* n */) return f.startsWith('name:') ? 0 : f.startsWith('num:') ? 2 : -1;
  if (c !== 107 /* k */ || f.charCodeAt(1) !== 58 /* : */) return -1;
  if (f.startsWith('place:', 2)) return 1;
  if (f.startsWith('action:', 2)) return 3;
  return 4;
}

/** The slow reference for `groupOf`: the first of `GROUPS` whose test the feature passes. */
export function groupByTests(f: string): number {
  for (let g = 0; g < GROUPS.length; g++) if (GROUPS[g]![1](f)) return g;
  return -1;
}

const BASE_FEATURES = [
  'text',
  'keys',
  'keysIfOtherLanguage',
  'sameLanguage',
  'articleLength',
  'eventSize',
  'gapDays',
  'gapHours',
  ...GROUPS.flatMap(([g]) => [`${g}Shared`, `${g}Missing`, `${g}Unmatched`]),
];

/**
 * The features of an (article, candidate event) pair: each base feature twice, once as it is and
 * once when the article is a bare headline (a headline says far less than a full article, so the
 * same cosine means something else), and the headline flag itself.
 */
export const PAIR_FEATURES = [...BASE_FEATURES, ...BASE_FEATURES.map((f) => `${f}IfTitleOnly`), 'titleOnly'];

/** Content words at most in a "headline": the title and barely a sentence. */
const TITLE_ONLY_WORDS = 20;

/** What the decision knows of the article besides its vectors. */
export interface ArticleSide {
  language: string;
  at: number;
  /** Content words read (title and lead): a headline is not a full article. */
  words: number;
}

const DAY = 86_400_000;

/**
 * Cosine of an article's text with the part of an event's text centroid in the article's language
 * (terms are language-prefixed): an event told in three languages would otherwise dilute the
 * same-language accounts by the others' words, which the article cannot share anyway.
 */
function cosineWithinLanguage(v: SparseVector, c: Centroid, language: string): number {
  const sq = squaredNormWithin(c, language);
  if (sq <= 0) return 0;
  return dotInVectorOrder(entriesOf(v), c.sum) / Math.sqrt(sq);
}

/** A vector's features and weights as arrays, in the vector's order. */
interface VectorEntries {
  features: string[];
  weights: number[];
}

/**
 * Per article vector: the same article is paired with every candidate, and walking arrays is
 * cheaper than iterating a Map once per candidate. Vectors are not changed once weighed.
 */
const entriesCache = new WeakMap<SparseVector, VectorEntries>();

function entriesOf(v: SparseVector): VectorEntries {
  let cached = entriesCache.get(v);
  if (!cached) {
    cached = { features: [...v.keys()], weights: [...v.values()] };
    entriesCache.set(v, cached);
  }
  return cached;
}

/** Dot product added up in the vector's order, as a pass over the vector would (same rounding). */
function dotInVectorOrder(v: VectorEntries, sum: SparseVector): number {
  let dot = 0;
  for (let i = 0; i < v.features.length; i++) {
    const x = sum.get(v.features[i]!);
    if (x !== undefined) dot += v.weights[i]! * x;
  }
  return dot;
}

/** Cosine of a unit vector with a centroid, as `cosine` in event-state.ts computes it. */
function cosineOfEntries(v: VectorEntries, c: Centroid): number {
  if (c.sq <= 0) return 0;
  return dotInVectorOrder(v, c.sum) / Math.sqrt(c.sq);
}

/**
 * A centroid's squared norm in each language asked for, computed once per state of the centroid:
 * every candidate of every article asks for it. Weights are positive, so any addition changes `sq`,
 * and pruning replaces `sum`; either tells the cached norms are stale. Only the languages asked
 * for are summed (each over the centroid in its order, so the sum is the same as summing all
 * languages in one pass), and a feature's language is tested in place rather than cut out.
 */
const normsCache = new WeakMap<Centroid, { sum: SparseVector; sq: number; byLanguage: Map<string, number> }>();

function squaredNormWithin(c: Centroid, language: string): number {
  let cached = normsCache.get(c);
  if (!cached || cached.sum !== c.sum || cached.sq !== c.sq) {
    cached = { sum: c.sum, sq: c.sq, byLanguage: new Map() };
    normsCache.set(c, cached);
  }
  let sq = cached.byLanguage.get(language);
  if (sq === undefined) {
    sq = 0;
    // A language with ':' is never a term's prefix, which ends before the first ':'.
    if (!language.includes(':')) for (const [f, w] of c.sum) if (hasLanguage(f, language)) sq += w * w;
    cached.byLanguage.set(language, sq);
  }
  return sq;
}

/** Whether a term's language prefix (up to its first ':') is `language`, itself without ':'. */
function hasLanguage(term: string, language: string): boolean {
  return term.charCodeAt(language.length) === 58 /* : */ && term.startsWith(language);
}

/**
 * Features of a pair. For each kind of evidence: the share of the article's weight the event
 * shares (`Shared`), the share of it the event lacks although it has evidence of that kind
 * (`Missing`: a different name, place, figure or action), and the share of the event's weight of
 * that kind the article lacks although it has some (`Unmatched`). An article silent on a kind is
 * neither for nor against.
 */
/**
 * Languages written without capitals: every word of theirs gives a name skeleton (src/cluster/keys.ts),
 * so one the event lacks is mostly an ordinary word, not a different person: it counts for a match
 * when shared, never against one.
 */
const UNCAPITALISED = new Set(['ar']);
const NAME = 0;

/** The article's grouped evidence, in the vector's order (sums must add in the same order for every pair). */
interface ArticleGroups {
  features: string[];
  groups: number[];
  weights: number[];
  mass: number[];
}

/** Per article vector: the same article is paired with every candidate, and its side does not change. */
const groupsCache = new WeakMap<SparseVector, ArticleGroups>();

function articleGroups(neutral: SparseVector): ArticleGroups {
  let cached = groupsCache.get(neutral);
  if (cached) return cached;
  cached = { features: [], groups: [], weights: [], mass: new Array<number>(GROUPS.length).fill(0) };
  for (const [f, w] of neutral) {
    const g = groupOf(f);
    if (g < 0) continue;
    cached.features.push(f);
    cached.groups.push(g);
    cached.weights.push(w);
    cached.mass[g] += w;
  }
  groupsCache.set(neutral, cached);
  return cached;
}

/** An event centroid's grouped evidence, for one state of the centroid. */
interface EventGroups {
  sum: SparseVector;
  sq: number;
  size: number;
  mass: number[];
  /** Feature -> its place in the centroid's order: shared weight is summed in that order. */
  position: Map<string, number>;
}

/**
 * Per centroid state, like the norms above: an event stays unchanged while many articles are
 * paired with it. A new feature grows `size`, a changed weight `sq`, pruning replaces `sum`.
 */
const eventGroupsCache = new WeakMap<Centroid, EventGroups>();

function eventGroups(c: Centroid): EventGroups {
  const cached = eventGroupsCache.get(c);
  if (cached && cached.sum === c.sum && cached.sq === c.sq && cached.size === c.sum.size) return cached;
  const fresh: EventGroups = { sum: c.sum, sq: c.sq, size: c.sum.size, mass: new Array<number>(GROUPS.length).fill(0), position: new Map() };
  let i = 0;
  for (const [f, w] of c.sum) {
    const g = groupOf(f);
    if (g < 0) continue;
    fresh.mass[g] += w;
    fresh.position.set(f, i++);
  }
  eventGroupsCache.set(c, fresh);
  return fresh;
}

/**
 * The event's weight per group on the features the article has too, added in the centroid's order
 * (as a pass over the centroid would), from a lookup of the article's few features only.
 */
function sharedInEventOrder(mine: ArticleGroups, theirs: EventGroups): number[] {
  const shared: { at: number; g: number; w: number }[] = [];
  for (let i = 0; i < mine.features.length; i++) {
    const at = theirs.position.get(mine.features[i]!);
    if (at !== undefined) shared.push({ at, g: mine.groups[i]!, w: theirs.sum.get(mine.features[i]!)! });
  }
  shared.sort((a, b) => a.at - b.at);
  const mass = new Array<number>(GROUPS.length).fill(0);
  for (const { g, w } of shared) mass[g] += w;
  return mass;
}

export function pairFeatures(article: WeightedFeatures, side: ArticleSide, event: EventState): number[] {
  const sameLanguage = event.languages.has(side.language);
  const text = sameLanguage ? cosineWithinLanguage(article.text, event.text, side.language) : 0;
  const keys = cosineOfEntries(entriesOf(article.neutral), event.neutral);
  const titleOnly = side.words <= TITLE_ONLY_WORDS ? 1 : 0;
  const mine = articleGroups(article.neutral);
  const articleMass = mine.mass;
  const sharedMass = new Array<number>(GROUPS.length).fill(0);
  for (let i = 0; i < mine.features.length; i++) {
    if (event.neutral.sum.has(mine.features[i]!)) sharedMass[mine.groups[i]!] += mine.weights[i]!;
  }
  const theirs = eventGroups(event.neutral);
  const eventMass = theirs.mass;
  const eventSharedMass = sharedInEventOrder(mine, theirs);
  const gap = Math.max(0, side.at - event.lastUpdated, event.firstSeen - side.at) / DAY;
  // Time apart in days and in hours, so the fit can shape how fast closeness in time fades. Not
  // the articles published in between: that counts how busy the feeds are, not the story.
  // The key cosine again when no member shares the article's language: then keys are all the
  // evidence there is (no text cosine), so the fit may weigh them apart from same-language pairs.
  const base = [text, keys, sameLanguage ? 0 : keys, sameLanguage ? 1 : 0, Math.log1p(side.words) / 5, Math.log1p(event.members.length) / 3, Math.log1p(gap), Math.log1p(gap * 24) / 3];
  for (let g = 0; g < GROUPS.length; g++) {
    const a = articleMass[g]!;
    const e = eventMass[g]!;
    base.push(a > 0 ? sharedMass[g]! / a : 0);
    base.push(a > 0 && e > 0 && !(g === NAME && UNCAPITALISED.has(side.language)) ? 1 - sharedMass[g]! / a : 0);
    base.push(a > 0 && e > 0 ? 1 - eventSharedMass[g]! / e : 0);
  }
  return [...base, ...base.map((v) => v * titleOnly), titleOnly];
}

/** A logistic model over `PAIR_FEATURES` with its operating points, as `npm run fit:cluster` writes it. */
export interface DecisionModel {
  features: string[];
  weights: number[];
  bias: number;
  /** An article joins its most probable candidate when the probability reaches this. */
  join: number;
  /** The same for a bare headline: it says less, so its probabilities sit lower for the same story. */
  joinTitleOnly: number;
  /** Another candidate that passes this too is merged with it (when their centroids are close). */
  merge: number;
  fittedOn: string;
}

const modelSchema = z.object({
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
  join: z.number().min(0).max(1),
  joinTitleOnly: z.number().min(0).max(1),
  merge: z.number().min(0).max(1),
  fittedOn: z.string(),
});

export const DECISION_MODEL_FILE = SHIPPED.clusterModel;

/** Reads and checks a model: its features must be exactly the ones this code computes. */
export function loadDecisionModel(file = DECISION_MODEL_FILE): DecisionModel {
  const model = modelSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  if (model.features.join() !== PAIR_FEATURES.join() || model.weights.length !== PAIR_FEATURES.length) {
    throw new Error(`${file}: its features are not those of this version (run npm run fit:cluster)`);
  }
  return model;
}

const TITLE_ONLY = PAIR_FEATURES.indexOf('titleOnly');

/** The join bar for a pair: a headline's, or a full article's. */
export function joinBar(model: DecisionModel, x: readonly number[]): number {
  return x[TITLE_ONLY] === 1 ? model.joinTitleOnly : model.join;
}

export function probability(model: DecisionModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += model.weights[i]! * x[i]!;
  return 1 / (1 + Math.exp(-z));
}
