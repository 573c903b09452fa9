/**
 * `node bin/run-ts.js bench/cluster-hash.ts`: a fingerprint of every clustering decision, so a
 * change meant only to make the clusterer faster can be shown to decide exactly as before.
 *
 * Runs a fresh in-memory clusterer over every stream bench/cluster.ts times (ECB+ train and dev,
 * every window and seed of the DATA.md protocol), the UCI headlines and tests/fixtures/events, and
 * prints one sha256 over every decision (article, event, created, merges, duplicateOf, the score and
 * its parts rounded to 1e-9, the explanation's terms and keys) and one over each run's final state
 * (V8-serialised snapshot: centroids, postings, frequencies, duplicates), then both per stream.
 */
import { createHash, type Hash } from 'node:crypto';
import { DefaultSerializer } from 'node:v8';
import { loadVocabulary, memoryClusterer, type Assignment } from '../src/cluster/index.js';
import { ecbStreams } from './cluster/ecb-score.js';
import { STREAM_SEEDS, STREAM_WINDOWS } from './cluster/ecbplus.js';
import { loadHeadlines, type Labelled } from './cluster/headlines.js';
import { loadLabelledSet } from './cluster/labelled-set.js';

const vocabulary = loadVocabulary();
/** Scores are compared to this precision: enough to catch any changed decision input. */
const round = (x: number) => Math.round(x * 1e9) / 1e9;

function decisionLine(articleId: string, a: Assignment): string {
  const p = a.why.parts;
  return JSON.stringify([
    articleId,
    a.eventId,
    a.created,
    a.merged,
    a.duplicateOf,
    round(a.score),
    [round(p.text), round(p.keys), round(p.time), p.sameLanguage, p.otherAction, round(p.probability)],
    a.why.terms,
    a.why.keys,
  ]);
}

function stateBytes(value: unknown): Buffer {
  const s = new DefaultSerializer();
  s.writeHeader();
  s.writeValue(value);
  return s.releaseBuffer();
}

const streams: [string, readonly Labelled[]][] = [];
for (const w of STREAM_WINDOWS) {
  for (const split of ['train', 'dev'] as const) {
    ecbStreams(split, w).forEach((s, i) => streams.push([`ecb ${split} W=${w} seed=${STREAM_SEEDS[i]}`, s]));
  }
}
streams.push(['headlines', loadHeadlines()]);
streams.push(['fixtures/events', loadLabelledSet()]);

const allDecisions = createHash('sha256');
const allStates = createHash('sha256');
const hex = (h: Hash) => h.digest('hex').slice(0, 16);
let articles = 0;
for (const [name, items] of streams) {
  const { clusterer, snapshot } = memoryClusterer(vocabulary);
  const decisions = createHash('sha256');
  for (const { article } of items) {
    const line = decisionLine(article.id, await clusterer.assign(article)) + '\n';
    decisions.update(line);
    allDecisions.update(line);
  }
  const state = stateBytes(snapshot());
  allStates.update(state);
  articles += items.length;
  console.log(`${name.padEnd(26)} ${String(items.length).padStart(5)} articles  decisions ${hex(decisions)}  state ${createHash('sha256').update(state).digest('hex').slice(0, 16)}`);
}
console.log(`all decisions sha256 ${allDecisions.digest('hex')} (${articles} articles)`);
console.log(`all states    sha256 ${allStates.digest('hex')}`);
