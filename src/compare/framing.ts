import { matchPhrases } from '../cluster/index.js';
import { knownLanguage, tokenize } from '../text/index.js';
import type { AccountRef } from './claims.js';
import type { FramingLexicon } from './framing-lexicon.js';
import type { FramingTerm } from './types.js';

/**
 * Loaded terms of the lexicon that some accounts use and others do not, each with what the others
 * say instead (terms of the same category, in any language). A term every account uses
 * distinguishes none of them and is not reported.
 */
export function findFraming(texts: readonly { account: number; language: string; text: string }[], accounts: readonly AccountRef[], lexicon: FramingLexicon): FramingTerm[] {
  const used = new Map<string, Set<number>>();
  for (const t of texts) {
    const language = knownLanguage(t.language) ?? t.language;
    for (const span of matchPhrases(tokenize(t.text, language), lexicon.matcher, language)) {
      let set = used.get(span.key);
      if (!set) used.set(span.key, (set = new Set()));
      set.add(t.account);
    }
  }
  const out: FramingTerm[] = [];
  for (const [key, users] of used) {
    const entry = lexicon.entries.get(key)!;
    if (!entry.loaded || users.size === accounts.length) continue;
    const othersUse = new Set<string>();
    for (const [otherKey, otherUsers] of used) {
      const other = lexicon.entries.get(otherKey)!;
      if (other.category === entry.category && otherKey !== key && [...otherUsers].some((a) => !users.has(a))) othersUse.add(other.term);
    }
    const ids = [...users].sort((a, b) => a - b);
    out.push({ term: entry.term, language: entry.language, category: entry.category, note: entry.note, articles: ids.map((i) => accounts[i]!.url), othersUse: [...othersUse] });
  }
  return out.sort((a, b) => a.category.localeCompare(b.category) || a.term.localeCompare(b.term));
}
