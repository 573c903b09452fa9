import { ara, eng, fra } from 'stopword';
import { foldArabic, stripClitics } from './arabic.js';
import { foldLatin } from './fold.js';
import type { Language } from './language.js';

/**
 * Stop words from the `stopword` package, folded the way tokens are so that lookups match. News
 * adds its own filler ("said", "a déclaré", "قال"): those are listed here because no package has them.
 */
const NEWS: Record<Language, string[]> = {
  en: ['said', 'says', 'say', 'told', 'according', 'reported', 'report', 'reports', 'also', 'new', 'one', 'would', 'could', 'will', 'may', 'us', 'via', 'update', 'updated', 'video', 'photo', 'photos'],
  fr: ['a', 'selon', 'dit', 'declare', 'indique', 'affirme', 'ete', 'etait', 'fait', 'plus', 'aussi', 'cette', 'ces', 'tout', 'tous', 'apres', 'depuis', 'lors', 'entre', 'contre'],
  ar: ['قال', 'قالت', 'وقال', 'وقالت', 'اكد', 'اكدت', 'وفق', 'وفقا', 'حسب', 'بحسب', 'اضاف', 'واضاف', 'امس', 'اليوم', 'ان', 'الى', 'علي', 'التي', 'الذي', 'بعد', 'قبل', 'خلال', 'منذ', 'كان', 'كانت', 'هذا', 'هذه', 'ذلك', 'تلك'],
};

function fold(word: string, language: Language): string {
  return language === 'ar' ? stripClitics(foldArabic(word)) : foldLatin(word);
}

const lists: Record<Language, Set<string>> = {
  en: new Set([...eng, ...NEWS.en].map((w) => fold(w, 'en'))),
  fr: new Set([...fra, ...NEWS.fr].map((w) => fold(w, 'fr'))),
  ar: new Set([...ara, ...NEWS.ar].flatMap((w) => [foldArabic(w), fold(w, 'ar')])),
};

export function isStopWord(folded: string, language: Language | null): boolean {
  if (!language) return lists.en.has(folded);
  return lists[language].has(folded);
}
