/**
 * A Latin consonant skeleton for names, so that a name written in Arabic and its Latin spellings
 * meet: "أبو الدرداء", "Abou Darda" and "Abu Dardaa" all give "b drd". Vowels are dropped because
 * Arabic script does not write short vowels and Latin spellings disagree on them; consonants that
 * transcriptions confuse (q/k, ch/sh, dh/d/ظ, th/t, gh/g) are merged.
 */

const ARABIC: Record<string, string> = {
  'ب': 'b', 'ت': 't', 'ث': 't', 'ج': 'j', 'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'd', 'ر': 'r',
  'ز': 'z', 'س': 's', 'ش': 'sh', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'd', 'غ': 'g', 'ف': 'f',
  'ق': 'k', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'پ': 'b', 'ڤ': 'f', 'گ': 'g',
  // Long vowels, alef forms, hamza and ain carry no consonant in Latin spellings.
};

const LATIN_DIGRAPHS: [RegExp, string][] = [
  [/dj/g, 'j'], [/tch/g, 'sh'], [/ch/g, 'sh'], [/sch/g, 'sh'], [/kh/g, 'kh'], [/gh/g, 'g'],
  [/dh/g, 'd'], [/th/g, 't'], [/ph/g, 'f'], [/ou/g, 'u'], [/ck/g, 'k'],
];
const LATIN_SINGLE: Record<string, string> = { q: 'k', c: 'k', x: 'ks', v: 'f', p: 'b', w: '', y: '', e: '', a: '', i: '', o: '', u: '' };

function collapse(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

/** Skeleton of one folded Arabic word (clitics already stripped). */
export function arabicSkeleton(word: string): string {
  let out = '';
  for (const ch of word) out += ARABIC[ch] ?? '';
  // Final haa is usually a taa marbuta folded to haa: not written in Latin ("Ménaka" / "ميناكه").
  if (word.endsWith('ه')) out = out.replace(/h$/, '');
  return collapse(out);
}

/** Skeleton of one folded Latin word; leading "al"/"el"/"ad" articles are the caller's concern. */
export function latinSkeleton(word: string): string {
  let w = word.replace(/[^a-z]/g, '');
  for (const [re, to] of LATIN_DIGRAPHS) w = w.replace(re, to);
  let out = '';
  for (const ch of w) out += LATIN_SINGLE[ch] ?? ch;
  // A final h after a vowel is a taa marbuta or a spelling habit ("Aicha"/"Aisha" already merged).
  out = out.replace(/h$/, '');
  return collapse(out);
}

/**
 * Skeletons already computed: a Latin skeleton costs a dozen pattern replacements, and the same
 * names recur through a news stream. Bounded like the stem cache; clearing only costs recomputing.
 */
const skeletons = new Map<string, string>();
export const SKELETON_CACHE_LIMIT = 100_000;

export function skeleton(word: string): string {
  let s = skeletons.get(word);
  if (s === undefined) {
    s = /[\u0600-\u06FF]/.test(word) ? arabicSkeleton(word) : latinSkeleton(word);
    if (skeletons.size >= SKELETON_CACHE_LIMIT) skeletons.clear();
    skeletons.set(word, s);
  }
  return s;
}
