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

/** Stems by the language asked for (null: none), so a word seen before costs one lookup. */
const caches = new Map<Language | null, Map<string, string>>();
const CACHE_LIMIT = 200_000;

export function stem(word: string, language: Language | null): string {
  let cache = caches.get(language);
  if (!cache) caches.set(language, (cache = new Map()));
  let s = cache.get(word);
  if (s === undefined) {
    s = stemUncached(word, language);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}

function stemUncached(word: string, language: Language | null): string {
  // Script decides for Arabic words quoted in Latin text and the reverse.
  const lang: Language | null = isArabicWord(word) ? 'ar' : language === 'ar' ? null : language;
  if (!lang || /\d/.test(word)) return word;
  const s = stemmers[lang].stem(word);
  return s.length < 2 ? word : s;
}
