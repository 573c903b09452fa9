import { foldArabic, stripClitics, type Token } from '../text/index.js';
import { monthForms } from '../text/months.js';

/**
 * Dates as written in English, French and Arabic news ("1 August 2025", "August 1", "1er août",
 * "في يناير", "يوم الجمعة", "vendredi"), normalised to ISO ("2025-08-01", or "2025-01" when only the
 * month is given). A date without a year, or a weekday, is the latest one on or before the
 * article's publication: news reports what has happened.
 */

const fold = (w: string) => stripClitics(foldArabic(w));

// Month names of English, French and Arabic prose, which spells French months out.
const MONTHS: Record<string, number> = {};
for (const [form, n] of monthForms(['en', 'enShort', 'fr', 'ar'])) MONTHS[fold(form)] = n;
// Levantine names are two words: كانون الثاني (January), تشرين الأول (October)...
const TWO_WORD_MONTHS: Record<string, Record<string, number>> = {
  [fold('كانون')]: { [fold('الثاني')]: 1, [fold('الأول')]: 12 },
  [fold('تشرين')]: { [fold('الأول')]: 10, [fold('الثاني')]: 11 },
};
// Months that are words of prose too: "may", "march", "mar" (the sea, a name), "sept" (French
// seven), مارس ("he practised"), شباط (a surname), يوليه ("he gives him", يوليه اهتماما). Only a month next to a day
// or a year, after "in", or before "last" or "next" (مارس الماضي, mars dernier).
const AMBIGUOUS = new Set(['may', 'march', 'mars', 'mai', 'mar', 'sept', ...['مارس', 'شباط', 'يوليه'].map(fold)]);
const LAST_OR_NEXT = new Set(['dernier', 'prochain', ...['الماضي', 'المقبل', 'الجاري'].map(fold)]);
// Words joining the days of a list or a span ("les 1er et 2 janvier", "du 1er au 3", "1 and 2
// January"): such a date is no single day, and its last day alone would be a wrong one.
// Arabic "و" written on its day ("1 و2") is split from it before tokens are read (spellNumbers).
const DAY_JOINERS = new Set(['et', 'and', 'or', 'ou', 'au', 'to', 'through', ...['و', 'إلى', 'حتى', 'أو'].map(fold)]);
/** Words that may stand between a joining word and a day ("entre le 1er et le 2 janvier"). */
const DAY_ARTICLES = new Set(['le', 'the', 'on']);

const WEEKDAYS: Record<string, number> = {};
const weekday = (n: number, ...forms: string[]) => forms.forEach((f) => (WEEKDAYS[fold(f)] = n));
weekday(0, 'sunday', 'dimanche');
weekday(1, 'monday', 'lundi');
weekday(2, 'tuesday', 'mardi');
weekday(3, 'wednesday', 'mercredi');
weekday(4, 'thursday', 'jeudi');
weekday(5, 'friday', 'vendredi');
weekday(6, 'saturday', 'samedi');
// Arabic weekday names are also ordinary words (أحد "one", الجمعة "the assembly"): only after يوم "day".
const ARABIC_WEEKDAYS: Record<string, number> = {};
[['الأحد', 0], ['الاثنين', 1], ['الثلاثاء', 2], ['الأربعاء', 3], ['الخميس', 4], ['الجمعة', 5], ['السبت', 6]].forEach(
  ([f, n]) => (ARABIC_WEEKDAYS[fold(f as string)] = n as number),
);
const ARABIC_DAY = fold('يوم');

/** Whether a (folded) word names a day of the week, in any of the three languages. */
export const isWeekday = (word: string): boolean => WEEKDAYS[word] !== undefined || ARABIC_WEEKDAYS[word] !== undefined;
const IN = new Set(['in', 'en', 'since', 'depuis', 'في', 'منذ', 'early', 'late', 'mid', 'debut', 'fin']);
const YESTERDAY = new Set(['yesterday', 'hier', fold('أمس')]);

export interface DateMention {
  /** Tokens [start, end) written as the date. */
  start: number;
  end: number;
  /** "YYYY-MM-DD" or "YYYY-MM". */
  value: string;
  /** How the year was told: written, inferred from publication (a month or day without a year),
   * or the whole date read from publication (a weekday, "yesterday"). */
  told: 'year' | 'noYear' | 'relative';
}

const pad = (n: number) => String(n).padStart(2, '0');

function dayOf(word: string): number | null {
  const m = /^(\d{1,2})(?:er|st|nd|rd|th)?$/.exec(word);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 31 ? n : null;
}

function yearOf(word: string | undefined): number | null {
  return word && /^(19|20)\d\d$/.test(word) ? Number(word) : null;
}

/** The year of a month (and day) written without one: the latest not after publication. */
function inferYear(published: Date, monthIndex: number, day: number | null): number {
  const y = published.getUTCFullYear();
  const candidate = Date.UTC(y, monthIndex - 1, day ?? 1);
  return candidate > published.getTime() ? y - 1 : y;
}

function iso(published: Date, m: number, day: number | null, year: number | null): string {
  const y = year ?? inferYear(published, m, day);
  return day === null ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(day)}`;
}

function daysBefore(published: Date, days: number): string {
  return new Date(published.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether another day stands next to the day at `i` (before it: step -1; after: 1), maybe past a joining word. */
function listedDay(tokens: readonly Token[], i: number, step: -1 | 1): boolean {
  let j = i + step;
  const skip = (words: ReadonlySet<string>) => {
    while (words.has(tokens[j]?.word ?? '')) j += step;
  };
  skip(DAY_ARTICLES);
  if (DAY_JOINERS.has(tokens[j]?.word ?? '')) j += step;
  skip(DAY_ARTICLES);
  const other = tokens[j]?.word ?? '';
  return dayOf(other) !== null;
}

function monthAt(tokens: readonly Token[], i: number): { month: number; length: number } | null {
  const w = tokens[i]!.word;
  const two = TWO_WORD_MONTHS[w]?.[tokens[i + 1]?.word ?? ''];
  if (two !== undefined) return { month: two, length: 2 };
  const m = MONTHS[w];
  return m === undefined ? null : { month: m, length: 1 };
}

/** Every date written in a tokenized sentence; `published` resolves weekdays and missing years. */
export function findDates(tokens: readonly Token[], published: Date): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.word;
    const found = monthAt(tokens, i);
    if (found) {
      const before = dayOf(tokens[i - 1]?.word ?? '');
      const after = before === null ? dayOf(tokens[i + found.length]?.word ?? '') : null;
      const day = before ?? after;
      const yearIndex = i + found.length + (after !== null ? 1 : 0);
      const year = yearOf(tokens[yearIndex]?.word);
      if (AMBIGUOUS.has(w) && day === null && year === null && !IN.has(tokens[i - 1]?.word ?? '') && !LAST_OR_NEXT.has(tokens[i + found.length]?.word ?? '')) continue;
      const start = before !== null ? i - 1 : i;
      const end = yearIndex + (year !== null ? 1 : 0);
      const listed = before !== null ? listedDay(tokens, i - 1, -1) : after !== null && listedDay(tokens, i + found.length, 1);
      if (listed) {
        i = end - 1;
        continue;
      }
      out.push({ start, end, value: iso(published, found.month, day, year), told: year === null ? 'noYear' : 'year' });
      i = end - 1;
      continue;
    }
    const wd = WEEKDAYS[w] ?? (tokens[i - 1]?.word === ARABIC_DAY ? ARABIC_WEEKDAYS[w] : undefined);
    if (wd !== undefined) {
      const back = (published.getUTCDay() - wd + 7) % 7;
      out.push({ start: WEEKDAYS[w] === undefined ? i - 1 : i, end: i + 1, value: daysBefore(published, back), told: 'relative' });
      continue;
    }
    if (YESTERDAY.has(w)) out.push({ start: i, end: i + 1, value: daysBefore(published, 1), told: 'relative' });
  }
  return out;
}
