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
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { titleWeight: 2, leadWords: 120, titleCaseShare: 0.6 };

/**
 * A title in Title Case ("Taste of Betrayal: How the Release...") capitalises every word, so its
 * capitals say nothing: there a title word is read as a name only when the lead writes it as one.
 */
function titleNames(title: readonly Token[], lead: readonly Token[], options: FeatureOptions): Token[] {
  const content = title.filter((t) => !t.stop && /^\p{Script=Latin}/u.test(t.word));
  const capitalised = content.filter((t) => t.raw[0] !== t.raw[0]!.toLowerCase()).length;
  if (content.length < 3 || capitalised < options.titleCaseShare * content.length) return [...title];
  const leadNames = new Set(lead.filter((t) => t.name).map((t) => t.word));
  return title.map((t) => (t.name && !leadNames.has(t.word) ? { ...t, name: false } : t));
}

export function rawFeatures(article: ClusterArticle, vocabulary: Vocabulary, options = DEFAULT_FEATURE_OPTIONS): RawFeatures {
  const language = knownLanguage(article.language) ?? (article.language.toLowerCase().slice(0, 2) || 'xx');
  const titleTokens = tokenize(article.title, language);
  const bodyTokens = tokenize(article.text, language);
  const terms = new Map<string, number>();
  const count = (stems: string[], w: number) => {
    for (const s of stems) terms.set(`${language}:${s}`, (terms.get(`${language}:${s}`) ?? 0) + w);
  };
  const titleStems = contentStems(titleTokens);
  const leadStems = contentStems(bodyTokens).slice(0, options.leadWords);
  count(titleStems, options.titleWeight);
  count(leadStems, 1);

  // Keys read from the title and the lead only, for the same reason as terms.
  const lead = bodyTokens.slice(0, options.leadWords * 2);
  const found = extractKeys([...titleNames(titleTokens, lead, options), ...lead], vocabulary, language);
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
