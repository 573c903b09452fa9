import { extractKeys, type Vocabulary } from '../cluster/index.js';
import { matchForm } from '../cluster/vocabulary.js';
import { isArabicWord, knownLanguage, tokenize } from '../text/index.js';
import { queryTerms, type QueryNode } from './query.js';

/**
 * Matching a parsed query against an event's titles and texts with the normalisation clustering
 * uses (src/text: case, accents, Arabic spelling variants and clitics; English and French stems),
 * so a watchlist sees the same words the clusterer saw. A term that is a form of a vocabulary key
 * (config/vocabulary) also matches every other form of that key, in any language: "Mali" finds
 * "مالي", "otage" finds "hostages".
 */

/** One title or text, in its article's language. */
export interface MatchText {
  language: string;
  text: string;
}

/** Texts prepared once for any number of queries. */
export interface MatchDocument {
  texts: { language: string; forms: string[] }[];
  /** Vocabulary keys found in any text ("place:mali"). */
  keys: Set<string>;
}

/** The language tokenize is given: a known one, else its two letters (no stemming). */
export const languageOf = (code: string) => knownLanguage(code) ?? (code.toLowerCase().slice(0, 2) || 'xx');
/** The forms of a text that queries compare, in reading order (search indexes the same). */
export const formsOf = (text: string, language: string) => tokenize(text, language).map((t) => matchForm(t, isArabicWord(t.word)));

export function matchDocument(texts: readonly MatchText[], vocabulary: Vocabulary): MatchDocument {
  const keys = new Set<string>();
  const out: MatchDocument['texts'] = [];
  for (const t of texts) {
    const language = languageOf(t.language);
    const tokens = tokenize(t.text, language);
    for (const k of extractKeys(tokens, vocabulary, language).keys) keys.add(k);
    out.push({ language, forms: tokens.map((tok) => matchForm(tok, isArabicWord(tok.word))) });
  }
  return { texts: out, keys };
}

/** The vocabulary keys a term is a complete form of, trying it as English, French and Arabic. */
export function termKeys(text: string, vocabulary: Vocabulary): Set<string> {
  const keys = new Set<string>();
  for (const language of ['en', 'fr', 'ar']) {
    const forms = formsOf(text, language);
    const candidates = vocabulary.phrases.get(language)?.get(forms[0] ?? '') ?? [];
    for (const p of candidates) {
      if (p.tokens.length === forms.length && p.tokens.every((f, i) => f === forms[i])) keys.add(p.key);
    }
  }
  return keys;
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

class CompiledTerm {
  private readonly keys: Set<string>;
  // A term is stemmed as the text it is compared with: "hostages" in English, "otages" in French.
  private readonly forms = new Map<string, string[]>();

  constructor(
    private readonly text: string,
    vocabulary: Vocabulary,
  ) {
    this.keys = termKeys(text, vocabulary);
  }

  matches(doc: MatchDocument): boolean {
    for (const k of this.keys) if (doc.keys.has(k)) return true;
    return doc.texts.some((t) => containsSequence(t.forms, this.formsIn(t.language)));
  }

  private formsIn(language: string): string[] {
    let f = this.forms.get(language);
    if (!f) this.forms.set(language, (f = formsOf(this.text, language)));
    return f;
  }
}

export interface CompiledQuery {
  matches(doc: MatchDocument): boolean;
}

/** Compiles a parsed query once (vocabulary lookups, per-language forms) for many documents. */
export function compileQuery(query: QueryNode, vocabulary: Vocabulary): CompiledQuery {
  const terms = new Map(queryTerms(query).map((t) => [t, new CompiledTerm(t.text, vocabulary)]));
  const evaluate = (node: QueryNode, doc: MatchDocument): boolean => {
    switch (node.kind) {
      case 'term':
        return terms.get(node)!.matches(doc);
      case 'not':
        return !evaluate(node.item, doc);
      case 'and':
        return node.items.every((n) => evaluate(n, doc));
      case 'or':
        return node.items.some((n) => evaluate(n, doc));
    }
  };
  return { matches: (doc) => evaluate(query, doc) };
}
