/**
 * Month names as news pages and feeds write them, by language, January first. Each reader of
 * dates takes the languages it needs: a feed's date field may be Spanish or German, where a
 * dateline above an article is English or French, and running prose is read without the
 * abbreviations that are words of its own.
 */
type Year = readonly [string[], string[], string[], string[], string[], string[], string[], string[], string[], string[], string[], string[]];

export const MONTH_NAMES = {
  en: [['january'], ['february'], ['march'], ['april'], ['may'], ['june'], ['july'], ['august'], ['september'], ['october'], ['november'], ['december']],
  enShort: [['jan'], ['feb'], ['mar'], ['apr'], [], ['jun'], ['jul'], ['aug'], ['sep', 'sept'], ['oct'], ['nov'], ['dec']],
  // With and without accents: outlets and feeds lose them.
  fr: [['janvier'], ['février', 'fevrier'], ['mars'], ['avril'], ['mai'], ['juin'], ['juillet'], ['août', 'aout'], ['septembre'], ['octobre'], ['novembre'], ['décembre', 'decembre']],
  // As French outlets print them: "janv.", "févr.", "juil.".
  frShort: [['janv'], ['févr', 'fevr', 'fév', 'fev'], [], ['avr'], [], [], ['juil'], [], [], [], [], ['déc']],
  es: [['enero', 'ene'], ['febrero'], ['marzo'], ['abril', 'abr'], ['mayo'], ['junio'], ['julio'], ['agosto', 'ago'], ['septiembre', 'set'], ['octubre'], ['noviembre'], ['diciembre', 'dic']],
  de: [['januar', 'jän'], ['februar'], ['märz', 'mär'], [], [], ['juni'], ['juli'], [], [], ['oktober', 'okt'], [], ['dezember', 'dez']],
  // Arabic month names differ by region: Egypt/Gulf (يناير...), Morocco (يوليوز، غشت، شتنبر...),
  // Algeria/Tunisia (from the French: جانفي، فيفري، جوان...) and the Levant's Syriac names
  // (كانون الثاني...), with and without hamza.
  ar: [
    ['يناير', 'جانفي', 'جانفييه', 'كانون الثاني'],
    ['فبراير', 'فيفري', 'شباط'],
    ['مارس', 'آذار'],
    ['أبريل', 'ابريل', 'إبريل', 'أفريل', 'افريل', 'نيسان'],
    ['مايو', 'ماي', 'أيار', 'ايار'],
    ['يونيو', 'يونيه', 'جوان', 'حزيران'],
    ['يوليو', 'يوليه', 'يوليوز', 'جويلية', 'تموز'],
    ['أغسطس', 'اغسطس', 'غشت', 'أوت', 'اوت', 'آب'],
    ['سبتمبر', 'شتنبر', 'أيلول', 'ايلول'],
    ['أكتوبر', 'اكتوبر', 'تشرين الأول', 'تشرين الاول'],
    ['نوفمبر', 'نونبر', 'تشرين الثاني'],
    ['ديسمبر', 'دجنبر', 'كانون الأول', 'كانون الاول'],
  ],
} as const satisfies Record<string, Year>;

export type MonthLanguage = keyof typeof MONTH_NAMES;

/** Every form of the given languages with its month (1 to 12), in the table's order. */
export function monthForms(languages: readonly MonthLanguage[]): [form: string, month: number][] {
  return languages.flatMap((l) => (MONTH_NAMES[l] as Year).flatMap((forms, i) => forms.map((f): [string, number] => [f, i + 1])));
}
