import { foldArabic, stripClitics, wordsAt, type Token } from '../text/index.js';
import { numberAt } from './numbers.js';

/**
 * How news words a toll: its name and the number given as its value ("the death toll has risen
 * to 98"), and whether that value is new, foreseen, overtaken, still going on or the latest.
 * Read by findFigures (figures.ts); kept apart so the count reader stays one thing.
 */

const fold = (w: string) => stripClitics(foldArabic(w));

/**
 * Phrases that name a death toll: the number given as its value ("the death toll has risen to 98
 * people", "le bilan s'élève à 44", "ارتفعت حصيلة القتلى إلى 44") counts people killed, with or
 * without a noun. A toll of another outcome says so ("the toll of injured rose to 50") and keeps it.
 */
const TOLL_PHRASES = ['death toll', 'toll', 'body count', 'number of dead', 'number of deaths', 'bilan', 'nombre de morts', 'nombre de deces', 'حصيلة', 'عدد القتلى', 'عدد الوفيات']
  .map((p) => p.split(' ').map(fold));
/** Words that give a toll its value, right before the number: "rose to 98", "stands at 30", "a toll of 12", "à 44", "إلى 44". */
const TOLL_LINKS = new Set(['to', 'at', 'of', 'reached', 'hit', 'topped', 'is', 'was', 'a', 'de', 'atteint', 'إلى', 'الى', 'بلغ', 'بلغت'].map(fold));
/** How many words a toll's name may stand before its value ("the death toll in Saturday's explosion at Dikko has risen to"). */
const TOLL_REACH = 25;

/** Words that make a toll named after them an earlier one, told as overtaken: "updating an earlier toll of 70". */
const EARLIER = new Set(['earlier', 'previous', 'prior', 'precedent', 'ancien', 'السابقة', 'السابق'].map(fold));

/** Words that make a toll's value one foreseen, not given: "the toll could rise to 50", "pourrait atteindre", "قد ترتفع". */
const FORESEEN = new Set(['could', 'may', 'might', 'expected', 'likely', 'feared', 'fear', 'would', 'pourrait', 'pourraient', 'risque', 'قد', 'يتوقع', 'مرشحة'].map(fold));

/** Verbs that make a toll's value a new one, before the toll's name or after it: "ارتفعت حصيلة القتلى إلى", "the toll has risen to". */
const RISE_WORDS = new Set(['rose', 'risen', 'rising', 'climbed', 'jumped', 'inched', 'increased', 'grew', 'updated', 'passe', 'grimpe', 'alourdi', 'augmente', 'ارتفع', 'ارتفعت', 'يرتفع', 'ترتفع', 'ليرتفع', 'لترتفع'].map(fold));

/**
 * Whether the number at `i` is the value of a death toll named before it in the same clause, not
 * an earlier or a foreseen one; and whether it is told as the toll's new value (`rose`).
 */
export function tollValue(tokens: readonly Token[], i: number, breaks: ReadonlySet<number>): { rose: boolean } | null {
  const linked = TOLL_LINKS.has(tokens[i - 1]?.word ?? '');
  for (let k = i - 1; k >= 0 && k >= i - TOLL_REACH; k--) {
    if (breaks.has(k + 1) || (k < i - 1 && numberAt(tokens, k)) || FORESEEN.has(tokens[k]!.word)) return null;
    const phrase = TOLL_PHRASES.find((p) => wordsAt(tokens, k, p));
    if (!phrase) continue;
    // Right before its value, the name needs no link: "حصيلة القتلى 44".
    if (EARLIER.has(tokens[k - 1]?.word ?? '') || !(linked || k + phrase.length === i)) return null;
    const from = breaks.has(k) ? k : Math.max(0, k - 1);
    return { rose: tokens.slice(from, i).some((t) => RISE_WORDS.has(t.word)) };
  }
  return null;
}

/** A floor told after the count and its noun: "35 شخصًا على الأقل", "15 morts au moins", "35 people at least". */
const FLOOR_AFTER = ['على الأقل', 'au moins', 'at least'].map((p) => p.split(' ').map(fold));
/** How far after its number such a floor may stand (the noun between). */
const FLOOR_AFTER_REACH = 3;

/** Whether a floor follows the count ending at `end`, within reach and in the same clause. */
export function floorAfter(tokens: readonly Token[], end: number, breaks: ReadonlySet<number>): boolean {
  for (let j = end; j <= end + FLOOR_AFTER_REACH && j < tokens.length; j++) {
    if ((j > end && breaks.has(j)) || numberAt(tokens, j)) return false;
    // "35 people, at least three of them children": past a comma the floor is another number's.
    if (FLOOR_AFTER.some((p) => wordsAt(tokens, j, p))) return !numberAt(tokens, j + 2) && !breaks.has(j);
  }
  return false;
}

/** Link words a risen toll's new value follows: "has risen to 69", "est passé à 14", "ارتفع ... إلى 69". */
const RISEN_LINKS = new Set(['to', 'a', 'الى', 'إلى'].map(fold));
/** How far before that link the verb of rising may stand: "ارتفع عدد ضحايا الحريق إلى 69". */
const RISEN_REACH = 6;

/** Whether the number at `i` is told as what something rose to, within one clause. */
export function risenTo(tokens: readonly Token[], i: number, breaks: ReadonlySet<number>): boolean {
  if (!RISEN_LINKS.has(tokens[i - 1]?.word ?? '')) return false;
  for (let k = i - 2; k >= 0 && k >= i - 1 - RISEN_REACH; k--) {
    if (breaks.has(k + 1) || numberAt(tokens, k) || FORESEEN.has(tokens[k]!.word)) return false;
    if (RISE_WORDS.has(tokens[k]!.word)) return true;
  }
  return false;
}

/**
 * Words that tell a toll as a count still going on ("so far", "as of 6:30pm Monday", "bilan
 * provisoire", "حتى الآن"): its number is a floor, as if told "at least".
 */
export const PROVISIONAL_PHRASES = ['so far', 'thus far', 'as of', 'provisional', 'preliminary', 'initial', 'provisoire', 'jusqu ici', 'jusqu a present', 'pour l instant', 'a ce stade', 'حتى الآن', 'أولية', 'الأولية', 'مبدئية']
  .map((p) => p.split(' ').map(fold));
/**
 * Words that tell a toll as the latest of several ("the latest toll", "nouveau bilan", "آخر
 * حصيلة"): lower counts elsewhere are the ones it updates, as with a toll told as risen.
 */
export const LATEST_PHRASES = ['latest toll', 'latest death toll', 'new toll', 'new death toll', 'updated toll', 'updated death toll', 'final toll', 'final death toll', 'nouveau bilan', 'dernier bilan', 'bilan actualise', 'bilan definitif', 'آخر حصيلة', 'الحصيلة الأخيرة', 'حصيلة جديدة', 'الحصيلة النهائية', 'حصيلة نهائية']
  .map((p) => p.split(' ').map(fold));

/**
 * Words that tell the tolls after them as earlier ones, since overtaken ("the army had initially put
 * the toll at 10", "earlier reports suggested at least 35", "46 dead, the Observatory said, which
 * had previously reported 36"): only a value told as risen is the account's now.
 */
const OVERTAKEN_PHRASES = ['initially', 'earlier reports', 'first reports', 'previously', 'initialement', 'dans un premier temps', 'auparavant', 'precedemment', 'في البداية', 'في وقت سابق', 'سابقا']
  .map((p) => p.split(' ').map(fold));

/** Where the sentence starts telling an overtaken toll; -1 where it tells none. */
export function overtakenFrom(tokens: readonly Token[]): number {
  return tokens.findIndex((_, k) => OVERTAKEN_PHRASES.some((p) => wordsAt(tokens, k, p)));
}

/** Phrases right before a number that count the dead: "claimed the lives of 137 soldiers", "a coûté la vie à 12 personnes", "أودى بحياة 12 شخصا". */
const LIVES_TAKEN = ['claimed the lives of', 'claiming the lives of', 'cost the lives of', 'costing the lives of', 'took the lives of', 'taking the lives of', 'coute la vie a', 'coutant la vie a', 'أودى بحياة', 'أودت بحياة', 'راح ضحيته', 'راح ضحيتها']
  .map((p) => p.split(' ').map(fold));

/** Whether a phrase of lives taken ends right before the number at `i`. */
export function livesTaken(tokens: readonly Token[], i: number): boolean {
  return LIVES_TAKEN.some((p) => i >= p.length && wordsAt(tokens, i - p.length, p));
}
