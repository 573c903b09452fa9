import { contentStems, knownLanguage, tokenize, type Token } from '../text/index.js';
import { idf, type DocumentFrequencies } from './document-frequency.js';
import { extractKeys } from './keys.js';
import { normalize, type SparseVector } from './sparse-vector.js';
import type { ClusterArticle } from './types.js';
import type { Vocabulary } from './vocabulary.js';

/** What the clusterer compares, before weighting: counts that do not depend on the rest of the stream. */
export interface RawFeatures {
  language: string;
  /** Language-prefixed stem -> weighted count (title words count more: they say what the story is). */
  terms: Map<string, number>;
  /** Language-neutral features ("k:place:mali", "name:drd", "num:4") and how much each counts. */
  neutral: Map<string, number>;
  tokens: Token[];
  /** Content words read (title and lead): a headline says less than a full article. */
  words: number;
}

export interface FeatureOptions {
  /** Weight of a title word against a body word. */
  titleWeight: number;
  /** Content words of the body read: the lead says what the story is; the rest drifts into background. */
  leadWords: number;
  /** Share of a title's Latin content words capitalised from which it is Title Case (capitals then mark no names). */
  titleCaseShare: number;
  /** Words at most in a paragraph read as a subheading when it is in Title Case. */
  headingWords: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { titleWeight: 2, leadWords: 120, titleCaseShare: 0.6, headingWords: 15 };

/** A line in Title Case ("Taste of Betrayal: How the Release...") capitalises every word: its capitals mark no names. */
function isTitleCase(line: readonly Token[], options: FeatureOptions): boolean {
  const content = line.filter((t) => !t.stop && /^\p{Script=Latin}/u.test(t.word));
  const capitalised = content.filter((t) => t.raw[0] !== t.raw[0]!.toLowerCase()).length;
  return content.length >= 3 && capitalised >= options.titleCaseShare * content.length;
}

/** A Title Case line's words are read as names only where the body's prose writes them as names. */
function namesAsProseWritesThem(line: readonly Token[], proseNames: ReadonlySet<string>): Token[] {
  return line.map((t) => (t.name && !proseNames.has(t.word) ? { ...t, name: false } : t));
}

/**
 * The body's tokens, line by line: a short line in Title Case, not ended as a sentence, is a subheading
 * ("A Deal at the Expense of Regional Security"), whose capitals are style, as in a Title Case title.
 */
function bodyTokensOf(text: string, language: string, options: FeatureOptions): { tokens: Token[]; headings: Set<number> } {
  const tokens: Token[] = [];
  const headings = new Set<number>();
  for (const paragraph of text.split(PARAGRAPH_BREAK)) {
    const part = tokenize(paragraph, language);
    const heading = part.length <= options.headingWords && !SENTENCE_END.test(paragraph) && isTitleCase(part, options);
    for (const t of part) {
      if (heading) headings.add(tokens.length);
      tokens.push(t);
    }
  }
  return { tokens, headings };
}

const PARAGRAPH_BREAK = /\n+/;
/** A line ending as a sentence ends is prose, however many names it holds. */
const SENTENCE_END = /[.!?…]["'”’»)]*\s*$/u;

export function rawFeatures(article: ClusterArticle, vocabulary: Vocabulary, options = DEFAULT_FEATURE_OPTIONS): RawFeatures {
  const language = knownLanguage(article.language) ?? (article.language.toLowerCase().slice(0, 2) || 'xx');
  const titleTokens = tokenize(article.title, language);
  const body = bodyTokensOf(article.text, language, options);
  const bodyTokens = body.tokens;
  const terms = new Map<string, number>();
  const count = (stems: string[], w: number) => {
    for (const s of stems) {
      const t = `${language}:${s}`;
      terms.set(t, (terms.get(t) ?? 0) + w);
    }
  };
  const titleStems = contentStems(titleTokens);
  const leadStems = contentStems(bodyTokens).slice(0, options.leadWords);
  count(titleStems, options.titleWeight);
  count(leadStems, 1);

  // Keys read from the title and the lead only, for the same reason as terms.
  const lead = bodyTokens.slice(0, options.leadWords * 2);
  const proseNames = new Set(lead.filter((t, i) => t.name && !body.headings.has(i)).map((t) => t.word));
  const title = isTitleCase(titleTokens, options) ? namesAsProseWritesThem(titleTokens, proseNames) : titleTokens;
  const leadRead = lead.map((t, i) => (body.headings.has(i) && t.name && !proseNames.has(t.word) ? { ...t, name: false } : t));
  const found = extractKeys([...title, ...leadRead], vocabulary, language);
  // Numbers and name skeletons are weaker evidence than vocabulary keys: "4" and a three-letter
  // skeleton occur by chance far more often than "Islamic State" does. Most Arabic skeletons are
  // ordinary words (no capitals tell names apart): they count least, and only names will match.
  const neutral = new Map<string, number>();
  for (const n of found.arabicNames) neutral.set(n, 0.25);
  for (const n of found.names) neutral.set(n, 0.7);
  for (const n of found.numbers) neutral.set(n, 0.5);
  for (const k of found.keys) neutral.set(`k:${k}`, 1);
  return { language, terms, neutral, tokens: [...titleTokens, ...bodyTokens], words: titleStems.length + leadStems.length };
}

/** TF-IDF vectors, unit length: sublinear term frequency, smoothed idf from the running counts. */
export interface WeightedFeatures {
  text: SparseVector;
  neutral: SparseVector;
}

export function weigh(raw: RawFeatures, df: DocumentFrequencies): WeightedFeatures {
  const text: SparseVector = new Map();
  for (const [t, tf] of raw.terms) text.set(t, (1 + Math.log(tf)) * idf(df, t));
  const neutral: SparseVector = new Map();
  for (const [f, w] of raw.neutral) neutral.set(f, w * idf(df, f));
  return { text: normalize(text), neutral: normalize(neutral) };
}
