import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { isArabicWord } from './arabic.js';
import type { Language } from './language.js';

/**
 * Light stemming with the Snowball stemmers (the maintained reference algorithms, ported to JS).
 * A cache in front, because news vocabulary is small and repetitive and the port is not fast.
 */
const stemmers: Record<Language, Stemmer> = {
  en: newStemmer('english'),
  fr: newStemmer('french'),
  ar: newStemmer('arabic'),
};
const caches: Record<Language, Map<string, string>> = { en: new Map(), fr: new Map(), ar: new Map() };
const CACHE_LIMIT = 200_000;

export function stem(word: string, language: Language | null): string {
  // Script decides for Arabic words quoted in Latin text and the reverse.
  const lang: Language | null = isArabicWord(word) ? 'ar' : language === 'ar' ? null : language;
  if (!lang || /\d/.test(word)) return word;
  const cache = caches[lang];
  let s = cache.get(word);
  if (s === undefined) {
    s = stemmers[lang].stem(word);
    if (s.length < 2) s = word;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}
