/** The languages with a stemmer and stop words; any other language is folded and split only. */
export type Language = 'en' | 'fr' | 'ar';

export function knownLanguage(code: string): Language | null {
  const base = code.toLowerCase().slice(0, 2);
  return base === 'en' || base === 'fr' || base === 'ar' ? base : null;
}
