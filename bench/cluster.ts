/**
 * `npm run bench:cluster`: online event clustering on the UCI headline set (../shared/benchmarks/
 * clustering, 6,366 headlines, 87 stories, streamed in time order) and on our multilingual set
 * (tests/fixtures/events), scored with B-cubed; then the cost per article as the store grows.
 *
 * Larger stores are SYNTHESISED: the headline stream is replayed 16 times, each replay shifted 30
 * days later than the one before (ids and URLs made unique), 101,856 articles in all. Events close
 * after 7 days without news and copies are looked for within 30 days, so each replay meets the
 * earlier ones only through the document frequencies and the closed-event store: that is the
 * design under test (cost follows open events, not stored articles).
 *
 * Flags: --replays N (default 16).
 */
import { parseArgs } from 'node:util';
import { loadVocabulary, memoryClusterer } from '../src/cluster/index.js';
import { bcubed, type BCubed } from './cluster/bcubed.js';
import { baselineOnStreams, clustererOnStreams, ecbStreams } from './cluster/ecb-score.js';
import { STREAM_WINDOWS } from './cluster/ecbplus.js';
import { loadHeadlines, type Labelled } from './cluster/headlines.js';
import { loadLabelledSet } from './cluster/labelled-set.js';
import { BASELINE_THRESHOLDS } from './cluster/tfidf-baseline.js';
import { finalEvents, runStream } from './cluster/run.js';
import { machineLine } from './lib/machine.js';

const { values: args } = parseArgs({ options: { replays: { type: 'string', default: '16' } } });
const vocabulary = loadVocabulary();
const fmt = (s: BCubed) => `B3 precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`;

console.log(machineLine());

// 0. ECB+ as a news stream (DATA.md): train and dev, never test; the baseline's bar chosen on train.
{
  console.log('\nECB+ stream (DATA.md protocol: seeds 1-3, mean; dev is checked, never fitted on)');
  const streams = Object.fromEntries(STREAM_WINDOWS.flatMap((w) => (['train', 'dev'] as const).map((s) => [`${s}:${w}`, ecbStreams(s, w)])));
  const trainAll = STREAM_WINDOWS.flatMap((w) => streams[`train:${w}`]!);
  const bar = BASELINE_THRESHOLDS.map((t) => ({ t, f1: baselineOnStreams(trainAll, t).f1 })).sort((a, b) => b.f1 - a.f1 || a.t - b.t)[0]!.t;
  let articles = 0;
  let seconds = 0;
  for (const w of STREAM_WINDOWS) {
    for (const split of ['train', 'dev'] as const) {
      const s = streams[`${split}:${w}`]!;
      const ours = await clustererOnStreams(s, vocabulary);
      articles += ours.articles;
      seconds += ours.seconds;
      console.log(`  W=${String(w).padStart(2)} ${split.padEnd(5)} clusterer ${fmt(ours)}`);
      console.log(`  W=${String(w).padStart(2)} ${split.padEnd(5)} baseline  ${fmt(baselineOnStreams(s, bar))}   (TF-IDF single pass, time-blind, bar ${bar} chosen on train)`);
    }
  }
  console.log(`  throughput    ${(articles / seconds).toFixed(0)} articles/s (one core, ${articles} ECB+ articles over all runs)`);
}

// 1. Headlines.
const headlines = loadHeadlines();
{
  const run = await runStream(headlines, vocabulary);
  const predicted = await finalEvents(run, headlines);
  const all = bcubed(headlines.map((h) => h.gold), predicted);
  const half = Math.floor(headlines.length / 2);
  const first = bcubed(headlines.slice(0, half).map((h) => h.gold), predicted.slice(0, half));
  const second = bcubed(headlines.slice(half).map((h) => h.gold), predicted.slice(half));
  console.log(`\nheadlines (${headlines.length} headlines, ${new Set(headlines.map((h) => h.gold)).size} stories) -> ${new Set(predicted).size} events`);
  console.log(`  all           ${fmt(all)}`);
  console.log(`  first half    ${fmt(first)}   (scored on its own items, clustered in the full stream)`);
  console.log(`  second half   ${fmt(second)}`);
  console.log(`  throughput    ${(headlines.length / run.seconds).toFixed(0)} articles/s (one core, whole stream)`);
}

// 2. Multilingual set.
{
  const set = loadLabelledSet();
  const run = await runStream(set, vocabulary);
  const predicted = await finalEvents(run, set);
  const score = bcubed(set.map((s) => s.gold), predicted);
  const seedEvent = predicted[set.findIndex((s) => s.seed)]!;
  const seedGold = set.find((s) => s.seed)!.gold;
  const seedAccounts = set.filter((s) => s.gold === seedGold);
  const seedTogether = seedAccounts.every((s) => predicted[set.indexOf(s)] === seedEvent);
  const negativesIn = set.filter((s, i) => s.negative && predicted[i] === seedEvent).length;
  const copies = set.filter((s) => s.copyOf);
  const flagged = copies.filter((s) => {
    const original = set.find((o) => o.article.id === s.copyOf)!;
    return run.assignments[set.indexOf(s)]!.duplicateOf === original.article.url;
  }).length;
  const falseFlags = set.filter((s, i) => !s.copyOf && run.assignments[i]!.duplicateOf !== null).length;
  console.log(`\nmultilingual (${set.length} articles en/fr/ar, ${new Set(set.map((s) => s.gold)).size} events) -> ${new Set(predicted).size} events`);
  console.log(`  all           ${fmt(score)}`);
  console.log(`  seed story    ${seedAccounts.length} accounts (${new Set(seedAccounts.map((s) => s.article.outlet)).size} outlets) in one event: ${seedTogether ? 'yes' : 'NO'}; hard negatives in it: ${negativesIn} of ${set.filter((s) => s.negative).length}`);
  console.log(`  copies        ${flagged} of ${copies.length} syndicated copies flagged; ${falseFlags} independent accounts flagged`);

  // Full articles cost more than headlines: time the set replayed 40 times, a year and more apart.
  const rounds = 40;
  const replayed = Array.from({ length: rounds }, (_, r) =>
    set.map((s) => ({ ...s, article: { ...s.article, id: `${s.article.id}-r${r}`, url: `${s.article.url}#r${r}`, published: new Date(s.article.published!.getTime() + r * 400 * 86_400_000) } })),
  ).flat();
  const timed = await runStream(replayed, vocabulary);
  console.log(`  throughput    ${(replayed.length / timed.seconds).toFixed(0)} articles/s (one core; the set replayed ${rounds} times, ${replayed.length} articles with bodies)`);
}

// 3. Cost per article as the store grows.
{
  const replays = Number(args.replays);
  const DAY = 86_400_000;
  const stream: Labelled[] = [];
  for (let r = 0; r < replays; r++) {
    for (const h of headlines) {
      stream.push({
        gold: `${r}:${h.gold}`,
        article: { ...h.article, id: `${h.article.id}-r${r}`, url: `${h.article.url}#r${r}`, published: new Date(h.article.published!.getTime() + r * 30 * DAY) },
      });
    }
  }
  const { clusterer, index, frequencies, duplicates } = memoryClusterer(vocabulary);
  const times = new Float64Array(stream.length);
  for (let i = 0; i < stream.length; i++) {
    const t0 = process.hrtime.bigint();
    await clusterer.assign(stream[i]!.article);
    times[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  const mean = (from: number, to: number) => {
    let s = 0;
    for (let i = from; i < to; i++) s += times[i]!;
    return s / (to - from);
  };
  console.log(`\ncost per article, store synthesised by replaying the headlines ${replays} times, 30 days apart (${stream.length} articles)`);
  const rows: [string, number, number][] = [];
  for (const n of [1_000, 10_000, 100_000]) {
    if (n + 1000 > stream.length) continue;
    rows.push([`at ${n.toLocaleString('en')} stored`, n, n + 1000]);
  }
  for (const [label, from, to] of rows) {
    const ms = mean(from, to);
    console.log(`  ${label.padEnd(18)} ${(ms * 1000).toFixed(0).padStart(5)} µs/article  (${(1000 / ms).toFixed(0)} articles/s, next 1,000 articles)`);
  }
  const per = headlines.length;
  for (const r of [0, 1, replays - 1]) {
    const ms = mean(r * per, (r + 1) * per);
    console.log(`  replay ${String(r + 1).padStart(2)} (stored ${(r * per).toLocaleString('en').padStart(7)} to ${((r + 1) * per).toLocaleString('en').padStart(7)}) ${(ms * 1000).toFixed(0).padStart(5)} µs/article (${(1000 / ms).toFixed(0)} articles/s)`);
  }
  const held = index.counts();
  console.log(`  held at the end: ${held.open} open events, ${held.closed} closed, ${held.aliases} aliases, ${held.articles} article links, ${duplicates.size()} duplicate entries, ${frequencies.features()} features; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
}
