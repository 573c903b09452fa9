import { asciiDigits, foldWord, type Token } from '../text/index.js';

// The tokenizer's words: the same runs of letters, marks and digits, in the same order.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const BREAK = /[,;()]/;

/**
 * Tokens that a comma, semicolon or bracket stands before: "wounding 70, Iranian officials said"
 * counts no officials, and "Buckley, 32, died" is an age. Tokens drop punctuation, so it is read
 * again from the text they were made from; none when the two disagree on the words.
 */
export function clauseBreaks(text: string, tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  const source = asciiDigits(text.normalize('NFKC'));
  let last = 0;
  let k = 0;
  for (const m of source.matchAll(WORD)) {
    if (!foldWord(m[0])) continue;
    if (BREAK.test(source.slice(last, m.index))) out.add(k);
    last = m.index + m[0].length;
    k++;
  }
  return k === tokens.length ? out : new Set();
}
