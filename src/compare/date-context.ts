/**
 * What the words around a date say of it: whether it bounds a duration (since, until), starts a
 * period a toll is counted over, or dates the telling of a deed rather than the deed.
 */
import { foldWord as fold, type Token } from '../text/index.js';
import { isWeekday } from './dates.js';
import { numberAt } from './numbers.js';
import { outcomeOf } from './outcomes.js';

// "held since January", "détenus depuis janvier", "استمر حتى يوم الجمعة": the date starts or ends a
// duration, so it is not when the action next to it happened.
const BOUNDS = new Set(['since', 'until', 'till', 'depuis', 'jusqu', ...['منذ', 'ومنذ', 'حتى', 'وحتى'].map(fold)]);
// What may stand between such a word and its date: "since early January", "jusqu'au 1er août", "depuis le mois de janvier", "منذ شهر يناير".
const BOUND_FILLERS = new Set(['the', 'early', 'late', 'mid', 'on', 'of', 'le', 'la', 'l', 'a', 'au', 'en', 'debut', 'fin', 'mi', 'mois', 'de', 'd', 'month', ...['شهر', 'منتصف', 'مطلع', 'بداية', 'أواخر', 'أوائل'].map(fold)]);

/** Of the BOUNDS, the ones that start a period: "killed since mid-March" counts a period, not one event. */
const SINCE = new Set(['since', 'depuis', ...['منذ', 'ومنذ'].map(fold)]);
/** A period that starts with the year, counted without a date: "since the beginning of the year". */
export const PERIOD_PHRASES = ['since the beginning of the year', 'since the start of the year', 'so far this year', 'depuis le debut de l annee', 'منذ بداية العام', 'منذ مطلع العام']
  .map((p) => p.split(' ').map(fold));
/**
 * Verbs that tell: a date right after one ("confirmed on Friday the death", "a annoncé le 1er août la
 * mort", "أعلنت يوم الجمعة مقتل") dates the telling, not the deed it tells.
 */
const TELLING = new Set([
  'said', 'says', 'announced', 'announces', 'confirmed', 'confirms', 'reported', 'reports', 'stated', 'declared', 'published', 'revealed', 'disclosed', 'added', 'told', 'claimed', 'updated',
  'dit', 'annonce', 'confirme', 'declare', 'indique', 'publie', 'rapporte', 'affirme', 'precise', 'revele', 'ajoute', 'etabli', 'etablie', 'communique', 'revendique', 'actualise',
  ...['أعلن', 'أعلنت', 'قال', 'قالت', 'أكد', 'أكدت', 'أفاد', 'أفادت', 'ذكر', 'ذكرت', 'نشر', 'نشرت', 'صرح', 'أوضح', 'كشف', 'كشفت'].map(fold),
]);
/** What may stand between a telling verb and its date: "announced on Friday", "a confirmé le 1er août"; a weekday too ("établi jeudi 18 août"). */
const TELLING_FILLERS = new Set(['on', 'the', 'this', 'le', 'l', 'ce', fold('في'), fold('يوم')]);
/** Acts over in a moment: one dated weeks before the account is published is an earlier one told in passing. Kidnappings and detentions last, and keep old dates. */
export const MOMENTARY_ACTIONS = new Set(['action:kill', 'action:attack', 'action:strike', 'action:coup']);

/** Arabic puts the teller after its verb ("أعلنت الأمم المتحدة يوم الجمعة"): so many words may stand between. */
const ARABIC_TELLER_REACH = 5;
/** What ends that reach: "أعلنت الحكومة أن المسلحين قتلوا يوم الجمعة" dates the killing. */
const ARABIC_THAT = new Set(['أن', 'ان', 'بأن'].map(fold));

export function toldBy(tokens: readonly Token[], start: number, language: string): boolean {
  const reach = language === 'ar' ? ARABIC_TELLER_REACH : TELLING_REACH;
  for (let j = start - 1; j >= 0 && j >= start - reach; j--) {
    const w = tokens[j]!.word;
    if (TELLING.has(w)) return true;
    // "الاثنين" is Monday before a date, not the number two.
    if (isWeekday(w)) continue;
    if (language === 'ar' ? ARABIC_THAT.has(w) || outcomeOf(w) || numberAt(tokens, j) : !TELLING_FILLERS.has(w)) return false;
  }
  return false;
}

/**
 * Words that put a date in the future as a plan: "the election scheduled for February 25", "prévue
 * le 25 février", "المقرر في 25 فبراير". A plan dates nothing that happened, and accounts written
 * before and after a postponement give it differently without disagreeing about the event.
 */
const PLANNED = new Set([
  'scheduled', 'planned', 'slated', 'due', 'set', 'expected', 'prevu', 'prevue', 'prevus', 'prevues', 'programme', 'programmee', 'fixe', 'fixee',
  ...['المقرر', 'المقررة', 'المزمع', 'المزمعة', 'المرتقب', 'المرتقبة', 'المنتظر', 'المنتظرة'].map(fold),
]);
/** What may stand between such a word and its date: "scheduled for", "due to be held on", "prévue le", "المقرر في". */
const PLANNED_FILLERS = new Set(['for', 'on', 'to', 'be', 'held', 'take', 'place', 'in', 'le', 'pour', 'au', 'a', 'the', fold('في'), fold('يوم'), fold('أن'), fold('تجرى')]);
const PLANNED_REACH = 5;

/** Whether the date at `start` is a plan's: a PLANNED word before it, only PLANNED_FILLERS between. */
export function planned(tokens: readonly Token[], start: number): boolean {
  for (let j = start - 1; j >= 0 && j >= start - PLANNED_REACH; j--) {
    const w = tokens[j]!.word;
    if (PLANNED.has(w)) return true;
    if (!PLANNED_FILLERS.has(w)) return false;
  }
  return false;
}

/** How far before its date a bound may stand, BOUND_FILLERS between: "depuis le mois de janvier". */
const BOUND_REACH = 4;
/** How far before its date a telling verb may stand in French and English: "a annoncé le 1er août". */
const TELLING_REACH = 3;

/** Whether a word of `words` stands before the date at `start`, only BOUND_FILLERS between. */
function boundedBy(words: ReadonlySet<string>, tokens: readonly Token[], start: number): boolean {
  for (let j = start - 1; j >= 0 && j >= start - BOUND_REACH; j--) {
    const w = tokens[j]!.word;
    if (words.has(w)) return true;
    if (!BOUND_FILLERS.has(w)) return false;
  }
  return false;
}

/** Whether the date at `start` follows since, depuis or منذ. */
export const since = (tokens: readonly Token[], start: number) => boundedBy(SINCE, tokens, start);
/** Whether the date at `start` starts or ends a duration (since, until, jusqu'à, حتى). */
export const bounds = (tokens: readonly Token[], start: number) => boundedBy(BOUNDS, tokens, start);
