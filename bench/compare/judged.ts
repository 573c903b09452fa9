import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { parse, stringify } from 'yaml';
import type { Comparison, Conflict, Contradiction, FigureChange } from '../../src/compare/index.js';

/**
 * Hand judgments of what the comparison reports on a real event (bench/compare/judged/<event>.yaml).
 * A reported item is matched to its judgment by a key made of what an analyst reads to judge it
 * (the kind, each value with its quotes; for a contradiction, both sentences), not by its label:
 * a label worded better keeps its verdict, and any other change makes the item "unjudged", to be
 * read and judged before a precision is claimed.
 */
export interface JudgedConflict {
  /** Set instead of the quotes where the texts may not be copied (pages judged outside the repository). */
  key?: string;
  about: string;
  kind: Conflict['kind'];
  values: { value: string; quotes: string[] }[];
  verdict: boolean | null;
  why: string;
}

export interface JudgedContradiction {
  key?: string;
  about: string;
  asserts?: string;
  denies?: string;
  verdict: boolean | null;
  why: string;
}

/** A figure shown as changed over time: true when both ends count the same thing of this event. */
export interface JudgedChange {
  key?: string;
  about: string;
  earliest: { value: string; quotes: string[] };
  latest: { value: string; quotes: string[] };
  verdict: boolean | null;
  why: string;
}

/** A real disagreement the comparison did not report: found when a true conflict quotes both. */
export interface Miss {
  about: string;
  quotes: [string, string];
  why: string;
}

export interface JudgedEvent {
  event: string;
  split: string;
  conflicts: JudgedConflict[];
  contradictions: JudgedContradiction[];
  changes?: JudgedChange[];
  missed: Miss[];
}

const hash = (parts: unknown) => createHash('sha1').update(JSON.stringify(parts)).digest('hex').slice(0, 16);

export function conflictKey(c: Pick<JudgedConflict, 'kind' | 'values' | 'key'>): string {
  if (c.key) return c.key;
  return hash([c.kind, c.values.map((v) => [v.value, [...v.quotes].sort()]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1))]);
}

export function changeKey(c: Pick<JudgedChange, 'earliest' | 'latest' | 'key'>): string {
  if (c.key) return c.key;
  return hash([c.earliest.value, [...c.earliest.quotes].sort(), c.latest.value, [...c.latest.quotes].sort()]);
}

export function contradictionKey(c: Pick<JudgedContradiction, 'asserts' | 'denies' | 'key'>): string {
  return c.key ?? hash([c.asserts, c.denies]);
}

/**
 * The judgments of an event whose texts may not be copied into the repository: every item keeps
 * its key, label, values and verdict, and loses the sentences it quotes (the why says it in the
 * judge's own words).
 */
export function withoutQuotes(judged: JudgedEvent): JudgedEvent {
  return {
    ...judged,
    conflicts: judged.conflicts.map((c) => ({ key: conflictKey(c), about: c.about, kind: c.kind, values: c.values.map((v) => ({ value: v.value, quotes: [] })), verdict: c.verdict, why: c.why })),
    contradictions: judged.contradictions.map((c) => ({ key: contradictionKey(c), about: c.about, verdict: c.verdict, why: c.why })),
    changes: (judged.changes ?? []).map((c) => ({ key: changeKey(c), about: c.about, earliest: { value: c.earliest.value, quotes: [] }, latest: { value: c.latest.value, quotes: [] }, verdict: c.verdict, why: c.why })),
  };
}

const asJudgedConflict = (c: Conflict): JudgedConflict => ({ about: c.about, kind: c.kind, values: c.values.map((v) => ({ value: v.value, quotes: v.quotes })), verdict: null, why: '' });
const asJudgedChange = (c: FigureChange): JudgedChange => ({
  about: c.about,
  earliest: { value: c.earliest.value, quotes: c.earliest.quotes },
  latest: { value: c.latest.value, quotes: c.latest.quotes },
  verdict: null,
  why: '',
});
const asJudgedContradiction = (c: Contradiction): JudgedContradiction => ({ about: c.about, asserts: c.asserts.text, denies: c.denies.text, verdict: null, why: '' });

export function loadJudged(file: string, event: string, split: string): JudgedEvent {
  if (!existsSync(file)) return { event, split, conflicts: [], contradictions: [], missed: [] };
  const j = parse(readFileSync(file, 'utf8')) as Partial<JudgedEvent>;
  return { event, split, conflicts: j.conflicts ?? [], contradictions: j.contradictions ?? [], changes: j.changes ?? [], missed: j.missed ?? [] };
}

export function saveJudged(file: string, judged: JudgedEvent): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, stringify(judged, { lineWidth: 0 }));
}

export interface Score {
  conflicts: { reported: number; correct: number; wrong: number; unjudged: JudgedConflict[] };
  contradictions: { reported: number; correct: number; wrong: number; unjudged: JudgedContradiction[] };
  changes: { reported: number; correct: number; wrong: number; unjudged: JudgedChange[] };
  /** Real conflicts among the reported ones, and the listed misses reported neither as a conflict nor as a change. */
  found: number;
  missed: Miss[];
}

/** Scores one comparison against its judgments. */
export function score(c: Comparison, judged: JudgedEvent): Score {
  const conflictVerdicts = new Map(judged.conflicts.map((j) => [conflictKey(j), j.verdict]));
  const contradictionVerdicts = new Map(judged.contradictions.map((j) => [contradictionKey(j), j.verdict]));
  const s: Score = {
    conflicts: { reported: c.conflicts.length, correct: 0, wrong: 0, unjudged: [] },
    contradictions: { reported: c.contradictions.length, correct: 0, wrong: 0, unjudged: [] },
    changes: { reported: (c.changes ?? []).length, correct: 0, wrong: 0, unjudged: [] },
    found: 0,
    missed: [],
  };
  const trueConflicts: Conflict[] = [];
  for (const x of c.conflicts) {
    const j = asJudgedConflict(x);
    const verdict = conflictVerdicts.get(conflictKey(j));
    if (verdict === true) (s.conflicts.correct++, trueConflicts.push(x));
    else if (verdict === false) s.conflicts.wrong++;
    else s.conflicts.unjudged.push(j);
  }
  for (const x of c.contradictions) {
    const j = asJudgedContradiction(x);
    const verdict = contradictionVerdicts.get(contradictionKey(j));
    if (verdict === true) s.contradictions.correct++;
    else if (verdict === false) s.contradictions.wrong++;
    else s.contradictions.unjudged.push(j);
  }
  const changeVerdicts = new Map((judged.changes ?? []).map((j) => [changeKey(j), j.verdict]));
  const trueChanges: FigureChange[] = [];
  for (const x of c.changes ?? []) {
    const j = asJudgedChange(x);
    const verdict = changeVerdicts.get(changeKey(j));
    if (verdict === true) (s.changes.correct++, trueChanges.push(x));
    else if (verdict === false) s.changes.wrong++;
    else s.changes.unjudged.push(j);
  }
  s.found = trueConflicts.length;
  // Two values shown as one figure changing over time are reported too: the reader sees both.
  const shown = [...trueConflicts.map((x) => x.values), ...trueChanges.map((x) => [x.earliest, x.latest])];
  s.missed = judged.missed.filter((m) => !shown.some((values) => quotesBoth(values, m.quotes)));
  return s;
}

/** Two different values of a conflict or a change quote one and the other sentence. */
function quotesBoth(values: readonly { quotes: string[] }[], [a, b]: [string, string]): boolean {
  const holds = (q: string) => values.findIndex((v) => v.quotes.some((t) => t.includes(q)));
  const i = holds(a);
  const k = holds(b);
  return i >= 0 && k >= 0 && i !== k;
}

/** Adds the unjudged items to the event's file (verdict null), for a reader to judge; an item already there waits as it is. */
export function withUnjudged(judged: JudgedEvent, s: Score): JudgedEvent {
  const has = <T>(list: T[], key: (x: T) => string) => new Set(list.map(key));
  const conflicts = has(judged.conflicts, conflictKey);
  const contradictions = has(judged.contradictions, contradictionKey);
  const changes = has(judged.changes ?? [], changeKey);
  return {
    ...judged,
    conflicts: [...judged.conflicts, ...s.conflicts.unjudged.filter((x) => !conflicts.has(conflictKey(x)))],
    contradictions: [...judged.contradictions, ...s.contradictions.unjudged.filter((x) => !contradictions.has(contradictionKey(x)))],
    changes: [...(judged.changes ?? []), ...s.changes.unjudged.filter((x) => !changes.has(changeKey(x)))],
  };
}
