import type { ClustererOptions, Vocabulary } from '../../src/cluster/index.js';
import { bcubed, type BCubed } from './bcubed.js';
import { ecbStream, loadEcbDocuments, STREAM_SEEDS, type EcbSplit } from './ecbplus.js';
import type { Labelled } from './headlines.js';
import { finalEvents, runStream } from './run.js';
import { tfidfSinglePass } from './tfidf-baseline.js';

export interface StreamScore extends BCubed {
  articles: number;
  seconds: number;
}

export function meanScore(scores: readonly BCubed[]): BCubed {
  const m = (k: keyof BCubed) => scores.reduce((s, x) => s + x[k], 0) / scores.length;
  return { precision: m('precision'), recall: m('recall'), f1: m('f1') };
}

/** The streams of one split and window, one per seed of the protocol. */
export function ecbStreams(split: EcbSplit, windowDays: number): Labelled[][] {
  const docs = loadEcbDocuments(split);
  return STREAM_SEEDS.map((seed) => ecbStream(docs, { windowDays, seed }));
}

/** The project's clusterer on the streams: mean B3 over seeds, and the time it took. */
export async function clustererOnStreams(streams: readonly Labelled[][], vocabulary: Vocabulary, options: Partial<ClustererOptions> = {}): Promise<StreamScore> {
  const scores: BCubed[] = [];
  let seconds = 0;
  let articles = 0;
  for (const items of streams) {
    const run = await runStream(items, vocabulary, options);
    scores.push(bcubed(items.map((i) => i.gold), await finalEvents(run, items)));
    seconds += run.seconds;
    articles += items.length;
  }
  return { ...meanScore(scores), seconds, articles };
}

/** The time-blind TF-IDF baseline on the same streams. */
export function baselineOnStreams(streams: readonly Labelled[][], threshold: number): BCubed {
  return meanScore(streams.map((items) => bcubed(items.map((i) => i.gold), tfidfSinglePass(items, threshold))));
}
