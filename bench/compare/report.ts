import { join } from 'node:path';
import { compareEvent, type CompareContext } from '../../src/compare/index.js';
import { loadAllEvents, loadJudgedEvents } from './ecbplus.js';
import { loadJudged, saveJudged, score, withoutQuotes, withUnjudged, type Score } from './judged.js';
import type { CompareInput } from '../../src/compare/index.js';

/** A set of real events with their judgments: where they come from and where the verdicts live. */
export interface JudgedSource {
  title: string;
  events: Map<string, { split: string; input: CompareInput }>;
  /** The folder of the YAML judgments, one file per event. */
  dir: string;
  /** False where the texts may not be copied: the judgments keep keys and verdicts, not quotes. */
  quotes: boolean;
}

export const ecbSource = (): JudgedSource => ({ title: 'ECB+; train = developed on, dev = held out', events: loadJudgedEvents(), dir: 'bench/compare/judged', quotes: true });

interface Totals {
  conflicts: [number, number];
  contradictions: [number, number];
  changes: [number, number];
  found: number;
  missed: number;
  unjudged: number;
}

const ratio = ([correct, wrong]: [number, number]) => (correct + wrong === 0 ? '   -' : (correct / (correct + wrong)).toFixed(2));

/** Precision on the judged real events, printed per event, per split and over all of them, the real conflicts found beside the misses. */
export function printJudged(context: CompareContext, judge: boolean, source: JudgedSource = ecbSource()): void {
  const totals = new Map<string, Totals>();
  console.log(`judged real events (${source.title}): precision = true / (true + false)`);
  console.log('event        split  conflicts(true/false/unjudged) P     contradictions(t/f/u) P     found missed');
  for (const [event, { split, input }] of source.events) {
    const file = join(source.dir, `${event}.yaml`);
    const judged = loadJudged(file, event, split);
    const s = score(compareEvent(input, context), judged);
    const unjudged = s.conflicts.unjudged.length + s.contradictions.unjudged.length + s.changes.unjudged.length;
    if (judge && unjudged > 0) saveJudged(file, source.quotes ? withUnjudged(judged, s) : withoutQuotes(withUnjudged(judged, s)));
    const t = totals.get(split) ?? emptyTotals();
    add(t, totalsOf(s));
    totals.set(split, t);
    console.log(
      `${event.padEnd(12)} ${split.padEnd(6)} ${`${s.conflicts.correct}/${s.conflicts.wrong}/${s.conflicts.unjudged.length}`.padEnd(30)} ${ratio([s.conflicts.correct, s.conflicts.wrong])}  ` +
        `${`${s.contradictions.correct}/${s.contradictions.wrong}/${s.contradictions.unjudged.length}`.padEnd(21)} ${ratio([s.contradictions.correct, s.contradictions.wrong])}  ${String(s.found).padStart(5)} ${String(s.missed.length).padStart(6)}`,
    );
    for (const u of s.conflicts.unjudged) console.log(`  unjudged conflict: ${u.about}: ${u.values.map((v) => `${v.value} (${v.quotes.join(' | ')})`).join(' / ')}`);
    for (const u of s.contradictions.unjudged) console.log(`  unjudged contradiction: ${u.about}\n    asserted: ${u.asserts}\n    denied:   ${u.denies}`);
    if (s.changes.reported > 0) console.log(`  changed over time (true/false/unjudged): ${s.changes.correct}/${s.changes.wrong}/${s.changes.unjudged.length}`);
    for (const u of s.changes.unjudged) console.log(`  unjudged change: ${u.about}: ${u.earliest.value} -> ${u.latest.value}`);
    for (const m of s.missed) console.log(`  missed: ${m.about}`);
  }
  const all = [...totals.values()].reduce((sum, t) => (add(sum, t), sum), emptyTotals());
  for (const [name, t] of [...totals.entries(), ['all judged', all] as const]) {
    console.log(
      `${name.toUpperCase()} overall: conflicts P ${ratio(t.conflicts)} (${t.conflicts[0]} true, ${t.conflicts[1]} false), contradictions P ${ratio(t.contradictions)} (${t.contradictions[0]} true, ${t.contradictions[1]} false), changes over time P ${ratio(t.changes)} (${t.changes[0]} true, ${t.changes[1]} false); real disagreements found ${t.found} as conflicts and ${t.changes[0]} as changes over time beside ${t.missed} listed misses not reported` +
        (t.unjudged > 0 ? `; ${t.unjudged} UNJUDGED: no precision can be claimed until they are judged` : ''),
    );
  }
  if (all.contradictions[0] + all.contradictions[1] === 0) {
    console.log('NO CONTRADICTION was reported on any judged event: the precision of contradictions is not measured by this set.');
  }
}

const emptyTotals = (): Totals => ({ conflicts: [0, 0], contradictions: [0, 0], changes: [0, 0], found: 0, missed: 0, unjudged: 0 });

function totalsOf(s: Score): Totals {
  return {
    conflicts: [s.conflicts.correct, s.conflicts.wrong],
    contradictions: [s.contradictions.correct, s.contradictions.wrong],
    changes: [s.changes.correct, s.changes.wrong],
    found: s.found,
    missed: s.missed.length,
    unjudged: s.conflicts.unjudged.length + s.contradictions.unjudged.length + s.changes.unjudged.length,
  };
}

function add(t: Totals, s: Totals): void {
  for (const k of ['conflicts', 'contradictions', 'changes'] as const) (t[k][0] += s[k][0], t[k][1] += s[k][1]);
  t.found += s.found;
  t.missed += s.missed;
  t.unjudged += s.unjudged;
}

/**
 * Every contradiction the comparison reports on every ECB+ event of train and dev, judged or not:
 * where to look for contradictions to judge, and how many real news gives.
 */
export function printScan(context: CompareContext): void {
  const events = loadAllEvents();
  const perSplit = new Map<string, { events: number; contradictions: number }>();
  for (const [event, { split, input }] of events) {
    const c = compareEvent(input, context);
    const t = perSplit.get(split) ?? { events: 0, contradictions: 0 };
    t.events++;
    t.contradictions += c.contradictions.length;
    perSplit.set(split, t);
    for (const x of c.contradictions) console.log(`${event} (${split}) contradiction: ${x.about}\n  asserted: ${x.asserts.text}\n  denied:   ${x.denies.text}`);
  }
  for (const [split, t] of perSplit) console.log(`${split.toUpperCase()}: ${t.contradictions} contradictions reported over ${t.events} ECB+ events`);
}
