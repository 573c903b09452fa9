import { arabicTeen, skeleton, numberOf, type Token } from '../text/index.js';
import { matchForm, phrasesFor, type Vocabulary } from './vocabulary.js';

/** The language-neutral evidence of one article. */
export interface ArticleKeys {
  /** Vocabulary keys ("place:mali", "action:release"). */
  keys: Set<string>;
  /** Name skeletons ("name:drd"): Latin names and Arabic words, so names meet across scripts. */
  names: Set<string>;
  /** Skeletons of Arabic words: names among them, but mostly ordinary words (no capitals to tell). */
  arabicNames: Set<string>;
  /** Numbers written in the text, as "num:4". */
  numbers: Set<string>;
}

const MIN_SKELETON = 3;

function isArabicWord(w: string): boolean {
  return /[\u0600-\u06FF]/.test(w);
}

/**
 * Finds the keys, name skeletons and numbers of a tokenized text. Tokens consumed by a vocabulary
 * phrase are not also read as names: "Islamic State" is a key, not a person.
 */
export function extractKeys(tokens: readonly Token[], vocabulary: Vocabulary, language: string): ArticleKeys {
  const phrases = phrasesFor(vocabulary, language);
  const keys = new Set<string>();
  const names = new Set<string>();
  const numbers = new Set<string>();
  const arabicNames = new Set<string>();
  const arabicFlags = tokens.map((t) => isArabicWord(t.word));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const candidates = phrases.get(matchForm(t, arabicFlags[i]!));
    let consumed = 0;
    if (candidates) {
      for (const c of candidates) {
        let ok = true;
        for (let j = 1; j < c.tokens.length && ok; j++) {
          const u = tokens[i + j];
          ok = u !== undefined && matchForm(u, arabicFlags[i + j]!) === c.tokens[j];
        }
        if (ok) {
          keys.add(c.key);
          consumed = c.tokens.length;
          break;
        }
      }
    }
    if (consumed > 0) {
      i += consumed - 1;
      continue;
    }
    const teen = arabicTeen(t.word, tokens[i + 1]?.word);
    if (teen !== null) {
      numbers.add(`num:${teen}`);
      i++;
      continue;
    }
    const n = numberOf(t.word);
    if (n !== null && n > 1 && n < 1_000_000) numbers.add(`num:${n}`);
    if (t.stop || /\d/.test(t.word)) continue;
    // Latin: only likely names (capitalised mid-sentence). Arabic has no capitals: every content
    // word gives a skeleton, and only a Latin name with the same skeleton can make it count.
    if (arabicFlags[i] || t.name) {
      const s = skeleton(t.word);
      if (s.length >= MIN_SKELETON) (arabicFlags[i] ? arabicNames : names).add(`name:${s}`);
    }
  }
  return { keys, names, arabicNames, numbers };
}
