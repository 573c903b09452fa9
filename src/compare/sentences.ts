/**
 * Sentence splitting for English, French and Arabic news text. Paragraphs (lines) never join:
 * headings, bullets and datelines stand alone. Within a paragraph a sentence ends at . ! ? ؟ …
 * (closing quotes and brackets included) before a space and a sentence start, unless the dot ends
 * an abbreviation or an initial ("Mr.", "M.", "U.S.", "J. Smith") or sits inside a number (3.5).
 */

// Abbreviations after which a dot does not end a sentence (folded to lower case, without the dot).
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'st', 'jr', 'sr', 'rev', 'gov', 'sen', 'rep',
  'no', 'vs', 'etc', 'approx', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mm', 'mme', 'mlle', 'me', 'mgr', 'cf', 'env', 'av', 'bd', 'p', 'pp', 'art',
]);

// French sets a space (often a no-break one) before a closing guillemet: "versée. »".
const END = /[.!?؟…]+(?:[\s\u00A0\u202F]?["'”’»)\]])*(?=\s+)/gu;
// What may begin a sentence: a capital, a digit, an opening quote or bracket, an Arabic letter, a dash.
const STARTS = /^\s+["'“‘«(\[-–—]?\s*[\p{Lu}\p{N}\u0600-\u06FF]/u;

function endsWithAbbreviation(before: string): boolean {
  const m = /(?:^|[\s("'“«])([\p{L}.]+)$/u.exec(before);
  if (!m) return false;
  const word = m[1]!;
  // A single letter ("M.", "J.") or dotted initials ("U.S", "U.N").
  if (/^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function splitParagraph(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of paragraph.matchAll(END)) {
    const end = m.index + m[0].length;
    const rest = paragraph.slice(end);
    if (!STARTS.test(rest)) continue;
    if (m[0][0] === '.' && m[0].length === 1 && endsWithAbbreviation(paragraph.slice(start, m.index))) continue;
    const s = paragraph.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  }
  const last = paragraph.slice(start).trim();
  if (last) out.push(last);
  return out.reduce<string[]>((acc, s) => {
    // A credit line on its own, "(Sahel Wire)", belongs to the sentence before it.
    if (acc.length > 0 && /^\([^()]{1,40}\)$/.test(s)) acc[acc.length - 1] += ` ${s}`;
    else acc.push(s);
    return acc;
  }, []);
}

/** The sentences of a text, in reading order. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .flatMap(splitParagraph);
}
