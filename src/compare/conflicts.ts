import type { SentenceInfo } from './analyse.js';
import type { AccountRef } from './claims.js';
import type { Figure } from './figures.js';
import { figureLabel } from './labels.js';
import { outcomeById } from './outcomes.js';
import { eventNames, participantOf } from './participants.js';
import type { Conflict, FigureChange } from './types.js';

/**
 * How the figures of an event's accounts are compared. Two values conflict only when
 * they answer the same question (same kind, subject and qualifier) and the ranges their wording
 * allows cannot both be true ("at least 5" and "10" agree; "about 50" and "80" do not).
 */
export const DEFAULT_FIGURE_OPTIONS = {
  /**
   * A value more than this many times larger or smaller than the accounts' median counts
   * something else (a total, another event told for background: "the 2003 quake killed 26,000");
   * accounts of one event that disagree rarely disagree by that much.
   */
  maxRatio: 4,
  /**
   * A round hundred or thousand given exactly ("a hundred injured") is most often rounded: it
   * disagrees with another count only when they are further apart than this share of the larger.
   */
  roundSlack: 0.05,
  /**
   * Counts are set against each other only between accounts published within this many hours:
   * two values "conflict only when they answer the same question about the same thing at about the
   * same time". Days apart, a smaller toll is most often of a new clash or another day's protest.
   * Dates are of past acts and compare whenever told; growth over time is read across all accounts.
   */
  sameTimeHours: 36,
};

interface Slot {
  value: string;
  low: number;
  high: number;
  quotes: string[];
  /** Told as a toll's new value ("has risen to 98"): a lower value elsewhere may be what it rose from. */
  rose: boolean;
}

interface Group {
  kind: Conflict['kind'];
  subject: string;
  qualifier: string;
  figures: { figure: Figure; language: string }[];
  /** account -> value -> what it said */
  accounts: Map<number, Map<string, Slot>>;
}

/** Conflicting figures, and figures that grew over time (a later account's larger toll). */
export function compareFigures(sentences: readonly SentenceInfo[], accounts: readonly AccountRef[], options = DEFAULT_FIGURE_OPTIONS): { conflicts: Conflict[]; changes: FigureChange[] } {
  const conflicts: Conflict[] = [];
  const changes: FigureChange[] = [];
  const groups = groupFigures(sentences, accounts);
  const parts = partsOfWholes(groups);
  const summed = partsSummed(groups);
  const sameTime = publishedWithin(accounts, options.sameTimeHours);
  for (const group of groups) {
    const given = singleValues(group);
    const partsHere = parts.get(questionOf(group));
    const wholes = partsHere ? given.filter(([, slot]) => !partsHere.has(slot.value)) : given;
    const kept = group.kind === 'date' ? wholes : withoutOutliers(wholes, options.maxRatio);
    // Dates are of past acts: they compare whenever told.
    const close = group.kind === 'count' ? sameTime : () => true;
    const disjoint = disagreements(group.kind, kept, toldTogether(group), options.roundSlack, close, highestRisen(kept))
      .filter(([a, b]) => group.kind !== 'count' || !(summed(a, group, slotOf(kept, a), slotOf(kept, b)) || summed(b, group, slotOf(kept, b), slotOf(kept, a))));
    // A toll may grow tenfold as an event unfolds: growth is read before far values are set aside.
    const grew = grewOverTime(group, given, accounts);
    if (disjoint.length === 0 && !grew) continue;
    const about = figureLabel(group.kind, group.subject, group.qualifier, group.figures);
    if (grew) {
      const first = grew[0]!;
      const last = grew[grew.length - 1]!;
      const end = (e: [number, Slot]) => ({ value: e[1].value, at: accounts[e[0]]!.at, articles: [accounts[e[0]]!.url], quotes: e[1].quotes });
      changes.push({ about, kind: group.kind, earliest: end(first), latest: end(last) });
      continue;
    }
    const values = new Map<string, { accounts: number[]; quotes: string[] }>();
    // Shown: the accounts that disagree, and those told near enough in time to one of them.
    const parties = [...new Set(disjoint.flat())];
    for (const [account, slot] of kept) {
      if (!parties.some((p) => close(account, p))) continue;
      const v = values.get(slot.value) ?? { accounts: [], quotes: [] };
      v.accounts.push(account);
      v.quotes.push(...slot.quotes);
      values.set(slot.value, v);
    }
    if (group.kind === 'date') mergeDates(values);
    conflicts.push({
      about,
      kind: group.kind,
      values: [...values.entries()]
        .sort((a, b) => b[1].accounts.length - a[1].accounts.length || (a[0] < b[0] ? -1 : 1))
        .map(([value, v]) => ({ value, articles: v.accounts.sort((a, b) => a - b).map((i) => accounts[i]!.url), quotes: v.quotes })),
    });
  }
  return { conflicts, changes };
}

/** Figures by what they answer: kind, subject, qualifier, the unit of a duration or an amount, the day a toll is given for, whose action a date or duration is. */
function groupFigures(sentences: readonly SentenceInfo[], accounts: readonly AccountRef[]): Group[] {
  const groups = new Map<string, Group>();
  const who = participants(sentences, accounts);
  for (const [k, s] of sentences.entries()) {
    for (const f of s.figures) {
      // A weekday or "yesterday" is only as right as the publication time it is read from.
      if (f.told === 'relative') continue;
      const person = who.of(k, f);
      if (person === null) continue;
      // Durations compare only in one unit, amounts in one currency: no rate is assumed.
      const unit = f.kind === 'duration' ? f.value.slice(-1) : f.kind === 'amount' ? f.value.split(' ')[1] ?? '' : '';
      const id = [whatItAnswers(f), unit, person].join('\u0000');
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { kind: f.kind, subject: f.subject, qualifier: f.qualifier, figures: [], accounts: new Map() }));
      g.figures.push({ figure: f, language: s.language });
      let values = g.accounts.get(s.account);
      if (!values) g.accounts.set(s.account, (values = new Map()));
      const slot = values.get(f.value) ?? { value: f.value, low: f.low, high: f.high, quotes: [], rose: false };
      slot.rose ||= !!f.rose;
      // The same value worded loosely once ("at least three") and plainly once: the account has
      // said its figure is a floor, so the loosest wording stands.
      slot.low = Math.min(slot.low, f.low);
      slot.high = Math.max(slot.high, f.high);
      if (!slot.quotes.includes(s.text)) slot.quotes.push(s.text);
      values.set(f.value, slot);
    }
  }
  for (const g of groups.values()) if (g.kind === 'date') alignYearless(g);
  return [...groups.values()];
}

const whatItAnswers = (f: Figure) => [f.kind, f.subject, f.qualifier, f.scope ?? ''].join('\u0000');
/** A date or a duration is of an action, and the action of someone: a count names what it counts already. */
const ofAnAction = (f: Figure) => f.kind === 'date' || f.kind === 'duration';

/**
 * Whose action each date or duration is: the person its sentence names; a sentence naming no one
 * is about the one person the event's other figures of that action name, and about no one that
 * can be told when they name several (its figure is then left out, null).
 */
function participants(sentences: readonly SentenceInfo[], accounts: readonly AccountRef[]): { of: (sentence: number, f: Figure) => string | null } {
  const names = eventNames(sentences);
  const person = sentences.map((s) => (s.figures.some(ofAnAction) ? participantOf(s, accounts[s.account]!, names) : ''));
  const named = new Map<string, Set<string>>();
  sentences.forEach((s, k) => {
    for (const f of s.figures) {
      if (!ofAnAction(f) || f.told === 'relative' || !person[k]) continue;
      const set = named.get(whatItAnswers(f)) ?? new Set<string>();
      named.set(whatItAnswers(f), set.add(person[k]!));
    }
  });
  return {
    of(k, f) {
      if (!ofAnAction(f)) return '';
      if (person[k]) return person[k]!;
      const others = [...(named.get(whatItAnswers(f)) ?? [])];
      return others.length === 0 ? '' : others.length === 1 ? others[0]! : null;
    },
  };
}

/** A day written without its year ("June 24") takes the year another account writes for that day. */
function alignYearless(g: Group): void {
  const full = new Map<string, string>();
  for (const { figure } of g.figures) if (figure.told === 'year' && figure.value.length === 10) full.set(figure.value.slice(5), figure.value);
  for (const values of g.accounts.values()) {
    for (const [value, slot] of [...values]) {
      const withYear = full.get(value.slice(5));
      const yearless = g.figures.some(({ figure }) => figure.value === value && figure.told === 'noYear');
      if (value.length !== 10 || !withYear || withYear === value || !yearless) continue;
      values.delete(value);
      values.set(withYear, { ...slot, value: withYear });
    }
  }
}

/**
 * Each account's one value for the group. An account that gives several ("two drivers were
 * killed... the toll rose to five") is left out: which of its values answers the others cannot be
 * told. "January" and "18 January" in one account: the more precise one.
 */
function singleValues(g: Group): [number, Slot][] {
  const out: [number, Slot][] = [];
  for (const [account, given] of g.accounts) {
    let distinct = [...given.keys()];
    if (g.kind === 'date') distinct = distinct.filter((v) => !distinct.some((o) => o !== v && o.startsWith(v)));
    if (distinct.length === 1) out.push([account, given.get(distinct[0]!)!]);
  }
  return out;
}

const magnitude = (slot: Slot) => Number(/^[\d.]+/.exec(slot.value.replace(/^P/, ''))?.[0] ?? NaN);

function withoutOutliers(given: [number, Slot][], maxRatio: number): [number, Slot][] {
  const sorted = given.map(([, s]) => magnitude(s)).filter((m) => m > 0).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (median === undefined) return given;
  return given.filter(([, s]) => {
    const m = magnitude(s);
    return m > 0 && Math.max(m / median, median / m) <= maxRatio;
  });
}

/**
 * Pairs of values one account gives for the same question: that account shows them to be two
 * things (an earlier attack's date beside the massacre's, a toll beside the part of it that were
 * soldiers), so another account giving one and a third the other do not disagree.
 */
function toldTogether(g: Group): Set<string> {
  const out = new Set<string>();
  for (const given of g.accounts.values()) {
    const values = [...given.keys()];
    for (const a of values) for (const b of values) if (a !== b) out.add(`${a}\u0000${b}`);
  }
  return out;
}

/** A count's question whatever day it is given for: the kind, what it counts and what happened to it. */
const questionOf = (g: Group) => [g.kind, g.subject, g.qualifier].join('\u0000');

/**
 * Per question, the counts some account gives beside a larger one (on any day): that account shows
 * the smaller to be a part of the whole (one district's dead beside the toll of all the attacks)
 * or an earlier toll, so a third account giving the part alone does not contradict the whole. Left
 * out of conflicts (a missed disagreement costs less than a false one), not of changes: an
 * earlier toll beside a later one is what a change is made of.
 */
function partsOfWholes(groups: readonly Group[]): Map<string, Set<string>> {
  const byAccount = new Map<string, Map<number, Slot[]>>();
  for (const g of groups) {
    if (g.kind !== 'count') continue;
    const accounts = byAccount.get(questionOf(g)) ?? new Map<number, Slot[]>();
    byAccount.set(questionOf(g), accounts);
    for (const [account, values] of g.accounts) {
      const slots = accounts.get(account) ?? [];
      accounts.set(account, slots);
      slots.push(...values.values());
    }
  }
  const out = new Map<string, Set<string>>();
  for (const [question, accounts] of byAccount) {
    const parts = new Set<string>();
    for (const slots of accounts.values()) for (const a of slots) if (slots.some((b) => b.low > a.high)) parts.add(a.value);
    out.set(question, parts);
  }
  return out;
}

const slotOf = (given: [number, Slot][], account: number) => given.find(([a]) => a === account)![1];

/** How many of an account's other counts of one outcome may add up with a count to another's whole. */
const MAX_PARTS_ADDED = 3;

/**
 * Whether `part`, which `account` gives for the group's subject, and some of the account's counts
 * of the same outcome for other subjects add up exactly to `whole`: "four soldiers killed... three
 * gendarmes also died" against "seven soldiers killed" is one toll told in parts.
 */
function partsSummed(groups: readonly Group[]): (account: number, g: Group, part: Slot, whole: Slot) => boolean {
  const others = new Map<string, { group: Group; value: number }[]>();
  for (const g of groups) {
    if (g.kind !== 'count' || !g.qualifier) continue;
    for (const [account, values] of g.accounts) {
      const key = `${account}\u0000${g.qualifier}`;
      const list = others.get(key) ?? [];
      for (const v of values.values()) if (v.low === v.high) list.push({ group: g, value: v.low });
      others.set(key, list);
    }
  }
  return (account, g, part, whole) => {
    if (part.low !== part.high || whole.low !== whole.high || whole.low <= part.low || !g.qualifier) return false;
    const rest = (others.get(`${account}\u0000${g.qualifier}`) ?? []).filter((o) => o.group !== g).map((o) => o.value);
    const reach = (target: number, from: number, left: number): boolean =>
      target === 0 || (left > 0 && rest.some((v, k) => k >= from && v <= target && reach(target - v, k + 1, left - 1)));
    return reach(whole.low - part.low, 0, MAX_PARTS_ADDED);
  };
}

/** A month and a day within it agree. */
const sameDate = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/** An exact count of whole hundreds: "100", "a thousand". */
const isRound = (s: Slot) => s.low === s.high && s.low >= 100 && s.low % 100 === 0;

/** Whether two counts' ranges are apart by more than rounding explains. */
function countsApart(x: Slot, y: Slot, roundSlack: number): boolean {
  const gap = Math.max(x.low - y.high, y.low - x.high);
  if (gap <= 0) return false;
  return !(isRound(x) || isRound(y)) || gap > roundSlack * Math.max(x.low, y.low);
}

/** Whether two accounts were published within `hours` of each other. */
function publishedWithin(accounts: readonly AccountRef[], hours: number): (a: number, b: number) => boolean {
  const times = accounts.map((a) => Date.parse(a.at));
  return (a, b) => Math.abs(times[a]! - times[b]!) <= hours * 3_600_000;
}

/**
 * The highest value some account tells a toll rose to ("has risen to 98"), or -Infinity: values up
 * to it are most likely the counts it rose through, updates and not other answers (a miss is cheaper).
 */
const highestRisen = (given: [number, Slot][]) => Math.max(-Infinity, ...given.filter(([, s]) => s.rose).map(([, s]) => s.low));

/** Pairs of accounts whose values cannot both be true. */
function disagreements(kind: Conflict['kind'], given: [number, Slot][], together: ReadonlySet<string>, roundSlack: number, close: (a: number, b: number) => boolean, risen: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < given.length; i++) {
    for (let j = i + 1; j < given.length; j++) {
      const [a, x] = given[i]!;
      const [b, y] = given[j]!;
      const apart = kind === 'date' ? !sameDate(x.value, y.value) : kind === 'count' ? countsApart(x, y, roundSlack) && Math.max(x.low, y.low) > risen : x.high < y.low || y.high < x.low;
      if (apart && close(a, b) && !together.has(`${x.value}\u0000${y.value}`)) out.push([a, b]);
    }
  }
  return out;
}

/**
 * A toll that only grows (killed, injured, arrested): when accounts give different values, no
 * later account gives less than an earlier one, and the latest was not out yet when the earliest
 * was given, the figure changed over time ("at least 5" in the morning, "at least 50" at night).
 * Its values in time order, or null.
 */
function grewOverTime(g: Group, given: [number, Slot][], accounts: readonly AccountRef[]): [number, Slot][] | null {
  if (g.kind !== 'count' || !outcomeById(g.qualifier)?.cumulative) return null;
  if (new Set(given.map(([, s]) => s.value)).size < 2) return null;
  const time = (a: number) => Date.parse(accounts[a]!.at);
  const ordered = [...given].sort((x, y) => time(x[0]) - time(y[0]) || x[0] - y[0]);
  for (let i = 0; i < ordered.length; i++) {
    for (let j = i + 1; j < ordered.length; j++) {
      const [a, x] = ordered[i]!;
      const [b, y] = ordered[j]!;
      if (x.value === y.value) continue;
      if (time(a) === time(b) || magnitude(y) < magnitude(x)) return null;
    }
  }
  // A latest value some account already gave, beside others or alone, by the time of the earliest
  // was no update: the two were out together, the sources' disagreement, not a toll that rose.
  const latest = ordered[ordered.length - 1]![1].value;
  const earliestAt = time(ordered[0]![0]);
  for (const [account, values] of g.accounts) if (values.has(latest) && time(account) <= earliestAt) return null;
  return ordered;
}

/** Folds a month into the one day value within it, so "January" and "18 January" agree. */
function mergeDates(values: Map<string, { accounts: number[]; quotes: string[] }>): void {
  for (const v of [...values.keys()]) {
    const within = [...values.keys()].filter((o) => o !== v && sameDate(o, v) && o.length > v.length);
    if (within.length !== 1) continue;
    const target = values.get(within[0]!)!;
    const source = values.get(v)!;
    target.accounts.push(...source.accounts);
    target.quotes.push(...source.quotes);
    values.delete(v);
  }
}
