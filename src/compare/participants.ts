import type { Token } from '../text/index.js';
import type { SentenceInfo } from './analyse.js';
import type { AccountRef } from './claims.js';
import { findDates } from './dates.js';

/**
 * Who a sentence is about, by name: an action's date answers "when was X arrested", and two
 * accounts dating two people's arrests answer two questions. The person is the first name in the
 * sentence that is not a speaker, read through a title to the name it introduces ("Chargers
 * defensive tackle Jamal Williams" is Williams), and known by its last word, so that "Jamal
 * Williams" and "Williams" are one person.
 */

/** Words after a name that make it a speaker, not who the sentence is about. */
const SPEECH = new Set(['said', 'says', 'told', 'added', 'stated', 'declared', 'affirme', 'declare', 'indique']);
/** Words before a name that make it a source: "according to police", "selon Dupont". */
const SOURCE = new Set(['according', 'selon']);
/** How many lowercase words a title may hold between two names ("defensive tackle"). */
const TITLE_WORDS = 3;

/** Words written as names somewhere in the event: a sentence's first word is one only if it is one elsewhere. */
export function eventNames(sentences: readonly SentenceInfo[]): Set<string> {
  const names = new Set<string>();
  for (const s of sentences) for (const t of s.tokens) if (t.name) names.add(t.word);
  return names;
}

/** Tokens that are part of a name: capitalised, outside the vocabulary's phrases and the dates. */
function nameTokens(s: SentenceInfo, published: Date, names: ReadonlySet<string>): boolean[] {
  const excluded = new Set<number>();
  for (const span of s.spans) for (let i = span.start; i < span.end; i++) excluded.add(i);
  for (const d of findDates(s.tokens, published)) for (let i = d.start; i < d.end; i++) excluded.add(i);
  return s.tokens.map((t: Token, i) => !excluded.has(i) && (t.name || (i === 0 && names.has(t.word) && !t.stop)));
}

/** The last word of the person a sentence is about, or '' when it names none. */
export function participantOf(s: SentenceInfo, account: AccountRef, names: ReadonlySet<string>): string {
  if (s.language === 'ar') return '';
  const isName = nameTokens(s, new Date(account.at), names);
  const tokens = s.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (!isName[i]) continue;
    let end = i;
    while (isName[end + 1]) end++;
    // A title before the name it introduces: lowercase content words, then another name.
    for (let gap = end + 1; gap <= end + 1 + TITLE_WORDS && gap < tokens.length && !tokens[gap]!.stop; gap++) {
      if (!isName[gap]) continue;
      end = gap;
      while (isName[end + 1]) end++;
      gap = end;
    }
    const source = SOURCE.has(tokens[i - 1]?.word ?? '') || (tokens[i - 1]?.word === 'to' && SOURCE.has(tokens[i - 2]?.word ?? ''));
    if (!source && !SPEECH.has(tokens[end + 1]?.word ?? '')) return tokens[end]!.word;
    i = end;
  }
  return '';
}
