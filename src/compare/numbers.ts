import { arabicTeen, numberOf, type Token } from '../text/index.js';

/**
 * Text prepared so that a number is one token: thousands separators dropped ("1,500,000",
 * "1 500 000"), decimals kept as "3d5" (the tokenizer would split "3.5"), currency symbols spelled
 * out ("€5m" reads as "5 m euros", "$2 million" as "2 million dollars").
 */
export function spellNumbers(text: string): string {
  return text
    .replace(/(\d)[,.\u00A0\u202F ](?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d)[,.](\d)/g, '$1d$2')
    .replace(/€\s*(\d[\dd]*)\s*(bn|m|mn|million|millions|billion|milliards?)?\b/gi, ' $1 $2 euros ')
    .replace(/\$\s*(\d[\dd]*)\s*(bn|m|mn|million|billion)?\b/gi, ' $1 $2 dollars ')
    .replace(/(\d)\s*(?:M€|m€)/g, '$1 million euros')
    .replace(/(\d)\s*€/g, '$1 euros');
}

/** A number written at token i (digits, "3d5", words, Arabic 11-19), with how many tokens it takes. */
export function numberAt(tokens: readonly Token[], i: number): { value: number; length: number } | null {
  const w = tokens[i]?.word;
  if (w === undefined) return null;
  const teen = arabicTeen(w, tokens[i + 1]?.word);
  if (teen !== null) return { value: teen, length: 2 };
  const decimal = /^(\d+)d(\d+)$/.exec(w);
  if (decimal) return { value: Number(`${decimal[1]}.${decimal[2]}`), length: 1 };
  const n = numberOf(w);
  return n === null ? null : { value: n, length: 1 };
}
