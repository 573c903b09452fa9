/**
 * Spans of time in a sentence that place what it tells away from the event ("three weeks after",
 * "il y a deux mois", "قبل أقل من عام": another time told in passing), and spans measured from
 * other events ("the deadliest attack in three years"), which are no act's duration.
 */
import { foldWord as fold, wordsAt, type Token } from '../text/index.js';
import { numberAt } from './numbers.js';

/** Words that measure a span from other events: "the deadliest attack in three years", "the first for two years". */
const RECORD_WORDS = new Set(['deadliest', 'worst', 'bloodiest', 'biggest', 'largest', 'first', 'meurtrier', 'meurtriere', 'pire', 'premier', 'premiere', ...['أعنف', 'أسوأ', 'الأعنف', 'الأسوأ', 'الأكثر', 'الأول'].map(fold)]);
/** How far before a span's number such a word may stand: "the deadliest attack in three years". */
const RECORD_REACH = 5;
/** Whether the span whose number starts at `i` measures time since other events, not an act's length. */
export function sinceOthers(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - RECORD_REACH; j--) if (RECORD_WORDS.has(tokens[j]!.word)) return true;
  return false;
}

/** Arabic singular spans: the noun alone is one ("قبل عام", a year ago). */
const ARABIC_ONE_SPAN = ['أسبوع', 'شهر', 'عام', 'سنة'].map(fold);
/** Spans of weeks or more: "three weeks after", "il y a deux mois", "قبل ثلاثة أسابيع" tell another time. */
const LONG_SPANS = new Set(['week', 'weeks', 'month', 'months', 'year', 'years', 'semaine', 'semaines', 'mois', 'an', 'ans', 'annee', 'annees', ...['أسابيع', 'أسبوعين', 'أشهر', 'شهور', 'شهرين', 'سنوات', 'أعوام'].map(fold), ...ARABIC_ONE_SPAN]);
/** Spans of days: another time only from a week on ("plus de 10 jours après"); days after, an aftermath. */
const DAY_SPANS = new Set(['day', 'days', 'jour', 'jours', ...['أيام', 'يوما'].map(fold)]);
const MIN_DAYS_AWAY = 7;
/** What may stand before a span's count: "less than a year ago", "il y a moins d'un an", "قبل أقل من عام". */
const COMPARATIVES = new Set(['less', 'more', 'than', 'moins', 'plus', 'de', 'd', ...['أقل', 'أكثر', 'من', 'نحو'].map(fold)]);
/** What, after such a span, puts the sentence at that distance: "ago", "after", "plus tôt", "auparavant". */
const AWAY_AFTER = new Set(['ago', 'after', 'earlier', 'before', 'apres', 'auparavant', 'plus', 'avant']);
/** What, before the span, does so: "il y a deux mois", "قبل ثلاثة أسابيع", "بعد عام" (a year after). */
const AWAY_BEFORE = [['il', 'y', 'a'], ['قبل'], ['وقبل'], ['منذ'], ['ومنذ'], ['بعد'], ['وبعد']].map((p) => p.map(fold));
/** "Deux mois et demi après", "two and a half years after", "شهرين ونصف". */
const HALVES = [['et', 'demi'], ['et', 'demie'], ['and', 'a', 'half'], ['ونصف']].map((p) => p.map(fold));
/** "A month ago", "un mois plus tôt". */
const ONE = new Set(['a', 'an', 'un', 'une']);
/** A few, several: a span's count in words that are not numbers. */
const SOME = new Set(['few', 'several', 'quelques', 'plusieurs', 'عدة', 'بضعة'].map(fold));

/**
 * Where the sentence places what it tells a week or more from the event ("came three weeks after
 * two trains collided in Sohag, killing 18", "il y a deux mois"): the tokens of that span (no
 * duration of anything), or null. Its counts are of that other time.
 */
export function weeksAway(tokens: readonly Token[]): { start: number; end: number } | null {
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k]!.word;
    const days = DAY_SPANS.has(w);
    if (!LONG_SPANS.has(w) && !days) continue;
    let start = k - 1;
    while (start >= 0 && (SOME.has(tokens[start]!.word) || numberAt(tokens, start))) start--;
    if (days && !((numberAt(tokens, start + 1)?.value ?? 0) >= MIN_DAYS_AWAY)) continue;
    // Arabic counts in the noun itself: أسبوعين "two weeks", شهرين "two months", عام "a year".
    const counted = start < k - 1 || /(ين|ان)$/.test(w) || ONE.has(tokens[k - 1]?.word ?? '') || ARABIC_ONE_SPAN.includes(w);
    if (ONE.has(tokens[k - 1]?.word ?? '')) start = k - 2;
    while (start >= 0 && COMPARATIVES.has(tokens[start]!.word)) start--;
    if (!counted) continue;
    const half = HALVES.find((h) => wordsAt(tokens, k + 1, h))?.length ?? 0;
    const span = { start: start + 1, end: k + 1 + half };
    if (AWAY_AFTER.has(tokens[k + 1 + half]?.word ?? '')) return span;
    if (AWAY_BEFORE.some((p) => wordsAt(tokens, start - p.length + 1, p))) return span;
  }
  return null;
}
