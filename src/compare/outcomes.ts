import { foldWord as fold } from '../text/index.js';

/**
 * What happened to what a count counts: the qualifier that makes "ten killed" and "ten injured"
 * two quantities. Each outcome has the words that tell it (folded) and a label per language for
 * showing it. `cumulative` outcomes only grow as an event unfolds (a toll, arrests), so a later
 * account's larger figure may be an update rather than a disagreement.
 */
export interface Outcome {
  id: string;
  cumulative: boolean;
  label: Record<'en' | 'fr' | 'ar', string>;
  /**
   * Qualifies only a count that needs one (a noun outside the vocabulary, or people): a topic's
   * count is of the same people before and after ("four drivers kidnapped", "four drivers freed"
   * answer one question), so there it neither splits the count nor makes it unsure.
   */
  nounsOnly?: boolean;
}

const OUTCOMES: (Outcome & { words: string[] })[] = [
  { id: 'killed', cumulative: true, label: { en: 'killed', fr: 'tués', ar: 'قتلى' }, words: [
    'killed', 'kill', 'kills', 'killing', 'dead', 'died', 'die', 'dies', 'death', 'deaths', 'fatalities',
    'tue', 'tues', 'tuee', 'tuees', 'tuant', 'mort', 'morts', 'mortes', 'decede', 'decedes', 'deces', 'peri', 'peris',
    'قتل', 'قتلى', 'قتيل', 'قتيلا', 'مقتل', 'قتلوا', 'قتلت', 'حتفهم', 'حتفه', 'مصرع', 'مصرعهم', 'مصرعه', 'مصرعها', 'وفاة', 'وفيات', 'توفي', 'توفوا', 'ماتوا', 'موتى'] },
  { id: 'injured', cumulative: true, label: { en: 'injured', fr: 'blessés', ar: 'جرحى' }, words: [
    'injured', 'injuring', 'injures', 'injure', 'injuries', 'wounded', 'wounding', 'hurt',
    'blesse', 'blesses', 'blessee', 'blessees', 'blessant',
    'جرحى', 'جريح', 'جريحا', 'جرح', 'إصابة', 'إصابات', 'مصابين', 'مصابا', 'أصيب', 'أصيبوا', 'أصيبت'] },
  // Read from a severity word beside an injury (figures.ts), never from a word of its own.
  { id: 'seriously-injured', cumulative: true, label: { en: 'seriously injured', fr: 'grièvement blessés', ar: 'جرحى بجروح خطيرة' }, words: [] },
  { id: 'shot', cumulative: true, label: { en: 'shot', fr: 'touchés par balle', ar: 'مصابين بالرصاص' }, words: [
    'shot', 'shooting', 'gunned', 'fusilles', 'abattus'] },
  { id: 'arrested', cumulative: true, label: { en: 'arrested', fr: 'arrêtés', ar: 'معتقلين' }, words: [
    'arrested', 'arrests', 'arresting', 'arrest', 'detained', 'apprehended', 'captured', 'nabbed', 'apprehending', 'capturing',
    'arretes', 'arrete', 'arretees', 'arrestations', 'interpelles', 'interpellees', 'interpellations', 'apprehendes',
    'اعتقال', 'اعتقل', 'اعتقلت', 'معتقلين', 'توقيف', 'أوقف', 'أوقفت', 'القبض', 'إيقاف'] },
  // Taken by force: "25 schoolgirls abducted", "303 élèves enlevés", "اختطاف 80 شخصا".
  { id: 'abducted', cumulative: true, nounsOnly: true, label: { en: 'abducted', fr: 'enlevés', ar: 'مختطفين' }, words: [
    'abducted', 'abducting', 'abduction', 'abductions', 'kidnapped', 'kidnapping', 'kidnappings',
    'enleve', 'enleves', 'enlevee', 'enlevees', 'enlevant', 'enlevement', 'kidnappe', 'kidnappes', 'kidnappees', 'kidnappant',
    'اختطاف', 'اختطف', 'اختطفت', 'اختطفوا', 'خطف', 'خطفوا'] },
  { id: 'charged', cumulative: true, label: { en: 'charged', fr: 'inculpés', ar: 'متهمين' }, words: [
    'charged', 'indicted', 'inculpe', 'inculpes', 'inculpees', 'متهمين', 'اتهام'] },
  { id: 'destroyed', cumulative: false, label: { en: 'destroyed', fr: 'détruits', ar: 'مدمرة' }, words: [
    'destroyed', 'destroying', 'leveled', 'levelled', 'leveling', 'flattened', 'flattening', 'razed', 'gutted',
    'detruit', 'detruits', 'detruites', 'rases', 'rasees',
    'دمر', 'دمرت', 'تدمير', 'مدمرة', 'هدم'] },
  { id: 'damaged', cumulative: false, label: { en: 'damaged', fr: 'endommagés', ar: 'متضررة' }, words: [
    'damaged', 'damaging', 'severed', 'endommage', 'endommages', 'endommagees', 'تضرر', 'تضررت', 'متضررة'] },
  { id: 'missing', cumulative: false, label: { en: 'missing', fr: 'disparus', ar: 'مفقودين' }, words: [
    'missing', 'disparus', 'disparues', 'مفقودين', 'مفقودا', 'مفقود'] },
  { id: 'rescued', cumulative: true, label: { en: 'rescued', fr: 'secourus', ar: 'ناجين' }, words: [
    'rescued', 'secourus', 'sauves', 'إنقاذ', 'ناجين'] },
  { id: 'evacuated', cumulative: true, label: { en: 'evacuated', fr: 'évacués', ar: 'إجلاء' }, words: [
    'evacuated', 'evacues', 'evacuees', 'إجلاء'] },
  { id: 'escaped', cumulative: true, label: { en: 'escaped', fr: 'évadés', ar: 'فارين' }, words: [
    'escaped', 'escapees', 'escape', 'escaping', 'evades', 'evadees', 'evade', 'evadent', 'evasion',
    'هروب', 'فرار', 'بفرار', 'فروا', 'هربوا', 'الفارين', 'فارين'] },
  { id: 'displaced', cumulative: true, label: { en: 'displaced', fr: 'déplacés', ar: 'نازحين' }, words: [
    'displaced', 'homeless', 'deplaces', 'sinistres', 'نازحين', 'مشردين'] },
];

const BY_WORD = new Map(OUTCOMES.flatMap((o) => o.words.map((w) => [fold(w), o] as [string, Outcome])));

/** The outcome a folded word tells, if any. */
export function outcomeOf(word: string): Outcome | undefined {
  return BY_WORD.get(word);
}

export function outcomeById(id: string): Outcome | undefined {
  return OUTCOMES.find((o) => o.id === id);
}
