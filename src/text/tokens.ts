import { foldArabic, isArabicWord, stripClitics } from './arabic.js';
import { foldLatin } from './fold.js';
import { knownLanguage, type Language } from './language.js';
import { asciiDigits } from './numbers.js';
import { stem } from './stem.js';
import { isStopWord } from './stopwords.js';

/** One word of a text, in every form the later stages compare. */
export interface Token {
  /** Case, accents and Arabic spelling variants folded; Arabic clitics stripped. */
  word: string;
  /** `word` after light stemming: what TF-IDF counts. */
  stem: string;
  stop: boolean;
  /** Written with a capital and not at the start of a sentence: a likely name (Latin scripts only). */
  name: boolean;
  /** As written (NFKC), for showing a word to a reader. */
  raw: string;
}

// Letters, digits and marks, with inner apostrophes/hyphens splitting words ("l'armée", "al-Qaida").
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** One character of `WORD`, for code points outside ASCII. */
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

/** Whether the code point is a letter, mark or digit, as `WORD` reads it; ASCII without the pattern. */
function isWordCodePoint(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR.test(String.fromCodePoint(c));
}

/**
 * The words of a text as `text.matchAll(WORD)` finds them (maximal runs of word code points), as
 * [start, end) offsets: a scan by code point, without a match object per word. Tokenizing is most
 * of the clusterer's cost per article, and the matches were its largest allocation.
 */
export function wordSpans(text: string): number[] {
  const spans: number[] = [];
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i)!;
    const width = c > 0xffff ? 2 : 1;
    if (isWordCodePoint(c)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      spans.push(start, i);
      start = -1;
    }
    i += width;
  }
  if (start >= 0) spans.push(start, text.length);
  return spans;
}

/** The reference `wordSpans` must agree with (tests compare them). */
export function wordSpansByPattern(text: string): number[] {
  return [...text.matchAll(WORD)].flatMap((m) => [m.index, m.index + m[0].length]);
}
// Characters that end a sentence before the next word, with only white space after them.
const ENDS_SENTENCE = new Set([...'.!?:;\n"“”«»—–|'].map((c) => c.charCodeAt(0)));
const SPACE = /\s/;

/**
 * Whether `text` from `from` to `to` ends a sentence, as /[.!?:;\n"“”«»—–|]\s*$/ on that slice
 * would say, without cutting the slice for every word: a line break counts anywhere in the
 * trailing white space.
 */
export function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (ENDS_SENTENCE.has(c)) return true;
    // Plain spaces are most gaps; anything else is asked of the pattern's own \s.
    if (c !== 32 && !SPACE.test(text[i]!)) return false;
  }
  return false;
}

/** Whether the folded `words` stand in order from token `at`: a phrase met in the text. */
export function wordsAt(tokens: readonly Token[], at: number, words: readonly string[]): boolean {
  return words.every((w, m) => tokens[at + m]?.word === w);
}

/** A word folded as the tokenizer folds it: Latin without case or accents, Arabic spelling variants and clitics removed. */
export function foldWord(raw: string): string {
  return isArabicWord(raw) ? stripClitics(foldArabic(raw)) : foldLatin(raw);
}

/**
 * Splits a text into tokens in reading order. Stop words are kept (flagged) so that phrase matching
 * sees the words in place; the caller filters them out for bags of words.
 */
export function tokenize(text: string, languageCode: string): Token[] {
  const language: Language | null = knownLanguage(languageCode);
  const source = asciiDigits(text.normalize('NFKC'));
  const out: Token[] = [];
  let last = 0;
  const spans = wordSpans(source);
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k]!;
    const raw = source.slice(start, spans[k + 1]!);
    const sentenceStart = out.length === 0 || endsSentence(source, last, start);
    last = start + raw.length;
    const word = foldWord(raw);
    if (!word) continue;
    const stop = isStopWord(word, language);
    const first = raw[0]!;
    const name = !sentenceStart && !stop && first !== first.toLowerCase() && raw.length > 1;
    out.push({ word, stem: stop ? word : stem(word, language), stop, name, raw });
  }
  return out;
}

/** Stems of the content words: the bag of words TF-IDF and shingles are built from. */
export function contentStems(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) if (!t.stop && t.word.length > 1) out.push(t.stem);
  return out;
}
