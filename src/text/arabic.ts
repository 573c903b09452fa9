/**
 * Arabic orthographic folding. Outlets differ in how they spell the same word (hamza seats, final
 * yaa vs alif maqsura, taa marbuta vs haa, optional short vowels, tatweel for justification), so
 * every form is folded to one before any comparison.
 */

// Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;

export function foldArabic(text: string): string {
  return text
    .replace(DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // آ أ إ ٱ -> ا
    .replace(/\u0649/g, '\u064A') // ى -> ي
    .replace(/\u0629/g, '\u0647') // ة -> ه
    .replace(/\u0624/g, '\u0648') // ؤ -> و
    .replace(/\u0626/g, '\u064A'); // ئ -> ي
}

// Proclitics in the order they stack: conjunction (wa-, fa-), preposition (bi-, li-, ka-), article (al-).
const CONJUNCTIONS = ['و', 'ف'];
const PREPOSITIONS = ['ب', 'ل', 'ك'];
const MIN_STEM = 3;

/**
 * Strips wa-/fa-, bi-/li-/ka- and al- from a folded word, keeping at least three letters so that
 * short words that merely start with those letters ("ولد", "بلد") survive.
 */
export function stripClitics(word: string): string {
  let w = word;
  if (w.length > MIN_STEM + 1 && CONJUNCTIONS.includes(w[0]!)) w = w.slice(1);
  if (w.startsWith('لل') && w.length > MIN_STEM + 1) return w.slice(2); // li- + al- contracts to "لل"
  if (w.length > MIN_STEM + 1 && PREPOSITIONS.includes(w[0]!) && w[1] === 'ا' && w[2] === 'ل') w = w.slice(1);
  if (w.startsWith('ال') && w.length > MIN_STEM + 1) w = w.slice(2);
  return w;
}

export function isArabicWord(word: string): boolean {
  return /[\u0600-\u06FF]/.test(word);
}
