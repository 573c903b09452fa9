import { asciiDigits, foldWord, type Token } from '../text/index.js';
import { ABOUT_WORDS, HUNDREDS, JOINERS, PLURAL_SCALES, SCALES, SMALL, WHOLE_HUNDREDS } from './number-words.js';

/**
 * Text prepared so that a number is one token and only a number reads as one: thousands
 * separators dropped ("1,500", "1 500", "1.500", "١٬٥٠٠"), decimals kept as "3d5" (the tokenizer
 * would split "3.5"), currency and percent signs spelled out ("€5m" reads as "5 m euros", "80%"
 * as "80 percent"). Numbers that are
 * not quantities are fused into a word that is none: clock times ("20:49", "4 p.m.", "0440 GMT"),
 * and a number joined by a hyphen to a word or another number ("13-inch", "four-by-four",
 * "AK-47", a score "88-72"), which names or describes a thing rather than counting it. Number
 * words joined by a hyphen are one number ("twenty-five", "quatre-vingt-dix").
 */
export function spellNumbers(text: string): string {
  return joinHyphens(
    asciiDigits(text)
      // A figure restated in brackets is a conversion ("85 million euros ($108 million)", "55 km (34 miles)").
      .replace(/\(\s*[^()]{0,30}\d[^()]{0,30}\)/g, ' ')
      .replace(/(\d)[,.\u00A0\u202F\u066C ](?=\d{3}(?!\d))/g, '$1')
      .replace(/(\d)[,.\u066B](\d)/g, '$1d$2')
      // A share: the sign is no word, so the tokenizer would drop it and leave a bare count.
      .replace(/(\d)\s*[%٪]/g, '$1 percent')
      // "و70", "نحو٢ ألف": a conjunction or a word written on the number, in a script that has no digits of its own to glue.
      .replace(/(\p{Script=Arabic})(\d)/gu, '$1 $2')
      .replace(/(\d)(\p{Script=Arabic})/gu, '$1 $2')
      .replace(/(^|[^\p{L}\p{N}])\.(\d)/gu, '$1n$2')
      .replace(/\b(\d{1,2})[:h](\d{2})\b/g, 't$1h$2')
      .replace(/\b(\d{1,4})\s*(?:[ap]\.\s?m\b\.?|[ap]m\b|GMT\b|UTC\b|IST\b|BST\b|EDT\b|EST\b|CET\b|PDT\b|PST\b)/gi, 't$1 ')
      .replace(/€\s*(\d[\dd]*)\s*(bn|m|mn|million|millions|billion|milliards?)?\b/gi, ' $1 $2 euros ')
      .replace(/\$\s*(\d[\dd]*)[\s-]*(bn|m|mn|million|billion)?\b/gi, ' $1 $2 dollars ')
      .replace(/(\d)\s*(?:M€|m€)/g, '$1 million euros')
      .replace(/(\d)\s*€/g, '$1 euros'),
  );
}

const isNumberWord = (w: string) => /^\d+$/.test(w) || SMALL.has(foldWord(w)) || HUNDREDS.has(foldWord(w)) || SCALES.has(foldWord(w));

function joinHyphens(text: string): string {
  return text.replace(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu, (compound) => {
    const parts = compound.split('-');
    const numeric = parts.map(isNumberWord);
    if (numeric.every(Boolean)) return /\d/.test(compound) ? parts.join('x') : parts.join(' ');
    return numeric.some(Boolean) ? parts.join('') : compound;
  });
}

/** How a number is qualified: the range of values it allows. */
export interface NumberRead {
  value: number;
  /** Tokens the number itself takes (the qualifying words before it are not counted). */
  length: number;
  low: number;
  high: number;
  /** Tokens of the qualifying words before it ("at least": 2). */
  lead: number;
  /** Written as a range ("between 50 and 70", "de 10 à 12"): low and high are its ends. */
  range: boolean;
}

/** How far "about" reaches either side of its number. */
export const APPROXIMATE = 0.2;

type Bound = 'atLeast' | 'about' | 'nearly' | 'upTo';
const phrases = (bound: Bound, list: string[]) => list.map((p) => ({ bound, words: p.split(' ').map(foldWord) }));
// Longest first, so that "no fewer than" wins over "fewer than".
const QUALIFIERS = [
  ...phrases('atLeast', ['at least', 'no fewer than', 'no less than', 'more than', 'over', 'upwards of', 'pas moins de', 'au moins', 'plus de', 'ما لا يقل عن', 'لا يقل عن', 'اكثر من', 'ما يزيد عن', 'ما يزيد على', 'ازيد من', 'ما يربو على', 'يربو على']),
  ...phrases('about', ['about', 'around', 'some', 'approximately', 'roughly', 'an estimated', 'estimated', 'environ', 'quelque', 'quelques', 'autour de', 'حوالي', 'نحو', 'قرابه', 'زهاء', 'تقريبا']),
  ...phrases('nearly', ['nearly', 'almost', 'close to', 'pres de', 'presque', 'quasiment', 'ما يقارب', 'ما يناهز']),
  ...phrases('upTo', ['up to', 'as many as', 'fewer than', 'less than', 'under', 'jusqu a', 'moins de', 'ما يصل الى', 'اقل من']),
].sort((a, b) => b.words.length - a.words.length);

/** The qualifying words that end just before token i: "at least", "plus de", "أكثر من". */
function boundBefore(tokens: readonly Token[], i: number): { bound: Bound; lead: number } | null {
  for (const q of QUALIFIERS) {
    const start = i - q.words.length;
    if (start >= 0 && q.words.every((w, k) => tokens[start + k]!.word === w)) return { bound: q.bound, lead: q.words.length };
  }
  return null;
}

function range(value: number, bound: Bound | null): { low: number; high: number } {
  switch (bound) {
    case 'atLeast': return { low: value, high: Infinity };
    case 'about': return { low: value * (1 - APPROXIMATE), high: value * (1 + APPROXIMATE) };
    case 'nearly': return { low: value * (1 - APPROXIMATE), high: value };
    case 'upTo': return { low: 0, high: value };
    default: return { low: value, high: value };
  }
}

/**
 * A number written at token i (digits, "3d5", words in EN/FR/AR, with a scale after digits: "1.5
 * million"), with how many tokens it takes and the range its qualifiers allow ("at least 5",
 * "about 50", "une dizaine"). Vague plurals ("hundreds", "des milliers", "آلاف" alone) are no number.
 */
export function numberAt(tokens: readonly Token[], i: number): NumberRead | null {
  const read = readNumber(tokens, i);
  if (!read) return null;
  // "over a hundred": the article belongs to the number, and the qualifier stands before it.
  const article = ARTICLES.has(tokens[i - 1]?.word ?? '') && ARTICLE_SCALES.has(tokens[i]!.word) ? 1 : 0;
  const before = boundBefore(tokens, i - article);
  const end = rangeEnd(tokens, i, i + read.length);
  // "The toll rose from 32 to 53": the figure now is the second, as told.
  if (end && changedFrom(tokens, i)) return { value: end.value, length: end.next - i, low: end.value, high: end.value, lead: 1, range: false };
  if (end && end.value > read.value) {
    return { value: read.value, length: end.next - i, low: read.value, high: end.value, lead: RANGE_OPENERS.has(tokens[i - 1]?.word ?? '') ? 1 : 0, range: true };
  }
  const bound = read.about ? 'about' : before?.bound ?? null;
  return { value: read.value, length: read.length, ...range(read.value, bound), lead: (before?.lead ?? 0) + article, range: false };
}

/** English scale words an indefinite article counts as one: "a hundred", "a thousand", "a dozen". */
const ARTICLE_SCALES = new Set(['hundred', 'thousand', 'million', 'dozen']);
const ARTICLES = new Set(['a', 'an']);

/** Words between the ends of a range: "50 to 70", "de 10 à 12"; "and" only after "between": "entre 50 et 70", "بين 50 و70". */
const RANGE_JOINERS = new Set(['to', 'a', 'الى', 'حتى']);
const PAIR_JOINERS = new Set(['and', 'et', 'و']);
const RANGE_OPENERS = new Set(['between', 'from', 'entre', 'de', 'بين', 'من']);
const PAIR_OPENERS = new Set(['between', 'entre', 'بين']);

/** Verbs that move a figure from one value to another: "rose from 32 to 53", "est passé de 20 à 32", "ارتفع من 10 إلى 15". */
const CHANGE_VERBS = new Set([
  'rose', 'risen', 'rising', 'increased', 'climbed', 'jumped', 'grew', 'fell', 'dropped', 'revised', 'raised', 'lowered',
  'passe', 'grimpe', 'augmente', 'alourdi', 'revu', 'revise', 'porte', 'ارتفع', 'ارتفعت', 'ارتفاع', 'زاد', 'تراجع',
].map(foldWord));
/** What may stand between such a verb and "from": "went up from", "est passé brusquement de". */
const CHANGE_FILLERS = new Set(['up', 'down', 'sharply', 'brusquement']);

/** Whether the number at i opens "from X to Y" after a verb of change. */
function changedFrom(tokens: readonly Token[], i: number): boolean {
  if (!FROM_OPENERS.has(tokens[i - 1]?.word ?? '')) return false;
  let k = i - 2;
  if (CHANGE_FILLERS.has(tokens[k]?.word ?? '')) k--;
  return CHANGE_VERBS.has(tokens[k]?.word ?? '');
}
const FROM_OPENERS = new Set(['from', 'de', 'من']);

function rangeEnd(tokens: readonly Token[], i: number, j: number): { value: number; next: number } | null {
  const joiner = tokens[j]?.word ?? '';
  const paired = PAIR_OPENERS.has(tokens[i - 1]?.word ?? '');
  if (!RANGE_JOINERS.has(joiner) && !(PAIR_JOINERS.has(joiner) && paired)) return null;
  const end = readNumber(tokens, j + 1);
  return end ? { value: end.value, next: j + 1 + end.length } : null;
}

/** Words before "dozen" or "dizaine" that leave how many unsaid. */
const VAGUE_BEFORE = new Set(['several', 'few', 'many', 'some', 'plusieurs', 'quelques']);

/** A word in capitals is an acronym, not a number word: "the UN said" is no "un" (one). */
const ACRONYM = /^\p{Lu}{2,}$/u;

function readNumber(tokens: readonly Token[], i: number): { value: number; length: number; about: boolean } | null {
  const first = tokens[i]?.word;
  if (first === undefined) return null;
  if (ACRONYM.test(tokens[i]!.raw)) return null;
  const about = ABOUT_WORDS.get(first);
  // "Several dozen", "quelques dizaines" say no number.
  if (about !== undefined) return VAGUE_BEFORE.has(tokens[i - 1]?.word ?? '') ? null : { value: about, length: 1, about: true };
  const decimal = /^(\d+)d(\d+)$/.exec(first);
  let total = 0;
  let group = 0;
  let j = i;
  let any = false;
  if (decimal || /^\d{1,12}$/.test(first)) {
    group = decimal ? Number(`${decimal[1]}.${decimal[2]}`) : Number(first);
    any = true;
    j++;
  }
  let approximate = false;
  const digits = any;
  // Scales only decrease within one number: "6 million (two million euros)" is two numbers.
  let lastScale = Infinity;
  let groupStart = j;
  for (; j < tokens.length; j++) {
    const w = tokens[j]!.word;
    const estimate = ABOUT_WORDS.get(w);
    if (estimate !== undefined && any) {
      // "une dizaine", "two dozen": the number before says how many of them.
      group = (group || 1) * estimate;
      approximate = true;
      continue;
    }
    const small = digits ? undefined : SMALL.get(w);
    const whole = digits ? undefined : WHOLE_HUNDREDS.get(w);
    const scale = SCALES.get(w) ?? (any ? PLURAL_SCALES.get(w) : undefined);
    if (group === 0 && total > 0 && (small !== undefined || whole !== undefined)) groupStart = j;
    if (small !== undefined) {
      // "quatre vingt(s)" is 80, not 24.
      if (small === 20 && tokens[j - 1]?.word === 'quatre' && any) group += 76;
      else group += small;
    } else if (whole !== undefined) group += whole;
    else if (HUNDREDS.has(w) && (any || !/\d/.test(first))) group = (group || 1) * 100;
    else if (scale !== undefined) {
      if (scale >= lastScale) {
        j = groupStart;
        group = 0;
        break;
      }
      total += (group || 1) * scale;
      group = 0;
      lastScale = scale;
    } else if (any && JOINERS.has(w) && isNumberToken(tokens[j + 1]?.word)) continue;
    else break;
    any = true;
  }
  if (!any || j === i) return null;
  return { value: total + group, length: j - i, about: approximate };
}

function isNumberToken(w: string | undefined): boolean {
  return w !== undefined && (SMALL.has(w) || HUNDREDS.has(w));
}
