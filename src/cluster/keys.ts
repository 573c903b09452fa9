import { arabicTeen, skeleton, numberOf, tokenize, type Token } from '../text/index.js';
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

/**
 * Month and weekday names, written capitalised in English and French: not people or places. Read as
 * names they would count as name (dis)agreement between accounts of different languages, whose
 * calendar words never share a skeleton ("August", "août", "أغسطس").
 */
const CALENDAR_WORDS: Record<string, string> = {
  en: 'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche',
  ar: 'يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر جانفي فيفري أفريل ماي جوان جويلية أوت كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد',
};

let calendarWords: Set<string> | null = null;

/** Calendar words as the tokenizer folds them (case, accents, Arabic spelling and clitics). */
function isCalendarWord(word: string): boolean {
  if (!calendarWords) {
    calendarWords = new Set();
    for (const [language, words] of Object.entries(CALENDAR_WORDS)) for (const t of tokenize(words, language)) calendarWords.add(t.word);
  }
  return calendarWords.has(word);
}

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
    if (t.stop || /\d/.test(t.word) || isCalendarWord(t.word)) continue;
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
