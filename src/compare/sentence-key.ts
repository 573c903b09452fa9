import { foldArabic, foldLatin } from '../text/index.js';

// Wire credit lines and datelines: a syndicated copy adds "(AFP)" or "BAMAKO (Reuters) -" to a
// sentence it did not otherwise change.
const TRAILING_CREDIT = /\s*\([^()]{1,40}\)\s*$/u;
const LEADING_DATELINE = /^[\p{Lu}\s,'-]{2,40}\([^()]{1,30}\)\s*[-–—]\s*/u;

/**
 * What two sentences must share to count as the same sentence in a copy and its original: the
 * words, folded, without punctuation, credit lines or datelines.
 */
export function sentenceKey(sentence: string): string {
  const bare = sentence.replace(LEADING_DATELINE, '').replace(TRAILING_CREDIT, '');
  return foldArabic(foldLatin(bare))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
