export { foldArabic, isArabicWord, stripClitics } from './arabic.js';
export { foldLatin } from './fold.js';
export { knownLanguage, type Language } from './language.js';
export { numberOf, asciiDigits, arabicTeen } from './numbers.js';
export { stem } from './stem.js';
export { isStopWord } from './stopwords.js';
export { tokenize, contentStems, foldWord, wordsAt, type Token } from './tokens.js';
export { skeleton, arabicSkeleton, latinSkeleton } from './transliterate.js';
