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

/** A vocabulary phrase found in a text: tokens [start, end) stand for `key`. */
export interface PhraseSpan {
  start: number;
  end: number;
  key: string;
}

/** The vocabulary phrases of a tokenized text, in reading order, longest first where they overlap. */
export function matchPhrases(tokens: readonly Token[], vocabulary: Vocabulary, language: string): PhraseSpan[] {
  const phrases = phrasesFor(vocabulary, language);
  const arabicFlags = tokens.map((t) => isArabicWord(t.word));
  const spans: PhraseSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = phrases.get(matchForm(tokens[i]!, arabicFlags[i]!));
    if (!candidates) continue;
    for (const c of candidates) {
      let ok = true;
      for (let j = 1; j < c.tokens.length && ok; j++) {
        const u = tokens[i + j];
        ok = u !== undefined && matchForm(u, arabicFlags[i + j]!) === c.tokens[j];
      }
      if (ok) {
        spans.push({ start: i, end: i + c.tokens.length, key: c.key });
        i += c.tokens.length - 1;
        break;
      }
    }
  }
  return spans;
}

/**
 * Finds the keys, name skeletons and numbers of a tokenized text. Tokens consumed by a vocabulary
 * phrase are not also read as names: "Islamic State" is a key, not a person.
 */
export function extractKeys(tokens: readonly Token[], vocabulary: Vocabulary, language: string): ArticleKeys {
  const keys = new Set<string>();
  const names = new Set<string>();
  const numbers = new Set<string>();
  const arabicNames = new Set<string>();
  const spans = matchPhrases(tokens, vocabulary, language);
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const span = spans[next];
    if (span && span.start === i) {
      keys.add(span.key);
      next++;
      i = span.end - 1;
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
    const arabic = isArabicWord(t.word);
    if (arabic || t.name) {
      const s = skeleton(t.word);
      if (s.length >= MIN_SKELETON) (arabic ? arabicNames : names).add(`name:${s}`);
    }
  }
  return { keys, names, arabicNames, numbers };
}
