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
  for (const m of source.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
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
