import { formsOf, termKeys } from '../alerts/matcher.js';
import type { QueryNode } from '../alerts/query.js';
import type { Vocabulary } from '../cluster/index.js';
import { quoteLexeme } from './document.js';

/**
 * A parsed watchlist query (src/alerts/query.ts) as a PostgreSQL `tsquery` over the lexemes
 * document.ts indexes, with the matcher's meaning: a term matches its own forms as English, French,
 * Arabic or unstemmed text, and every form, in any language, of a vocabulary key it is a complete
 * form of ("Mali" finds "مالي", "الرهائن" finds "رهينة"). Words run in sequence as a phrase.
 */

export interface CompiledSearch {
  /** The tsquery literal, for `search @@ $1::tsquery`. */
  tsquery: string;
  /** Lexemes of the terms not under NOT: what a snippet highlights. */
  highlight: Set<string>;
}

/** The languages a term is read as; 'xx' stands for any other language, which is not stemmed. */
const TERM_LANGUAGES = ['en', 'fr', 'ar', 'xx'] as const;
/** A lexeme no text is indexed with (words are letters and digits): a term that can match nothing. */
const NOTHING = quoteLexeme('-');

const phrasesByKey = new WeakMap<Vocabulary, Map<string, string[][]>>();

/** Every form of each key, over all languages, from the vocabulary's phrase index. */
function keyForms(vocabulary: Vocabulary): Map<string, string[][]> {
  let byKey = phrasesByKey.get(vocabulary);
  if (byKey) return byKey;
  byKey = new Map();
  const seen = new Set<string>();
  for (const byFirst of vocabulary.phrases.values()) {
    for (const phrases of byFirst.values()) {
      for (const p of phrases) {
        const sig = `${p.key}\u0000${p.tokens.join(' ')}`;
        if (seen.has(sig)) continue;
        seen.add(sig);
        byKey.set(p.key, [...(byKey.get(p.key) ?? []), p.tokens]);
      }
    }
  }
  phrasesByKey.set(vocabulary, byKey);
  return byKey;
}

function termSequences(text: string, vocabulary: Vocabulary): string[][] {
  const out = new Map<string, string[]>();
  const add = (forms: string[]) => {
    if (forms.length > 0) out.set(forms.join(' '), forms);
  };
  for (const language of TERM_LANGUAGES) add(formsOf(text, language));
  const byKey = keyForms(vocabulary);
  for (const key of termKeys(text, vocabulary)) for (const forms of byKey.get(key) ?? []) add(forms);
  return [...out.values()];
}

export function compileSearch(query: QueryNode, vocabulary: Vocabulary): CompiledSearch {
  const highlight = new Set<string>();
  const build = (node: QueryNode, negated: boolean): string => {
    switch (node.kind) {
      case 'term': {
        const sequences = termSequences(node.text, vocabulary);
        if (!negated) for (const s of sequences) for (const f of s) highlight.add(f);
        if (sequences.length === 0) return NOTHING;
        const alternatives = sequences.map((s) => s.map(quoteLexeme).join(' <-> '));
        return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.map((a) => `(${a})`).join(' | ')})`;
      }
      case 'not':
        return `!(${build(node.item, !negated)})`;
      case 'and':
        return `(${node.items.map((n) => build(n, negated)).join(' & ')})`;
      case 'or':
        return `(${node.items.map((n) => build(n, negated)).join(' | ')})`;
    }
  };
  return { tsquery: build(query, false), highlight };
}
