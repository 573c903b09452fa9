import type { SparseVector } from './sparse-vector.js';

/** One member of an event: enough to explain and display it without the article table. */
export interface EventMember {
  articleId: string;
  url: string;
  title: string;
  outlet: string;
  language: string;
  at: number;
  score: number;
  duplicateOf: string | null;
}

/** A centroid kept as a sum of unit vectors, with its squared norm maintained as it grows. */
export interface Centroid {
  sum: SparseVector;
  sq: number;
}

/**
 * An event while it is open: centroids for the two spaces, counts for the record, members for the
 * history. Plain data, so a store can persist it as it is.
 */
export interface EventState {
  id: string;
  firstSeen: number;
  lastUpdated: number;
  /** Stream position (articles seen so far) at the last update: how busy the stream was since. */
  lastPosition: number;
  text: Centroid;
  neutral: Centroid;
  languages: Map<string, number>;
  outlets: Set<string>;
  members: EventMember[];
  /** Ids of the events merged into this one, with when. */
  mergedFrom: { id: string; at: number }[];
}

/** Centroids keep at most this many features: the tail is noise and would make every update slower. */
const CENTROID_LIMIT = 300;
const CENTROID_KEEP = 200;

export function newEvent(id: string, at: number): EventState {
  return {
    id,
    firstSeen: at,
    lastUpdated: at,
    lastPosition: 0,
    text: { sum: new Map(), sq: 0 },
    neutral: { sum: new Map(), sq: 0 },
    languages: new Map(),
    outlets: new Set(),
    members: [],
    mergedFrom: [],
  };
}

export function addToCentroid(c: Centroid, v: SparseVector, scale = 1): void {
  for (const [f, w] of v) {
    const old = c.sum.get(f) ?? 0;
    const next = old + w * scale;
    c.sum.set(f, next);
    c.sq += next * next - old * old;
  }
  if (c.sum.size > CENTROID_LIMIT) {
    const kept = [...c.sum.entries()].sort((a, b) => b[1] - a[1]).slice(0, CENTROID_KEEP);
    c.sum = new Map(kept);
    c.sq = kept.reduce((s, [, w]) => s + w * w, 0);
  }
}

/** Cosine of a unit vector with a centroid. */
export function cosine(v: SparseVector, c: Centroid): number {
  if (c.sq <= 0) return 0;
  let dot = 0;
  for (const [f, w] of v) {
    const x = c.sum.get(f);
    if (x !== undefined) dot += w * x;
  }
  return dot / Math.sqrt(c.sq);
}

export function addMember(
  event: EventState,
  member: EventMember,
  vectors: { text: SparseVector; neutral: SparseVector },
  position: number,
): void {
  addToCentroid(event.text, vectors.text);
  addToCentroid(event.neutral, vectors.neutral);
  event.languages.set(member.language, (event.languages.get(member.language) ?? 0) + 1);
  event.outlets.add(member.outlet);
  event.members.push(member);
  event.firstSeen = Math.min(event.firstSeen, member.at);
  event.lastUpdated = Math.max(event.lastUpdated, member.at);
  event.lastPosition = Math.max(event.lastPosition, position);
}

/** Folds `from` into `into`: centroids add up, members and history are kept. */
export function mergeInto(into: EventState, from: EventState, at: number): void {
  addToCentroid(into.text, from.text.sum);
  addToCentroid(into.neutral, from.neutral.sum);
  for (const [l, n] of from.languages) into.languages.set(l, (into.languages.get(l) ?? 0) + n);
  for (const o of from.outlets) into.outlets.add(o);
  into.members.push(...from.members);
  into.members.sort((a, b) => a.at - b.at);
  into.firstSeen = Math.min(into.firstSeen, from.firstSeen);
  into.lastUpdated = Math.max(into.lastUpdated, from.lastUpdated);
  into.lastPosition = Math.max(into.lastPosition, from.lastPosition);
  into.mergedFrom.push(...from.mergedFrom, { id: from.id, at });
}
