import type { PhraseSpan } from '../cluster/index.js';
import { knownLanguage, skeleton, tokenize, type Token } from '../text/index.js';
import { findQuotes, type QuoteFound } from './attribution.js';
import { clauseBreaks } from './clauses.js';
import type { CompareContext } from './context.js';
import { findFigures, type Figure } from './figures.js';
import { polarities, saysNotYet, type Polarity } from './negation.js';
import { spellNumbers } from './numbers.js';
import { findSpans } from './phrases.js';

/** One sentence of one account, with everything alignment, figures and contradictions read. */
export interface SentenceInfo {
  /** Index of its account among the originals. */
  account: number;
  text: string;
  language: string;
  tokens: Token[];
  spans: PhraseSpan[];
  figures: Figure[];
  polarity: Map<string, Polarity>;
  /** The words each key of `polarity` is written with, folded. */
  forms: Map<string, Set<string>>;
  /** Its denials are for now only ("not yet"): they report a wait, which contradicts no other account. */
  provisional: boolean;
  quotes: QuoteFound[];
  /** Language-neutral features: keys ("k:"), denied keys ("not:"), figures ("fig:", "v:"), names ("n:"). */
  neutral: Set<string>;
  /** Words, for sentences of the same language ("s:fr:rancon"). */
  words: Set<string>;
  /** Skeletons of Arabic words: any of them may be a name that a Latin name's skeleton meets. */
  arabicSkeletons: Set<string>;
}

const MIN_SKELETON = 3;
/** A sentence that asks ("Was a ransom paid?", "هل دفعت فدية؟"), a closing quote allowed after the mark. */
export const isQuestion = (text: string) => /[?؟]\s*["”»]?$/.test(text);
const isArabic = (w: string) => /[\u0600-\u06FF]/.test(w);

/** What the sentence says for alignment: its quotation when it quotes someone ("X said: ..."). */
function claimText(text: string, quotes: readonly QuoteFound[]): string {
  return quotes.length > 0 ? quotes.map((q) => q.text).join(' ') : text;
}

/**
 * The figures of the whole sentence: a quotation's words are what it claims, but the reporter's
 * words around it state figures too ("the source said, and the team signed him to an $82 million deal").
 */
function figuresOf(spelled: string, language: string, published: Date, context: CompareContext, read: { tokens: Token[]; spans: PhraseSpan[] } | null): Figure[] {
  const tokens = read?.tokens ?? tokenize(spelled, language);
  const spans = read?.spans ?? findSpans(tokens, context.vocabulary, language);
  return findFigures(tokens, spans, language, published, clauseBreaks(spelled, tokens));
}

export function analyseSentence(text: string, account: number, languageCode: string, published: Date, context: CompareContext): SentenceInfo {
  const language = knownLanguage(languageCode) ?? languageCode;
  const quotes = findQuotes(text);
  const spelled = spellNumbers(claimText(text, quotes));
  const tokens = tokenize(spelled, language);
  const spans = findSpans(tokens, context.vocabulary, language);
  const figures = figuresOf(quotes.length > 0 ? spellNumbers(text) : spelled, language, published, context, quotes.length > 0 ? null : { tokens, spans });
  const denied = new Set<PhraseSpan>();
  const polarity = polarities(tokens, spans, isQuestion(text), denied);
  const forms = new Map<string, Set<string>>();
  for (const s of spans) {
    if (!polarity.has(s.key) || (polarity.get(s.key) === 'denies' && !denied.has(s))) continue;
    const set = forms.get(s.key) ?? new Set<string>();
    forms.set(s.key, set.add(tokens.slice(s.start, s.end).map((t) => t.word).join(' ')));
  }
  const neutral = new Set<string>();
  const words = new Set<string>();
  const arabicSkeletons = new Set<string>();
  const covered = new Set<number>();
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) covered.add(i);
    neutral.add(polarity.get(s.key) === 'denies' ? `not:${s.key}` : `k:${s.key}`);
  }
  for (const f of figures) {
    neutral.add(`fig:${f.kind}:${f.subject}`);
    neutral.add(`v:${f.kind}:${f.value}`);
  }
  tokens.forEach((t, i) => {
    if (covered.has(i) || t.stop || t.word.length < 2 || /\d/.test(t.word)) return;
    if (isArabic(t.word)) {
      words.add(`s:ar:${t.word}`);
      const s = skeleton(t.word);
      if (s.length >= MIN_SKELETON) arabicSkeletons.add(`n:${s}`);
      return;
    }
    words.add(`s:${language}:${t.stem}`);
    if (t.name) {
      const s = skeleton(t.word);
      if (s.length >= MIN_SKELETON) neutral.add(`n:${s}`);
    }
  });
  return { account, text, language, tokens, spans, figures, polarity, forms, provisional: saysNotYet(tokens), quotes, neutral, words, arabicSkeletons };
}
