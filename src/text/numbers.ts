/**
 * Numbers as language-neutral evidence: "four drivers", "quatre camionneurs" and "أربعة سائقين"
 * all say 4. Digits in Arabic-Indic and Persian forms are mapped to ASCII first.
 */

const WORDS = new Map<string, number>(Object.entries({
  // English
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, fifty: 50, hundred: 100,
  dozen: 12,
  // French (folded: no accents)
  deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, quinze: 15, vingt: 20, trente: 30, cinquante: 50, cent: 100,
  dizaine: 10, douzaine: 12,
  // Arabic (folded: taa marbuta as haa, no hamza seats)
  'اثنان': 2, 'اثنين': 2, 'ثلاثه': 3, 'ثلاث': 3, 'اربعه': 4, 'اربع': 4, 'خمسه': 5, 'خمس': 5,
  'سته': 6, 'ست': 6, 'سبعه': 7, 'ثمانيه': 8, 'تسعه': 9, 'عشره': 10, 'عشر': 10,
  'عشرين': 20, 'ثلاثين': 30, 'خمسين': 50, 'مائه': 100, 'ميه': 100,
}));

export function asciiDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

const ARABIC_TEEN = new Set(['عشر', 'عشره']);
const ARABIC_UNITS = new Map<string, number>(Object.entries({ 'احد': 1, 'اثنا': 2, 'اثني': 2, 'ثلاثه': 3, 'ثلاث': 3, 'اربعه': 4, 'اربع': 4, 'خمسه': 5, 'خمس': 5, 'سته': 6, 'ست': 6, 'سبعه': 7, 'سبع': 7, 'ثمانيه': 8, 'تسعه': 9, 'تسع': 9 }));

/** Arabic 11-19 are two words ("خمسة عشر"): the number they make together, or null. */
export function arabicTeen(first: string, second: string | undefined): number | null {
  // The second word first: it is almost never "عشر", and the test is a cheap set lookup.
  const unit = second !== undefined && ARABIC_TEEN.has(second) ? ARABIC_UNITS.get(first) : undefined;
  return unit === undefined ? null : 10 + unit;
}

/** The number a folded token stands for, or null. Years and other digit strings are kept as written. */
export function numberOf(token: string): number | null {
  const c = token.charCodeAt(0);
  // Most tokens are words: a first character that is no digit settles it without the pattern.
  if (c >= 48 && c <= 57 && /^\d{1,9}$/.test(token)) return Number(token);
  return WORDS.get(token) ?? null;
}
