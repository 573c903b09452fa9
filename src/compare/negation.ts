import type { PhraseSpan } from '../cluster/index.js';
import type { Token } from '../text/index.js';

/**
 * Whether a sentence asserts or denies what a vocabulary key stands for ("a ransom was paid" /
 * "no ransom was paid"). Only forms whose scope is unambiguous count as a denial: a negative
 * determiner on the key itself ("no ransom", "aucune rançon", "لا فدية"), "without"/"sans"/"دون"
 * governing it, "any"/"أي" after a negated verb, or a denial verb before it ("denied", "a démenti",
 * "نفى"). A negation elsewhere in the sentence ("did not comment on the release", "l'enlèvement n'a
 * pas été revendiqué") makes the sentence neither assert nor deny: it is too easy to misread.
 */
export type Polarity = 'asserts' | 'denies';

const DETERMINERS = new Set(['no', 'aucun', 'aucune', 'nul', 'nulle', 'لا']);
const WITHOUT = new Set(['without', 'sans', 'دون', 'بدون']);
const ANY = new Set(['any', 'aucun', 'aucune', 'اي']);
const VERB_NEGATORS = new Set(['not', 'never', 'didn', 'doesn', 'don', 'wasn', 'weren', 'hasn', 'haven', 'hadn', 'isn', 'aren', 'won', 'ne', 'n', 'pas', 'jamais', 'لم', 'لن', 'ليس', 'ليست', 'ولم', 'ولن']);
const DENIALS = new Set(['denied', 'denies', 'deny', 'denial', 'dementi', 'dement', 'dementent', 'nie', 'nient', 'nier', 'نفي', 'نفت', 'ينفي', 'تنفي', 'ونفي', 'ونفت']);
// Any of these, anywhere in a sentence, keeps it from asserting.
const HEDGES = new Set(['if', 'whether', 'si', 'اذا', 'لو', 'هل', 'nor', 'neither', 'ni', 'none', 'rien', 'nothing', 'غير']);
const ALL_NEGATIONS = new Set([...DETERMINERS, ...WITHOUT, ...VERB_NEGATORS, ...DENIALS, ...HEDGES]);
// "pas de rançon", "pas eu de rançon": pas, then de/d' right before the key.
const PARTITIVE = new Set(['de', 'd']);

function deniedAt(tokens: readonly Token[], start: number): boolean {
  let content = 0;
  for (let j = start - 1; j >= 0 && j >= start - 4; j--) {
    const t = tokens[j]!;
    if (DETERMINERS.has(t.word) && content === 0) return true;
    if (t.word === 'pas' && content === 0 && PARTITIVE.has(tokens[start - 1]?.word ?? '')) return true;
    if (WITHOUT.has(t.word) && content <= 1) return true;
    if (ANY.has(t.word) && content === 0) {
      for (let k = j - 1; k >= 0 && k >= j - 5; k--) if (VERB_NEGATORS.has(tokens[k]!.word)) return true;
    }
    if (!t.stop) content++;
  }
  for (let j = 0; j < start; j++) if (DENIALS.has(tokens[j]!.word)) return true;
  return false;
}

/** Polarity of each key of kind topic or action that the sentence speaks of with confidence. */
export function polarities(tokens: readonly Token[], spans: readonly PhraseSpan[], question: boolean): Map<string, Polarity> {
  const out = new Map<string, Polarity>();
  const negative = question || tokens.some((t) => ALL_NEGATIONS.has(t.word));
  for (const span of spans) {
    if (!span.key.startsWith('topic:') && !span.key.startsWith('action:')) continue;
    if (deniedAt(tokens, span.start)) out.set(span.key, 'denies');
    else if (!negative && !out.has(span.key)) out.set(span.key, 'asserts');
  }
  return out;
}
