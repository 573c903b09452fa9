import { isStopWord } from '../../src/text/index.js';
import type { Labelled } from './headlines.js';

/**
 * The time-blind reference of DATA.md: lower-cased word tokens without stop words, (1 + log tf) x
 * idf over the whole set, single pass in stream order, each document joining the nearest centroid
 * (cosine) if it clears `threshold`, else starting a cluster. Time is ignored entirely.
 */
export function tfidfSinglePass(items: readonly Labelled[], threshold: number): string[] {
  const docs = items.map((i) => words(`${i.article.title}\n${i.article.text}`));
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = docs.length;
  const vectors = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const w of d) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v = new Map<string, number>();
    let sq = 0;
    for (const [w, c] of tf) {
      const x = (1 + Math.log(c)) * Math.log(n / df.get(w)!);
      v.set(w, x);
      sq += x * x;
    }
    const norm = Math.sqrt(sq) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
  const clusters: { sum: Map<string, number>; sq: number }[] = [];
  const out: string[] = [];
  for (const v of vectors) {
    let best = -1;
    let bestScore = threshold;
    clusters.forEach((c, k) => {
      let dot = 0;
      for (const [w, x] of v) dot += x * (c.sum.get(w) ?? 0);
      const s = c.sq > 0 ? dot / Math.sqrt(c.sq) : 0;
      if (s >= bestScore) (best = k), (bestScore = s);
    });
    if (best < 0) clusters.push({ sum: new Map(), sq: 0 }), (best = clusters.length - 1);
    const c = clusters[best]!;
    for (const [w, x] of v) {
      const old = c.sum.get(w) ?? 0;
      c.sum.set(w, old + x);
      c.sq += (old + x) ** 2 - old ** 2;
    }
    out.push(`c${best}`);
  }
  return out;
}

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !isStopWord(w, 'en'));
}

/** Thresholds tried when the baseline's bar is chosen (on train only). */
export const BASELINE_THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
