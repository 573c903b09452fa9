import type { PhraseSpan } from '../cluster/index.js';
import { foldArabic, stripClitics, type Token } from '../text/index.js';
import { findDates } from './dates.js';
import { farAction } from './far-action.js';
import { numberAt } from './numbers.js';
import type { Conflict } from './types.js';

/**
 * The figures of a sentence, each attached to its subject: counts to the noun they count ("four
 * drivers", "quatre camionneurs", "أربعة سائقين" all count topic:truck-driver), dates and durations
 * to the action next to them ("kidnapped in January"; a date further away only through the action's
 * own complements, see far-action.ts; never a date after since/until, which bounds a duration), amounts to the topic they price ("a ransom of
 * five million euros"). A figure whose subject cannot be told is left out: a conflict between
 * figures about different things would be invented.
 */
export interface Figure {
  kind: Conflict['kind'];
  /** A vocabulary key ("topic:truck-driver") or, for a noun outside it, "word:fr:soldat". */
  subject: string;
  value: string;
}

const fold = (w: string) => stripClitics(foldArabic(w));
const table = (entries: [string, string][]) => new Map(entries.map(([w, v]) => [fold(w), v]));

const MULTIPLIERS = new Map<string, number>([
  ...['thousand', 'mille', 'milliers', 'ألف', 'آلاف'].map((w) => [fold(w), 1e3] as [string, number]),
  ...['million', 'millions', 'm', 'mn', 'مليون', 'ملايين'].map((w) => [fold(w), 1e6] as [string, number]),
  ...['billion', 'billions', 'bn', 'milliard', 'milliards', 'مليار', 'مليارات'].map((w) => [fold(w), 1e9] as [string, number]),
]);
const CURRENCIES = table([
  ['euro', 'EUR'], ['euros', 'EUR'], ['يورو', 'EUR'],
  ['dollar', 'USD'], ['dollars', 'USD'], ['دولار', 'USD'], ['دولارات', 'USD'],
  ['fcfa', 'XOF'], ['cfa', 'XOF'], ['francs', 'XOF'], ['فرنك', 'XOF'],
  ['dirham', 'MAD'], ['dirhams', 'MAD'], ['درهم', 'MAD'], ['دراهم', 'MAD'],
  ['dinar', 'DZD'], ['dinars', 'DZD'], ['دينار', 'DZD'],
  ['ouguiya', 'MRU'], ['ouguiyas', 'MRU'], ['أوقية', 'MRU'],
]);
const FILLER = new Set(['de', 'd', 'of', 'us']);
const UNITS = table([
  ['day', 'D'], ['days', 'D'], ['jour', 'D'], ['jours', 'D'], ['يوم', 'D'], ['ايام', 'D'], ['يوما', 'D'],
  ['week', 'W'], ['weeks', 'W'], ['semaine', 'W'], ['semaines', 'W'], ['أسبوع', 'W'], ['أسابيع', 'W'],
  ['month', 'M'], ['months', 'M'], ['mois', 'M'], ['شهر', 'M'], ['أشهر', 'M'], ['شهور', 'M'], ['شهرا', 'M'],
  ['year', 'Y'], ['years', 'Y'], ['an', 'Y'], ['ans', 'Y'], ['annee', 'Y'], ['annees', 'Y'], ['عام', 'Y'], ['أعوام', 'Y'], ['سنة', 'Y'], ['سنوات', 'Y'],
]);
const PERCENT = new Set(['percent', 'pour', '%', 'بالمئة', 'بالمايه', 'المئه', 'في']);
const NEAR = 3;
// "held since January", "détenus depuis janvier", "استمر حتى يوم الجمعة": the date starts or ends a
// duration, so it is not when the action next to it happened.
const BOUNDS = new Set(['since', 'until', 'till', 'depuis', 'jusqu', ...['منذ', 'ومنذ', 'حتى', 'وحتى'].map(fold)]);
// What may stand between such a word and its date: "since early January", "jusqu'au 1er août", "depuis le mois de janvier", "منذ شهر يناير".
const BOUND_FILLERS = new Set(['the', 'early', 'late', 'mid', 'on', 'of', 'le', 'la', 'l', 'a', 'au', 'en', 'debut', 'fin', 'mi', 'mois', 'de', 'd', 'month', fold('شهر')]);

function bounds(tokens: readonly Token[], start: number): boolean {
  for (let j = start - 1; j >= 0 && j >= start - 4; j--) {
    const w = tokens[j]!.word;
    if (BOUNDS.has(w)) return true;
    if (!BOUND_FILLERS.has(w)) return false;
  }
  return false;
}

function kindOf(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

/** Spans by the token they start at and the token positions they cover. */
function spanIndex(spans: readonly PhraseSpan[]): { at: Map<number, PhraseSpan>; covered: Set<number> } {
  const at = new Map<number, PhraseSpan>();
  const covered = new Set<number>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) (at.set(i, s), covered.add(i));
  return { at, covered };
}

/** The action key nearest to tokens [start, end), within NEAR tokens, the one before winning ties. */
function nearestAction(spans: readonly PhraseSpan[], start: number, end: number): string | null {
  let best: { key: string; distance: number } | null = null;
  for (const s of spans) {
    if (!s.key.startsWith('action:')) continue;
    const distance = s.end <= start ? start - s.end : s.start >= end ? s.start - end + 0.5 : Infinity;
    if (distance <= NEAR && (!best || distance < best.distance)) best = { key: s.key, distance };
  }
  return best?.key ?? null;
}

/** What a count at [i, i+length) counts: a topic or institution key after it, or a noun. */
function countedSubject(tokens: readonly Token[], i: number, length: number, index: ReturnType<typeof spanIndex>, language: string): string | null {
  for (let j = i + length; j < tokens.length && j < i + length + 4; ) {
    const span = index.at.get(j);
    if (span) {
      const kind = kindOf(span.key);
      if (kind === 'topic' || kind === 'institution' || kind === 'group') return span.key;
      j = span.end;
      continue;
    }
    const t = tokens[j]!;
    if (t.stop || numberAt(tokens, j)) break;
    // Outside the vocabulary: French and Arabic put the noun first, English last before a stop.
    if (language !== 'en') return `word:${language}:${t.stem}`;
    const next = tokens[j + 1];
    if (!next || next.stop || index.covered.has(j + 1)) return `word:${language}:${t.stem}`;
    j++;
  }
  // Arabic puts a definite number after its noun: "السائقين المغاربة الأربعة".
  if (language === 'ar') {
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const span = index.at.get(j);
      if (span && (kindOf(span.key) === 'topic' || kindOf(span.key) === 'institution')) return span.key;
    }
  }
  return null;
}

export function findFigures(tokens: readonly Token[], spans: readonly PhraseSpan[], language: string, published: Date): Figure[] {
  const out: Figure[] = [];
  const index = spanIndex(spans);
  const used = new Set<number>();
  for (const d of findDates(tokens, published)) {
    for (let i = d.start; i < d.end; i++) used.add(i);
    if (bounds(tokens, d.start)) continue;
    const action = nearestAction(spans, d.start, d.end) ?? farAction(tokens, index.at, d.start, d.end);
    if (action) out.push({ kind: 'date', subject: action, value: d.value });
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || index.covered.has(i)) continue;
    const n = numberAt(tokens, i);
    if (!n) continue;
    const w = tokens[i]!.word;
    if (/^(19|20)\d\d$/.test(w) || PERCENT.has(tokens[i + n.length]?.word ?? '')) continue;
    let j = i + n.length;
    const multiplier = MULTIPLIERS.get(tokens[j]?.word ?? '');
    if (multiplier) j++;
    while (FILLER.has(tokens[j]?.word ?? '')) j++;
    const currency = CURRENCIES.get(tokens[j]?.word ?? '');
    if (currency) {
      const subject = nearestTopic(spans, i);
      if (subject) out.push({ kind: 'amount', subject, value: `${Math.round(n.value * (multiplier ?? 1))} ${currency}` });
      i = j;
      continue;
    }
    // يوم of "يوم الجمعة" is the date's, not a unit: "الأربعة يوم الجمعة" is no four days.
    const unit = used.has(i + n.length) ? undefined : UNITS.get(tokens[i + n.length]?.word ?? '');
    if (unit) {
      const action = nearestAction(spans, i, i + n.length + 1);
      if (action) out.push({ kind: 'duration', subject: action, value: `P${n.value}${unit}` });
      i += n.length;
      continue;
    }
    if (n.value >= 2 && Number.isInteger(n.value)) {
      const subject = countedSubject(tokens, i, n.length, index, language);
      if (subject) out.push({ kind: 'count', subject, value: String(n.value) });
    }
    i += n.length - 1;
  }
  return out;
}

/** The topic key nearest to token i anywhere in the sentence: what an amount is the price of. */
function nearestTopic(spans: readonly PhraseSpan[], i: number): string | null {
  let best: { key: string; distance: number } | null = null;
  for (const s of spans) {
    if (!s.key.startsWith('topic:')) continue;
    const distance = Math.abs(s.start - i);
    if (!best || distance < best.distance) best = { key: s.key, distance };
  }
  return best?.key ?? null;
}
