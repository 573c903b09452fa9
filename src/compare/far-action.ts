import type { PhraseSpan } from '../cluster/index.js';
import type { Token } from '../text/index.js';
import { numberAt } from './numbers.js';

/**
 * The action a date further than a few tokens from it belongs to, when nothing between them can
 * start another clause or event: "freed by the army on Friday", "libérés par l'armée malienne
 * vendredi", "enlevés par l'État islamique dans la zone des trois frontières en janvier", "اختطف
 * الرهائن قرب المثلث الحدودي في يناير", "Vendredi, les quatre camionneurs marocains ont été libérés".
 * Between them may stand only vocabulary phrases, names, numbers, the function words below, and
 * (English, French) a word right after an article or a possessive, which is a noun and not a verb.
 * Anything else may be another verb ("freed by the army and flown to Bamako on Friday", "Mali said
 * on Friday"), so the date keeps no subject. Auxiliaries only right before the action: after it they
 * open another predicate ("the drivers freed by the army were in Bamako on Friday").
 */

const MAX = 12;
// Not "after", "since", "during" or "before" ("freed after an operation in January"): they bring in
// another event whose time the date may be. Not "and", "that", "que", "أن": another clause.
const PREPOSITIONS = new Set([
  'by', 'of', 'in', 'on', 'at', 'near', 'from', 'to',
  'par', 'de', 'd', 'du', 'des', 'dans', 'pres', 'en', 'a', 'au', 'aux', 'sur',
  'في', 'من', 'عن', 'علي', 'الي', 'قرب', 'لدي',
]);
const ARTICLES = new Set(['the', 'a', 'an', 'their', 'his', 'its', 'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'leur', 'leurs', 'son', 'sa', 'ses']);
const AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'has', 'have', 'had', 'been', 'be', 'ont', 'a', 'est', 'sont', 'ete', 'avait', 'avaient', 'etait', 'etaient', 'قد', 'تم']);

const isAction = (s: PhraseSpan | undefined) => s?.key.startsWith('action:') ?? false;

/**
 * Whether token j may stand between a date and its action. A word after an article is a noun only
 * where the article opens a phrase (after a preposition, or first in its clause): French "le",
 * "la", "les" are also pronouns before a verb ("Bamako les accueille vendredi").
 */
function passable(tokens: readonly Token[], j: number, clauseStart: number): boolean {
  const t = tokens[j]!;
  if (PREPOSITIONS.has(t.word) || ARTICLES.has(t.word) || t.name || numberAt(tokens, j) !== null) return true;
  const opens = j - 1 === clauseStart || PREPOSITIONS.has(tokens[j - 2]?.word ?? '');
  return !t.stop && ARTICLES.has(tokens[j - 1]?.word ?? '') && opens;
}

/** The action reached from the date backwards: "freed by the army on Friday". */
function actionBefore(tokens: readonly Token[], at: ReadonlyMap<number, PhraseSpan>, start: number): string | null {
  for (let j = start - 1; j >= 0 && j >= start - MAX; ) {
    const span = at.get(j);
    if (isAction(span)) return span!.key;
    if (span) j = span.start - 1;
    else if (passable(tokens, j, 0)) j--;
    else return null;
  }
  return null;
}

/**
 * The action reached from a date that opens the sentence: "On Friday, the four drivers were freed".
 * A date further in may sit in the subject ("the hostages held since January were freed").
 */
function actionAfter(tokens: readonly Token[], at: ReadonlyMap<number, PhraseSpan>, start: number, end: number): string | null {
  for (let j = 0; j < start; j++) if (!PREPOSITIONS.has(tokens[j]!.word) && !ARTICLES.has(tokens[j]!.word)) return null;
  for (let j = end; j < tokens.length && j < end + MAX; ) {
    let k = j;
    while (AUXILIARIES.has(tokens[k]?.word ?? '')) k++;
    const span = at.get(k);
    if (isAction(span)) return span!.key;
    if (at.get(j)) j = at.get(j)!.end;
    else if (passable(tokens, j, end)) j++;
    else return null;
  }
  return null;
}

/** The action a date at tokens [start, end) can only belong to, or null. */
export function farAction(tokens: readonly Token[], at: ReadonlyMap<number, PhraseSpan>, start: number, end: number): string | null {
  return actionBefore(tokens, at, start) ?? actionAfter(tokens, at, start, end);
}
