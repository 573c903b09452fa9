import type { PhraseSpan } from '../cluster/index.js';
import { foldArabic, stripClitics, wordsAt, type Token } from '../text/index.js';
import { bounds, MOMENTARY_ACTIONS, PERIOD_PHRASES, planned, since, toldBy } from './date-context.js';
import { findDates, type DateMention } from './dates.js';
import { farAction } from './far-action.js';
import { sinceOthers, weeksAway } from './time-spans.js';
import { numberAt, type NumberRead } from './numbers.js';
import { floorAfter, LATEST_PHRASES, livesTaken, overtakenFrom, PROVISIONAL_PHRASES, risenTo, tollValue } from './toll-wording.js';
import { outcomeById, outcomeOf } from './outcomes.js';
import type { Conflict } from './types.js';

/**
 * The figures of a sentence, each attached to its subject: counts to the noun they count ("four
 * drivers", "quatre camionneurs", "أربعة سائقين" all count topic:truck-driver) and to what happened
 * to it (the qualifier: "ten killed" and "ten injured" are two quantities), dates and durations
 * to the action next to them ("kidnapped in January"; a date further away only through the action's
 * own complements, see far-action.ts; never a date after since/until, which bounds a duration), amounts to the topic they price ("a ransom of
 * five million euros"). A figure whose subject cannot be told is left out: a conflict between
 * figures about different things would be invented. So is a number that measures (metres, pounds,
 * percent, hours: what it measures is rarely told) or names (Route 94, a clock time, "13-inch").
 */
export interface Figure {
  kind: Conflict['kind'];
  /** A vocabulary key ("topic:truck-driver"), "people", or, for a noun outside it, "word:fr:soldat". */
  subject: string;
  value: string;
  /** What happened to what is counted: an outcome id ("killed", see outcomes.ts), or '' when not told. */
  qualifier: string;
  /** The values the wording allows: "at least 5" is 5 to Infinity, "about 50" 40 to 60. */
  low: number;
  high: number;
  /** The subject as the sentence words it ("truck drivers"), for labels; '' when implied. */
  noun: string;
  /** Dates: whether the year, or the whole date, was read from the publication time. */
  told?: DateMention['told'];
  /** Counts of a growing toll: the day the sentence gives it for ("86 arrests on Saturday"), '' for none. */
  scope?: string;
  /** Counts: told as a toll's new value ("the toll has risen to 98"), so lower ones were its earlier values. */
  rose?: boolean;
}

const fold = (w: string) => stripClitics(foldArabic(w));
const table = (entries: [string, string][]) => new Map(entries.map(([w, v]) => [fold(w), v]));

const MULTIPLIERS = new Map<string, number>([
  ...['thousand', 'mille', 'milliers', 'ألف', 'آلاف'].map((w) => [fold(w), 1e3] as [string, number]),
  ...['million', 'millions', 'm', 'mn', 'مليون', 'ملايين'].map((w) => [fold(w), 1e6] as [string, number]),
  ...['billion', 'billions', 'bn', 'milliard', 'milliards', 'مليار', 'مليارات'].map((w) => [fold(w), 1e9] as [string, number]),
]);
const CURRENCIES = table([
  ['euro', 'EUR'], ['euros', 'EUR'], ['يورو', 'EUR'],
  ['dollar', 'USD'], ['dollars', 'USD'], ['دولار', 'USD'], ['دولارات', 'USD'],
  ['fcfa', 'XOF'], ['cfa', 'XOF'], ['francs', 'XOF'], ['فرنك', 'XOF'],
  ['dirham', 'MAD'], ['dirhams', 'MAD'], ['درهم', 'MAD'], ['دراهم', 'MAD'],
  ['dinar', 'DZD'], ['dinars', 'DZD'], ['دينار', 'DZD'],
  ['ouguiya', 'MRU'], ['ouguiyas', 'MRU'], ['أوقية', 'MRU'],
]);
const FILLER = new Set(['de', 'd', 'of', 'us']);
/** What an amount outside the vocabulary's topics prices: the nearest of these words in its sentence. */
const AMOUNT_SUBJECTS = new Map<string, string>(
  Object.entries({
    loot: ['stolen', 'stole', 'steal', 'snatched', 'loot', 'booty', 'haul', 'heist', 'robbery', 'theft', 'jewelry', 'jewellery', 'jewels', 'diamonds', 'gems', 'voles', 'vole', 'butin', 'braquage', 'bijoux', 'مسروقات', 'سرقة'],
    damage: ['damage', 'damages', 'degats', 'dommages', 'أضرار', 'خسائر'],
    reward: ['reward', 'recompense', 'مكافأة'],
    fine: ['fine', 'fined', 'amende', 'غرامة'],
    bail: ['bail', 'caution', 'كفالة'],
    contract: ['deal', 'contract', 'contrat', 'عقد', 'صفقة'],
  }).flatMap(([subject, list]) => list.map((w) => [fold(w), `money:${subject}`] as [string, string])),
);
const AMOUNT_REACH = 8;
/**
 * A sentence dated this many days or more before its publication, or naming a past year, tells an
 * earlier event given as background ("In February, a quake killed 612 people"): its counts and
 * amounts are not this event's. A date attached to one of the vocabulary's actions is the event's own.
 */
const BACKGROUND_DAYS = 14;
const UNITS = table([
  ['day', 'D'], ['days', 'D'], ['jour', 'D'], ['jours', 'D'], ['يوم', 'D'], ['ايام', 'D'], ['يوما', 'D'],
  ['week', 'W'], ['weeks', 'W'], ['semaine', 'W'], ['semaines', 'W'], ['أسبوع', 'W'], ['أسابيع', 'W'],
  ['month', 'M'], ['months', 'M'], ['mois', 'M'], ['شهر', 'M'], ['أشهر', 'M'], ['شهور', 'M'], ['شهرا', 'M'],
  ['year', 'Y'], ['years', 'Y'], ['an', 'Y'], ['ans', 'Y'], ['annee', 'Y'], ['annees', 'Y'], ['عام', 'Y'], ['أعوام', 'Y'], ['سنة', 'Y'], ['سنوات', 'Y'],
]);
const PERCENT = new Set(['percent', 'pour', '%', 'بالمئة', 'بالمايه', 'المئه', 'في']);
const NEAR = 3;
/** Units of measure: a number before one measures; it is no count and is not compared. */
const MEASURES = new Set([
  'metre', 'metres', 'meter', 'meters', 'm', 'km', 'kilometre', 'kilometres', 'kilometer', 'kilometers', 'mile', 'miles', 'feet', 'foot', 'ft',
  'inch', 'inches', 'yard', 'yards', 'pound', 'pounds', 'lb', 'lbs', 'kg', 'kilogram', 'kilograms', 'kilos', 'tonne', 'tonnes', 'ton', 'tons',
  'mph', 'kmh', 'pixel', 'pixels', 'degree', 'degrees', 'acre', 'acres', 'hectare', 'hectares', 'block', 'blocks', 'square', 'gb', 'mb', 'tb', 'ghz',
  'hour', 'hours', 'minute', 'minutes', 'second', 'seconds', 'heure', 'heures', 'secondes', 'kilometre', 'metres', 'litres', 'liters',
  ...['متر', 'أمتار', 'مترا', 'كيلومتر', 'كيلومترات', 'كلم', 'ميل', 'أميال', 'كيلوغرام', 'طن', 'ساعة', 'ساعات', 'دقيقة', 'دقائق', 'درجة', 'هكتار'].map(fold),
]);
/** Words before a number that make it a name: Route 94, flight 370, room 12. */
const NAMING = new Set(['route', 'interstate', 'highway', 'flight', 'no', 'number', 'room', 'channel', 'page', 'article', 'chapter', 'line', 'gate', 'platform', 'numero', 'vol', 'autoroute', fold('رقم')]);
/** Nouns a number does not count as things: "two counts of murder", "three times". */
const NOT_COUNTED = new Set(['count', 'counts', 'time', 'times', 'fois', fold('مرات'), fold('مرة')]);
/** Words for people in general: "ten people", "dix personnes", "عشرة أشخاص" count the same thing. */
const PEOPLE = new Set(['people', 'persons', 'personnes', 'individus', 'gens', ...['أشخاص', 'شخص', 'شخصا', 'اشخاص'].map(fold)]);
/** "15 of the kidnappers", "deux des otages", "15 من الخاطفين": the count is of what follows, not of a noun before. */
const PARTITIVES = new Set(['of', 'des', 'd', 'parmi', 'among', fold('من')]);
/** What may stand between a partitive and its noun: "of the", "d'entre les", "of its", "de ses". */
const PARTITIVE_LINKS = new Set(['the', 'these', 'those', 'its', 'their', 'our', 'entre', 'les', 'ces', 'eux', 'elles', 'ses', 'leurs', 'nos', fold('بين')]);
/** Words before a number that make it a complement, not a subject: "mother of two" (French "de" is a toll's: "un bilan de huit morts"). */
const COMPLEMENT = new Set(['of']);
/** "20 others injured", "20 autres blessés": others of those counted before, people as a count; no noun. */
const OTHERS = new Set(['others', 'autres', ...['آخرين', 'آخرون', 'اخرين'].map(fold)]);
/** What may follow a toll that has no noun: "killing 10 of them", "injured 50 and...", "blessant 3 autres", "وإصابة 66 آخرين". */
const BARE_AFTER = new Set(['of', 'and', 'more', 'de', 'et', ...OTHERS]);
/** What may stand between a toll's verb and its number: "wounding other 70", "injuring another 12". */
const OTHER = new Set(['other', 'another']);
/** Words that tell an earlier case in passing: "Earlier this year, a gunman killed three". */
const BACKGROUND_PHRASES = ['earlier this year', 'earlier this month', 'last year', 'last month', 'l an dernier', 'l annee derniere', 'le mois dernier', 'plus tot ce mois', 'العام الماضي', 'الشهر الماضي', 'في وقت سابق من هذا الشهر']
  .map((p) => p.split(' ').map(fold));
/**
 * Phrases that give a toll's new value ("before the toll rose to 14", "portant le bilan à 18",
 * "ترتفع الحصيلة إلى"): a toll before one in the sentence is an earlier one, or a part of the new.
 */
const RISE_PHRASES = [
  'rose to', 'risen to', 'rising to', 'climbed to', 'climbing to', 'increased to', 'bringing the toll to', 'bringing the death toll to',
  'passe a', 'passer a', 'passant a', 'porte a', 'portant le bilan a', 'alourdi a', 'grimpe a',
  'ارتفع إلى', 'ارتفعت إلى', 'ليرتفع إلى', 'لترتفع إلى', 'ترتفع الحصيلة إلى', 'يرتفع إلى', 'ترتفع إلى',
].map((p) => p.split(' ').map(fold));
/** A rise phrase is read as one only with its new value this close after it. */
const RISE_VALUE_REACH = 3;

/** Where the sentence gives a toll's new value; -1 where it gives none. */
function riseAt(tokens: readonly Token[]): number {
  for (let k = 0; k < tokens.length; k++) {
    const phrase = RISE_PHRASES.find((p) => wordsAt(tokens, k, p));
    if (!phrase) continue;
    const after = k + phrase.length;
    for (let j = after; j < after + RISE_VALUE_REACH && j < tokens.length; j++) if (numberAt(tokens, j)) return k;
  }
  return -1;
}

/** Of these, the ones that put a sentence in an earlier year: its dates are of that other time too ("Last year, 21 other girls were freed in October"). */
const PAST_YEAR_PHRASES = ['last year', 'l an dernier', 'l annee derniere', 'العام الماضي'].map((p) => p.split(' ').map(fold));
/**
 * Administrative divisions: a count followed closely by one is the part of a toll in one place
 * ("290 dead in Al Haouz province, 190 in Taroudant", "1351 وفاة بإقليم الحوز"), not the toll.
 */
const PLACE_PARTS = new Set([
  'province', 'provinces', 'region', 'regions', 'state', 'district', 'prefecture', 'county', 'departement', 'commune', 'cercle', 'wilaya', 'governorate',
  ...['إقليم', 'بإقليم', 'ولاية', 'بولاية', 'عمالة', 'بعمالة', 'محافظة', 'بمحافظة', 'منطقة', 'بمنطقة', 'جهة', 'بجهة'].map(fold),
]);
/** "in", "dans", "à", "في" before the division; Arabic also writes it as a prefix (بإقليم). */
const IN_PLACE = new Set(['in', 'dans', 'a', 'au', 'en', fold('في')]);
const PLACE_PART_REACH = 8;

/** Whether the count at [i, end) is given for one place: "in ... province" before the next comma or number. */
function inOnePlace(tokens: readonly Token[], end: number, breaks: ReadonlySet<number>): boolean {
  for (let j = end; j < end + PLACE_PART_REACH && j < tokens.length && !breaks.has(j) && !numberAt(tokens, j); j++) {
    const w = tokens[j]!.word;
    if (PLACE_PARTS.has(w) && (w.startsWith('ب') || tokens.slice(Math.max(end, j - 4), j).some((t) => IN_PLACE.has(t.word)))) return true;
  }
  return false;
}
/** Quantities in words that own the outcome next to them: "22 people, along with several injured". */
const VAGUE_QUANTITIES = new Set(['several', 'dozens', 'scores', 'hundreds', 'many', 'plusieurs', 'dizaines', 'centaines', 'nombreux', 'nombreuses', ...['عشرات', 'العشرات', 'مئات', 'المئات', 'العديد'].map(fold)]);
/** What a qualifier is not read past: another number, or a quantity in words. */
const barrier = (tokens: readonly Token[], at: number) => !!numberAt(tokens, at) || VAGUE_QUANTITIES.has(tokens[at]!.word);
/** Words that open a clause of their own after a comma: an outcome before them is another clause's. */
const CLAUSE_OPENERS = new Set(['while', 'whereas', 'but', 'and', 'alors', 'tandis', 'mais', 'et', fold('بينما'), fold('فيما')]);
/** The Arabic "and" written as a prefix. */
const ARABIC_AND = /^و/;
/** What joins two outcomes a number counts together ("dead and wounded", "morts ou blessés"), or two counted nouns ("soldiers and civilians"). */
const CONJUNCTIONS = new Set(['and', 'or', 'et', 'ou']);
/** What may stand between such a number and its two outcomes: "100 شخص بين قتيل وجريح", "between". */
const BETWEEN = new Set(['between', 'entre', fold('بين')]);

/** Whether the number ending at `end` counts two outcomes together ("over 200 dead and wounded", "450 شخصا بين قتيل وجريح"): no count of either. */
function countsBoth(tokens: readonly Token[], end: number): boolean {
  let j = end;
  if (PEOPLE.has(tokens[j]?.word ?? '')) j++;
  if (BETWEEN.has(tokens[j]?.word ?? '')) j++;
  const first = outcomeOf(tokens[j]?.word ?? '');
  if (!first) return false;
  j++;
  const joined = CONJUNCTIONS.has(tokens[j]?.word ?? '');
  if (joined) j++;
  const second = outcomeOf(tokens[j]?.word ?? '');
  // "15 شخصاً قُتلوا وأصيب 30", "18 قتيلا وأصيب العشرات": the second outcome has a quantity of its own.
  return !!second && second.id !== first.id && (joined || ARABIC_AND.test(tokens[j]!.raw)) && !(tokens[j + 1] && barrier(tokens, j + 1));
}
/** Whether the number starting at `start` follows two outcomes joined ("killed and wounded over a hundred", "قتل وجرح 100"): no count of either. */
function countsBothBefore(tokens: readonly Token[], start: number): boolean {
  const second = outcomeOf(tokens[start - 1]?.word ?? '');
  if (!second) return false;
  const joined = CONJUNCTIONS.has(tokens[start - 2]?.word ?? '');
  const at = start - (joined ? 3 : 2);
  const first = outcomeOf(tokens[at]?.word ?? '');
  // "15 شخصاً قُتلوا وأصيب 30": the first outcome closes a number of its own.
  const ownNumber = [1, 2].some((d) => at - d >= 0 && !!numberAt(tokens, at - d));
  return !!first && first.id !== second.id && (joined || ARABIC_AND.test(tokens[start - 1]!.raw)) && !ownNumber;
}
/** "مقتل 41 وإصابة آخرين", "82 شخصاً ... وإصابة 110": an outcome right after a number, joined by و, opens the next item. */
const joinsNext = (tokens: readonly Token[], next: number) => ARABIC_AND.test(tokens[next]?.raw ?? '') && !!outcomeOf(tokens[next]?.word ?? '');
/** How far from its number a qualifier ("killed", "blessés") may stand, never past another number. */
const QUALIFIER_REACH = 5;

function kindOf(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

/** Spans by the token they start at and the token positions they cover. */
function spanIndex(spans: readonly PhraseSpan[]): { at: Map<number, PhraseSpan>; covered: Set<number> } {
  const at = new Map<number, PhraseSpan>();
  const covered = new Set<number>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) (at.set(i, s), covered.add(i));
  return { at, covered };
}

/** The action key nearest to tokens [start, end), within NEAR tokens, the one before winning ties. */
function nearestAction(spans: readonly PhraseSpan[], start: number, end: number): string | null {
  let best: { key: string; distance: number } | null = null;
  for (const s of spans) {
    if (!s.key.startsWith('action:')) continue;
    const distance = s.end <= start ? start - s.end : s.start >= end ? s.start - end + 0.5 : Infinity;
    if (distance <= NEAR && (!best || distance < best.distance)) best = { key: s.key, distance };
  }
  return best?.key ?? null;
}

/** Kinds of vocabulary key a count can count. */
const COUNTED_KINDS = new Set(['topic', 'institution', 'group']);

interface Counted {
  subject: string;
  noun: string;
}

const words = (tokens: readonly Token[], from: number, to: number) => tokens.slice(from, to).map((t) => t.raw).join(' ');

/**
 * A nationality beside a counted noun, or a name before it in English ("five Nigerien soldiers",
 * "soldats nigériens", "جنود أمريكيين", "three Army Green Berets"), makes it a group of its own:
 * accounts that count several nationalities' soldiers count different groups, and the whole is
 * another. Its key follows the noun's after an @.
 */
const GROUP_MARK = '@';
/** Adjectives of nationality after a French or Arabic noun, by their ending (when the vocabulary has no place for them). */
const NATIONALITY_AFTER: Record<string, RegExp> = { fr: /(iens?|iennes?|ais|aises?|ains?|aines?|ois|oises?)$/, ar: /(يين|يون)$/ };

/** Subject key of `base` narrowed by `groups`. */
function grouped(base: string, groups: readonly string[]): string {
  return groups.length === 0 ? base : `${base}${GROUP_MARK}${[...new Set(groups)].sort().join('+')}`;
}

/** The subject without the group a nationality made of it. */
export function baseSubject(subject: string): string {
  const at = subject.indexOf(GROUP_MARK);
  return at < 0 ? subject : subject.slice(0, at);
}

/** A nationality right after a noun ending at `end` (French and Arabic put it there): its key and where it ends. */
function nationalityAfter(tokens: readonly Token[], end: number, index: ReturnType<typeof spanIndex>, language: string, breaks: ReadonlySet<number>): { key: string; end: number } | null {
  if (breaks.has(end) || !tokens[end]) return null;
  const span = index.at.get(end);
  if (span) return kindOf(span.key) === 'place' ? { key: span.key, end: span.end } : null;
  const t = tokens[end]!;
  return !t.stop && NATIONALITY_AFTER[language]?.test(t.word) && !outcomeOf(t.word) ? { key: `word:${language}:${t.stem}`, end: end + 1 } : null;
}

/** Words before an English noun that name a group of its own, as a nationality does: "17 male students". */
const SEXES = new Set(['male', 'female']);

/** A word after an English noun that makes it a modifier: a name ("Army Green Berets") or an agent noun ("hostage takers"). */
function headWord(tokens: readonly Token[], at: number, index: ReturnType<typeof spanIndex>, breaks: ReadonlySet<number>): boolean {
  const t = tokens[at];
  return !!t && !breaks.has(at) && !t.stop && !index.covered.has(at) && !numberAt(tokens, at) && !outcomeOf(t.word) && (t.name || /[a-z]ers$/.test(t.word));
}

/**
 * Whether the noun ending at `end` is joined to another with no number of its own ("more than 40
 * soldiers and civilians"): the count is of both together, a quantity no other account names alike.
 * Not a verb after the conjunction ("killed 12 soldiers and wounded eight") nor a number ("five
 * soldiers and three civilians").
 */
function mixedAfter(tokens: readonly Token[], end: number, index: ReturnType<typeof spanIndex>, breaks: ReadonlySet<number>): boolean {
  const next = tokens[end + 1];
  if (!CONJUNCTIONS.has(tokens[end]?.word ?? '') || breaks.has(end) || !next || next.stop || numberAt(tokens, end + 1) || outcomeOf(next.word)) return false;
  const span = index.at.get(end + 1);
  if (span) return COUNTED_KINDS.has(kindOf(span.key));
  // A verb after the conjunction takes an object: "and left another 50", "and seized the weapons".
  const after = tokens[end + 2];
  const object = !!after && (OBJECT_OPENERS.has(after.word) || !!numberAt(tokens, end + 2));
  return !next.name && !PLAIN_VERB.test(next.word) && !object;
}
/** English verbs after the conjunction: "and seized", "and burning" (French outcomes are read as such). */
const PLAIN_VERB = /(ed|ing)$/;
const OBJECT_OPENERS = new Set(['the', 'a', 'an', 'another', 'le', 'la', 'les', 'l', 'un', 'une', 'des', 'd']);

/** What a count at [i, i+length) counts: a topic or institution key after it, people, or a noun. */
function countedSubject(tokens: readonly Token[], i: number, length: number, index: ReturnType<typeof spanIndex>, language: string, breaks: ReadonlySet<number>): Counted | null {
  let start = i + length;
  const partitive = PARTITIVES.has(tokens[start]?.word ?? '') && !breaks.has(start);
  if (partitive) for (start++; PARTITIVE_LINKS.has(tokens[start]?.word ?? ''); ) start++;
  const groups: string[] = [];
  let from: number | null = null;
  const found = (base: string, nounStart: number, nounEnd: number): Counted | null => {
    let end = nounEnd;
    if (mixedAfter(tokens, end, index, breaks)) return null;
    if (language !== 'en') {
      const after = nationalityAfter(tokens, end, index, language, breaks);
      if (after) (groups.push(after.key), (end = after.end));
    } else if (base !== 'people') {
      // "three Army Green Berets", "six hostage-takers": English names the group by the words after.
      let head = end;
      while (headWord(tokens, head, index, breaks)) head++;
      if (head > end) {
        groups.push(base);
        return { subject: grouped(`word:en:${tokens[head - 1]!.stem}`, groups), noun: words(tokens, from ?? nounStart, head) };
      }
    }
    return { subject: grouped(base, groups), noun: words(tokens, from ?? nounStart, end) };
  };
  for (let j = start; j < tokens.length && j < start + 4; ) {
    if (breaks.has(j)) break;
    const span = index.at.get(j);
    if (span) {
      const kind = kindOf(span.key);
      if (COUNTED_KINDS.has(kind)) return found(span.key, span.start, span.end);
      if (kind === 'place') (groups.push(span.key), (from ??= span.start));
      j = span.end;
      continue;
    }
    const t = tokens[j]!;
    // Before the stop test: Arabic شخصا (counted 11 to 99) is also a stop word.
    if (PEOPLE.has(t.word)) return found('people', j, j + 1);
    if (t.stop || numberAt(tokens, j)) break;
    if (NOT_COUNTED.has(t.word)) return null;
    // Outside the vocabulary: French and Arabic put the noun first, English last before a stop.
    if (language !== 'en') return found(`word:${language}:${t.stem}`, j, j + 1);
    const next = tokens[j + 1];
    // "23 Somali and Yemeni pirates": the noun is after the pair.
    if ((next?.word === 'and' || next?.word === 'or') && tokens[j + 2] && !tokens[j + 2]!.stop && !numberAt(tokens, j + 2)) {
      if (t.name) (groups.push(`word:en:${t.stem}`), (from ??= j));
      j += 2;
      continue;
    }
    const nextSpan = breaks.has(j + 1) ? undefined : index.at.get(j + 1);
    const nounNext = !!next && !next.stop && !index.covered.has(j + 1) && !outcomeOf(next.word) && !numberAt(tokens, j + 1);
    // "12 Egyptian soldiers", "17 male students": a name or a sex before the noun names its group; another word only qualifies it.
    if ((nextSpan && COUNTED_KINDS.has(kindOf(nextSpan.key))) || ((t.name || SEXES.has(t.word)) && nounNext)) {
      if (t.name || SEXES.has(t.word)) (groups.push(`word:en:${t.stem}`), (from ??= j));
      j++;
      continue;
    }
    if (!nounNext) return { subject: grouped(`word:${language}:${t.stem}`, groups.filter((g) => g !== `word:en:${t.stem}`)), noun: words(tokens, i + length, j + 1) };
    j++;
  }
  // Arabic puts a definite number after its noun: "السائقين المغاربة الأربعة"; not one that counts a part of what follows.
  if (language === 'ar' && !partitive) {
    const before: string[] = [];
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const span = index.at.get(j);
      if (span && kindOf(span.key) === 'place') before.push(span.key);
      if (span && (kindOf(span.key) === 'topic' || kindOf(span.key) === 'institution')) return { subject: grouped(span.key, before), noun: words(tokens, span.start, i) };
    }
  }
  return null;
}

/** Relative pronouns that make the number after or before them a part of a group just counted: "four of whom", "parmi lesquels quatre". */
const RELATIVES = new Set(['whom', 'which', 'lesquels', 'lesquelles', 'desquels', 'desquelles', 'dont']);

/** Whether the number at [i, i+length) counts a part of the group before it: "forty arrested, four of whom were killed". */
function relativePart(tokens: readonly Token[], i: number, length: number): boolean {
  const after = tokens[i + length]?.word ?? '';
  return (PARTITIVES.has(after) && RELATIVES.has(tokens[i + length + 1]?.word ?? '')) || RELATIVES.has(tokens[i - 1]?.word ?? '');
}

/**
 * The outcome word nearest to the number at [i, i+length), after it winning ties, not past another
 * number. One before it is not its own across "and" ("the leader was killed and 50 people
 * arrested") nor for a part named by a relative ("forty arrested, four of whom were neutralized").
 */
function qualifierOf(tokens: readonly Token[], i: number, length: number, breaks: ReadonlySet<number>): string {
  // Once an "and", or a comma and a word that opens a clause, stands between, no outcome further
  // back is the number's either: "seven have been arrested, while five soldiers were killed".
  let joinedBefore = relativePart(tokens, i, length);
  for (let d = 0; d < QUALIFIER_REACH; d++) {
    const after = i + length + d;
    const before = i - 1 - d;
    const next = outcomeOf(tokens[after]?.word ?? '');
    if (d > 0) joinedBefore ||= CONJUNCTIONS.has(tokens[before + 1]?.word ?? '');
    joinedBefore ||= breaks.has(before + 1) && CLAUSE_OPENERS.has(tokens[before + 1]?.word ?? '');
    const previous = joinedBefore ? undefined : outcomeOf(tokens[before]?.word ?? '');
    // "مقتل 41 وإصابة آخرين": an outcome after the number joined by و opens the next item.
    const found = (next && !ARABIC_AND.test(tokens[after]!.raw) ? next : undefined) ?? previous;
    if (found) return found.id;
    if ((tokens[after] && barrier(tokens, after)) || (before >= 0 && barrier(tokens, before))) return '';
  }
  return '';
}

/** Words that make an injury grave: those so injured are a part of all the injured, counted apart. */
const SEVERITY = new Set(['seriously', 'severely', 'critically', 'gravely', 'grievement', 'gravement', 'grave', 'graves', ...['خطيرة', 'بليغة', 'حرجة', 'خطرة'].map(fold)]);
/** How far after its number ("88 people were seriously injured") or before it ("critically injured 12") a severity word may stand. */
const SEVERITY_AFTER = 4;
const SEVERITY_BEFORE = 2;

/** Whether the count at [start, end) is told as grave, within reach and not past another number or a comma. */
function severe(tokens: readonly Token[], start: number, end: number, breaks: ReadonlySet<number>): boolean {
  for (let j = end; j < end + SEVERITY_AFTER && j < tokens.length && !breaks.has(j) && !numberAt(tokens, j); j++) if (SEVERITY.has(tokens[j]!.word)) return true;
  for (let j = start - 1; j >= start - SEVERITY_BEFORE && j >= 0 && !breaks.has(j + 1) && !numberAt(tokens, j); j--) if (SEVERITY.has(tokens[j]!.word)) return true;
  return false;
}

/** `breaks`: tokens a comma or a bracket stands before (clauses.ts); a count reads no noun past one. */
export function findFigures(tokens: readonly Token[], spans: readonly PhraseSpan[], language: string, published: Date, breaks: ReadonlySet<number> = new Set()): Figure[] {
  const out: Figure[] = [];
  const index = spanIndex(spans);
  const used = new Set<number>();
  const figure = (kind: Figure['kind'], subject: string, value: string, n: Pick<NumberRead, 'low' | 'high'> | null, extra: Partial<Figure> = {}): Figure =>
    ({ kind, subject, value, qualifier: '', low: n?.low ?? NaN, high: n?.high ?? NaN, noun: '', ...extra });
  const says = (phrases: string[][]) => tokens.some((_, k) => phrases.some((p) => wordsAt(tokens, k, p)));
  const away = weeksAway(tokens);
  // "Two months ago" measures the distance to that other time, not a duration of anything.
  if (away) for (let k = away.start; k < away.end; k++) used.add(k);
  let background = says(BACKGROUND_PHRASES) || away !== null;
  const pastYear = says(PAST_YEAR_PHRASES);
  const tellsOutcome = tokens.some((t) => { const o = outcomeOf(t.word); return !!o && !o.nounsOnly; });
  const rise = riseAt(tokens);
  const provisional = says(PROVISIONAL_PHRASES);
  const latest = says(LATEST_PHRASES);
  const overtaken = overtakenFrom(tokens);
  const dates = findDates(tokens, published);
  const scope = dates[0]?.value ?? '';
  const isOld = (d: DateMention) => published.getTime() - Date.parse(d.value) >= BACKGROUND_DAYS * 86_400_000;
  // "Killed since mid-March": a toll over a period that began weeks back.
  const periodTotal = says(PERIOD_PHRASES) || dates.some((d) => isOld(d) && since(tokens, d.start));
  for (const d of dates) {
    for (let i = d.start; i < d.end; i++) used.add(i);
    const old = isOld(d);
    if (bounds(tokens, d.start) || (pastYear && old) || toldBy(tokens, d.start, language) || planned(tokens, d.start)) continue;
    const action = nearestAction(spans, d.start, d.end) ?? farAction(tokens, index.at, d.start, d.end);
    if (action && old && MOMENTARY_ACTIONS.has(action)) background = true;
    else if (action) out.push(figure('date', action, d.value, null, { told: d.told }));
    // An old date of this event's own action ("kidnapped in January") is no sign of background.
    else background ||= old;
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || index.covered.has(i)) continue;
    const n = numberAt(tokens, i);
    if (!n) continue;
    const w = tokens[i]!.word;
    const next = tokens[i + n.length]?.word ?? '';
    if (/^(19|20)\d\d$/.test(w)) background ||= published.getUTCFullYear() - Number(w) >= 1;
    let j = i + n.length;
    const multiplier = MULTIPLIERS.get(tokens[j]?.word ?? '');
    if (multiplier) j++;
    while (FILLER.has(tokens[j]?.word ?? '')) j++;
    const currency = CURRENCIES.get(tokens[j]?.word ?? '');
    if (currency) {
      const subject = nearestTopic(spans, i) ?? amountSubject(tokens, i);
      const scale = multiplier ?? 1;
      if (subject) out.push(figure('amount', subject, `${Math.round(n.value * scale)} ${currency}`, { low: n.low * scale, high: n.high * scale }));
      i = j;
      continue;
    }
    if (/^(19|20)\d\d$/.test(w) || PERCENT.has(next) || MEASURES.has(next) || NAMING.has(tokens[i - 1]?.word ?? '')) {
      i += n.length - 1;
      continue;
    }
    // يوم of "يوم الجمعة" is the date's, not a unit: "الأربعة يوم الجمعة" is no four days.
    // Nor is a word past a comma: "at least 36, an official said" is no 36 years.
    const unit = used.has(i + n.length) || breaks.has(i + n.length) ? undefined : UNITS.get(next);
    if (unit) {
      const action = nearestAction(spans, i, i + n.length + 1);
      if (action && !sinceOthers(tokens, i)) out.push(figure('duration', action, `P${n.value}${unit}`, n));
      i += n.length;
      continue;
    }
    if (n.value >= 2 && Number.isInteger(n.value) && !isAge(tokens, i, n.length, breaks) && !isAddition(tokens, i, n.length) && !isAtOnce(tokens, i, n.length) && !isBreakdown(tokens, i, n.length, breaks) && !countsBoth(tokens, i + n.length) && !countsBothBefore(tokens, i - n.lead)) {
      // "two died", "trois morts": people, unless the number is a complement ("mother of two died").
      const joined = joinsNext(tokens, i + n.length);
      const implied = COMPLEMENT.has(tokens[i - n.lead - 1]?.word ?? '') || joined ? undefined : outcomeOf(next);
      const told = implied?.id ?? qualifierOf(tokens, i - n.lead, n.length + n.lead, breaks);
      // "Four arrested, including three today": a part with no noun of its own answers no question alone.
      const bareOfWhole = INCLUDING.has(tokens[i - n.lead - 1]?.word ?? '') && !!outcomeOf(next);
      let qualifier = told === 'injured' && severe(tokens, i - n.lead, i + n.length, breaks) ? 'seriously-injured' : told;
      // "injured 50.", "killing 10 of them", "wounding other 70, officials said": a toll right
      // after its verb, with no noun, counts people.
      const verbAt = i - n.lead - 1 - (OTHER.has(tokens[i - n.lead - 1]?.word ?? '') ? 1 : 0);
      const end = i + n.length;
      const bare = outcomeOf(tokens[verbAt]?.word ?? '') && (!tokens[end] || BARE_AFTER.has(tokens[end]!.word) || breaks.has(end) || joined);
      const group = implied ? groupAfter(tokens, end + 1, breaks) : -1;
      const people = { subject: 'people', noun: '' };
      // "killing 10 of them" counts people; "killed 17 of its soldiers", soldiers.
      const ofWhom = bare && !implied && PARTITIVES.has(tokens[end]?.word ?? '') ? countedSubject(tokens, i, n.length, index, language, breaks) : null;
      // "Claimed the lives of 137 soldiers" counts the dead as a toll's value does.
      const toll = tollValue(tokens, i - n.lead, breaks) ?? (livesTaken(tokens, i - n.lead) ? { rose: false } : null);
      if (toll && !qualifier) qualifier = 'killed';
      const counted = group >= 0
        ? countedSubject(tokens, group, 0, index, language, breaks)
        : implied || bare ? ofWhom ?? people : OTHERS.has(tokens[end]?.word ?? '') && qualifier ? people : countedSubject(tokens, i, n.length, index, language, breaks) ?? (toll ? people : null);
      // A noun outside the vocabulary is compared only with a qualifier: "24 villages" in two
      // accounts may be different villages, "24 villages destroyed" are the same quantity.
      // "People" too names no one in particular: "15 British people confirmed dead" (dead unread)
      // and "22 personnes" of another attack told in passing are not the event's toll.
      // A sentence that tells what happened to someone, but not next to this number ("23 hostages,
      // including three Britons, along with 32 militants, were confirmed dead"): what it counts is unsure.
      const unsure = !qualifier && tellsOutcome;
      const overPeriod = periodTotal && !!outcomeById(qualifier)?.cumulative;
      const superseded = i < rise && !!outcomeById(qualifier)?.cumulative;
      const base = counted && baseSubject(counted.subject);
      const needsQualifier = !!base && (base.startsWith('word:') || base === 'people');
      if (!needsQualifier && outcomeById(qualifier)?.nounsOnly) qualifier = '';
      if (counted && !bareOfWhole && !unsure && !overPeriod && !superseded && !inOnePlace(tokens, end, breaks) && (qualifier || !needsQualifier)) {
        // A toll given for one day is part of the event's total, not another answer to it.
        const day = outcomeById(qualifier)?.cumulative ? scope : '';
        const cumulative = !!outcomeById(qualifier)?.cumulative;
        // A toll told before an overtaken one is the one that overtook it.
        const rose = ((rise >= 0 && i > rise) || !!toll?.rose || latest || (overtaken >= 0 && i < overtaken) || risenTo(tokens, i - n.lead, breaks)) && cumulative;
        const floor = !n.range && n.high === n.low && ((provisional && cumulative) || floorAfter(tokens, end, breaks));
        const range = floor ? { low: n.low, high: Infinity } : n;
        // An overtaken toll is not the account's: only its new value, if the sentence gives one.
        if (!(overtaken >= 0 && i > overtaken && cumulative && !rose)) out.push(figure('count', counted.subject, n.range ? `${n.low}-${n.high}` : String(n.value), range, { qualifier, noun: counted.noun, scope: day, ...(rose ? { rose } : {}) }));
      }
    }
    i += n.length - 1;
  }
  const kept = background ? out.filter((f) => f.kind === 'date' || f.kind === 'duration') : out;
  return withoutParts(kept, tokens.some((t) => INCLUDING.has(t.word)));
}

/** Words that name, after a toll's outcome, the group it was among: "trois morts parmi les soldats", "ثلاثة قتلى من القادة". */
const AMONG = new Set(['among', 'parmi', fold('من')]);
/** What "من" introduces after an outcome when it is a cause, not a group: من جراء القصف, من أجل. */
const CAUSES = new Set(['جراء', 'أجل', 'شدة'].map(fold));

/**
 * Phrases that name, after a toll's outcome, the side it fell on: "trois morts dans les rangs de
 * l'armée", "13 blessés du côté des forces", "15 قتيلا في صفوف المهاجمين", "dead in the ranks of".
 */
const RANKS = [
  'in the ranks of', 'among the ranks of', 'on the side of', 'dans les rangs de', 'dans les rangs des', 'dans les rangs du',
  'du cote de', 'du cote des', 'du cote du', 'au sein de', 'au sein des', 'au sein du', 'في صفوف', 'بين صفوف', 'من صفوف',
].map((p) => p.split(' ').map(fold));
/** Articles between such a phrase and its group: "de l'armée", "of the attackers". */
const GROUP_ARTICLES = new Set(['the', 'l', 'la', 'le', 'les']);

/**
 * Where the group the dead were among starts, when the token at `at` (right after a toll's
 * outcome noun) opens one ("parmi les soldats", "في صفوف الجيش"); -1 when it does not.
 */
function groupAfter(tokens: readonly Token[], at: number, breaks: ReadonlySet<number>): number {
  if (breaks.has(at)) return -1;
  const phrase = RANKS.find((p) => wordsAt(tokens, at, p) && !p.some((_w, k) => k > 0 && breaks.has(at + k)));
  if (!phrase) return AMONG.has(tokens[at]?.word ?? '') && !CAUSES.has(tokens[at + 1]?.word ?? '') ? at : -1;
  let start = at + phrase.length;
  while (GROUP_ARTICLES.has(tokens[start]?.word ?? '')) start++;
  return start;
}

/** What introduces the parts of a total: "157 killed, including 12 militiamen", "cinq morts, dont deux visiteurs". */
const INCLUDING = new Set(['including', 'among', 'dont', 'parmi', 'compris', fold('بينهم'), fold('منهم')]);

/**
 * Several counts of one outcome in a sentence are parts ("two pilgrims shot dead as well as two
 * guards", "six agents injured and four other people"), unless one is the total the others are
 * said to be among ("157 killed, including 12 militiamen"): only that total is kept.
 */
function withoutParts(figures: Figure[], including: boolean): Figure[] {
  const byOutcome = new Map<string, Figure[]>();
  for (const f of figures) if (f.kind === 'count' && f.qualifier) byOutcome.set(f.qualifier, [...(byOutcome.get(f.qualifier) ?? []), f]);
  const dropped = new Set<Figure>();
  for (const counts of byOutcome.values()) {
    if (counts.length < 2) continue;
    const largest = counts.reduce((a, b) => (b.low > a.low ? b : a));
    const rest = counts.filter((f) => f !== largest);
    const total = including && rest.every((f) => f.low < largest.low) && rest.reduce((sum, f) => sum + f.low, 0) <= largest.low;
    for (const f of total ? rest : counts) dropped.add(f);
  }
  return figures.filter((f) => !dropped.has(f));
}

/**
 * Words after a number that make the count an addition to one told elsewhere ("8 more", "35
 * additional civilians", "huit personnes supplémentaires", "8 أشخاص إضافيين"): no total, and set
 * against one it would be a part against the whole. Not "others" nor "another": "wounding 12
 * others", "وأصيب 12 آخرين", "left another 50 injured" give the wounded's total.
 */
const ADDITION = new Set(['more', 'additional', 'further', 'supplementaires', 'supplementaire', ...['إضافيين', 'إضافيا', 'إضافي'].map(fold)]);
/** How far after a number an addition word may stand: "8 more", "35 additional civilians", "8 أشخاص إضافيين". */
const ADDITION_REACH = 2;

function isAddition(tokens: readonly Token[], i: number, length: number): boolean {
  for (let j = i + length; j < i + length + ADDITION_REACH && j < tokens.length; j++) if (ADDITION.has(tokens[j]!.word)) return true;
  return false;
}

/**
 * Words after a toll that count only those who died at once ("22 died on the spot", "tués sur le
 * coup", "وفاة 23 شخص في الحين"): where others died later in hospital, a part of the toll, so no
 * total to set against another account's.
 */
const AT_ONCE = [['on', 'the', 'spot'], ['instantly'], ['sur', 'le', 'coup'], ['في', 'الحين'], ['علي', 'الفور'], ['في', 'عين', 'المكان']].map((p) => p.map(fold));
/** How far after a number the words may stand: "22 people died on the spot" (a noun and a verb between). */
const AT_ONCE_REACH = 5;

function isAtOnce(tokens: readonly Token[], i: number, length: number): boolean {
  for (let j = i + length; j <= i + length + AT_ONCE_REACH && j < tokens.length; j++) if (AT_ONCE.some((p) => wordsAt(tokens, j, p))) return true;
  return false;
}

/**
 * A toll split by cause: "three babies died of burns and five of asphyxiation", "trois morts de
 * brûlures et cinq d'asphyxie". Each number is a part of a whole told elsewhere, so no total.
 * Not a partitive ("and five of the attackers"), which counts another group.
 */
const CAUSE_OPENERS = new Set(['of', 'from', 'de', 'd', 'par', fold('من')]);
/** How far after the count the second part may start: "died of burns and" (a verb, a cause, the conjunction). */
const BREAKDOWN_REACH = 6;

function isBreakdown(tokens: readonly Token[], i: number, length: number, breaks: ReadonlySet<number>): boolean {
  for (let j = i + length; j < i + length + BREAKDOWN_REACH && j < tokens.length && !breaks.has(j); j++) {
    const conjunction = CONJUNCTIONS.has(tokens[j]!.word);
    if (!conjunction && !ARABIC_AND.test(tokens[j]!.raw)) continue;
    const at = conjunction ? j + 1 : j;
    const part = numberAt(tokens, at);
    if (!part) continue;
    const opener = at + part.length;
    if (CAUSE_OPENERS.has(tokens[opener]?.word ?? '') && !PARTITIVE_LINKS.has(tokens[opener + 1]?.word ?? '') && !RELATIVES.has(tokens[opener + 1]?.word ?? '')) return true;
  }
  return false;
}

/** "Buckley, 32, died": a number set off by commas right after a name is the person's age. */
function isAge(tokens: readonly Token[], i: number, length: number, breaks: ReadonlySet<number>): boolean {
  const before = tokens[i - 1]?.raw ?? '';
  return breaks.has(i) && breaks.has(i + length) && /^\p{Lu}/u.test(before);
}

/** The money word nearest to token i within AMOUNT_REACH: "worth $2m of jewellery" prices the loot. */
function amountSubject(tokens: readonly Token[], i: number): string | null {
  for (let d = 1; d <= AMOUNT_REACH; d++) {
    const found = AMOUNT_SUBJECTS.get(tokens[i + d]?.word ?? '') ?? AMOUNT_SUBJECTS.get(tokens[i - d]?.word ?? '');
    if (found) return found;
  }
  return null;
}

/** The topic key nearest to token i anywhere in the sentence: what an amount is the price of. */
function nearestTopic(spans: readonly PhraseSpan[], i: number): string | null {
  let best: { key: string; distance: number } | null = null;
  for (const s of spans) {
    if (!s.key.startsWith('topic:')) continue;
    const distance = Math.abs(s.start - i);
    if (!best || distance < best.distance) best = { key: s.key, distance };
  }
  return best?.key ?? null;
}
