import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../../src/cluster/index.js';
import { analyseSentence } from '../../src/compare/analyse.js';
import { findDates } from '../../src/compare/dates.js';
import { spellNumbers } from '../../src/compare/numbers.js';
import { loadFramingLexicon } from '../../src/compare/index.js';
import { tokenize } from '../../src/text/index.js';

const context = { vocabulary: loadVocabulary(), framing: loadFramingLexicon() };
// Saturday 2 August 2025.
const published = new Date('2025-08-02T10:00:00Z');
// What each figure answers and its value; the reading's bounds and wording are tested apart.
const figures = (text: string, language: string) => analyseSentence(text, 0, language, published, context).figures.map(({ kind, subject, value }) => ({ kind, subject, value }));
const counts = (text: string, language: string) => figures(text, language).filter((f) => f.kind === 'count');
// Counts with what happened to them, as "88 seriously-injured".
const qualifiedCounts = (text: string, language: string) => analyseSentence(text, 0, language, published, context).figures.filter((f) => f.kind === 'count').map((f) => `${f.value} ${f.qualifier}`);
// As the comparison reads them: numbers spelled first (spellNumbers), then tokens.
const dates = (text: string, language: string) => findDates(tokenize(spellNumbers(text), language), published).map((d) => d.value);

describe('dates', () => {
  it('reads full dates in three languages and orders', () => {
    expect(dates('On August 1, 2025, Mali announced', 'en')).toEqual(['2025-08-01']);
    expect(dates('le 1er août 2025 à Bamako', 'fr')).toEqual(['2025-08-01']);
    expect(dates('في 1 أغسطس 2025', 'ar')).toEqual(['2025-08-01']);
    expect(dates('on 24 July', 'en')).toEqual(['2025-07-24']);
  });

  it('gives a month without a year the latest one not after publication', () => {
    expect(dates('kidnapped in January', 'en')).toEqual(['2025-01']);
    expect(dates('enlevés en décembre', 'fr')).toEqual(['2024-12']);
    expect(dates('منذ شهر يناير', 'ar')).toEqual(['2025-01']);
    expect(dates('منذ كانون الثاني', 'ar')).toEqual(['2025-01']);
  });

  it('resolves weekdays and yesterday against publication; Arabic weekdays only after يوم', () => {
    expect(dates('freed on Friday', 'en')).toEqual(['2025-08-01']);
    expect(dates('libérés samedi', 'fr')).toEqual(['2025-08-02']);
    expect(dates('أعلن يوم الجمعة', 'ar')).toEqual(['2025-08-01']);
    expect(dates('صلاة الجمعة', 'ar')).toEqual([]);
    expect(dates('hier soir', 'fr')).toEqual(['2025-08-01']);
  });

  it('does not read "may" the verb as May', () => {
    expect(dates('the talks may resume', 'en')).toEqual([]);
    expect(dates('elected in May', 'en')).toEqual(['2025-05']);
  });

  it('reads a month that is also a word of prose (Arabic مارس, "he practised") only where a date is written', () => {
    expect(dates('مارس الجيش ضغوطا على المسلحين', 'ar')).toEqual([]);
    expect(dates('في هجوم في مارس الماضي', 'ar')).toEqual(['2025-03']);
    expect(dates('في 12 مارس 2024', 'ar')).toEqual(['2024-03-12']);
    expect(dates('منذ مارس', 'ar')).toEqual(['2025-03']);
    // French "sept" is seven, unless a day or a year makes it September.
    expect(dates('sept soldats ont été tués', 'fr')).toEqual([]);
    expect(dates('le 12 sept. 2024', 'fr')).toEqual(['2024-09-12']);
    expect(counts('Sept soldats ont été tués.', 'fr')).toEqual([{ kind: 'count', subject: 'institution:army', value: '7' }]);
  });

  it('reads no single date from a list or span of days: "on 1 and 2 January" is not 2 January', () => {
    expect(dates('tués les 1er et 2 janvier', 'fr')).toEqual([]);
    expect(dates('killed on 1 and 2 January', 'en')).toEqual([]);
    expect(dates('du 1er au 3 janvier', 'fr')).toEqual([]);
    expect(dates('entre le 1er et le 2 janvier', 'fr')).toEqual([]);
    expect(dates('يومي 1 و2 يناير', 'ar')).toEqual([]);
    expect(dates('attaqué le 1er janvier et le 2 janvier', 'fr')).toEqual(['2025-01-01', '2025-01-02']);
  });
});

describe('figures', () => {
  it('attaches counts written in digits or words to the noun they count, in three languages', () => {
    const expected = [{ kind: 'count', subject: 'topic:truck-driver@place:morocco', value: '4' }];
    expect(figures('Four Moroccan truck drivers were freed.', 'en')).toEqual(expected);
    expect(figures('Les quatre camionneurs marocains ont été libérés.', 'fr')).toEqual(expected);
    expect(figures('الإفراج عن أربعة سائقين مغاربة.', 'ar')).toEqual(expected);
    expect(figures('الإفراج عن السائقين المغاربة الأربعة.', 'ar')).toEqual(expected);
    expect(figures('4 drivers were freed.', 'en')).toEqual([{ kind: 'count', subject: 'topic:truck-driver', value: '4' }]);
  });

  it('counts people in a toll whatever the number, and never reads an acronym as a number word', () => {
    const toll = (value: string) => [{ kind: 'count', subject: 'people', value }];
    // "UN" is not French "un" (one), which would stand between the count and its outcome.
    expect(figures('The UN said 35 people were killed.', 'en')).toEqual(toll('35'));
    expect(figures("L'ONU a indiqué que 35 personnes ont été tuées.", 'fr')).toEqual(toll('35'));
    // Arabic counts 11 to 99 with the singular: شخصا.
    expect(figures('مقتل 35 شخصا في هجوم', 'ar')).toEqual(toll('35'));
    expect(figures('مقتل 8 أشخاص في هجوم', 'ar')).toEqual(toll('8'));
    expect(figures('لقي 35 شخصا مصرعهم، فيما جرح العشرات', 'ar')).toEqual(toll('35'));
  });

  it('reads a French toll after "de" ("un bilan de 12 morts", "la mort de sept personnes"); "mother of two" is no toll', () => {
    const toll = (value: string) => [{ kind: 'count', subject: 'people', value }];
    expect(counts('Le bilan est de huit morts.', 'fr')).toEqual(toll('8'));
    expect(counts('Les inondations ont causé la mort de sept personnes.', 'fr')).toEqual(toll('7'));
    expect(counts('A mother of two died in the attack.', 'en')).toEqual([]);
  });

  it('gives an outcome to the quantity in words next to it, not to a number past it ("22 people, along with several injured")', () => {
    const qualified = (text: string, language: string) => analyseSentence(text, 0, language, published, context).figures.map((f) => [f.qualifier, f.value]);
    expect(qualified('The death toll exceeds 22 people, along with several injured.', 'en')).toEqual([['killed', '22']]);
    expect(qualified('Morocco reports that the toll exceeds 22 people, along with several injured.', 'en')).not.toContainEqual(['injured', '22']);
    expect(qualified('Twelve people were injured and several killed.', 'en')).toEqual([['injured', '12']]);
    expect(qualified('Le bilan fait état de 12 morts et de plusieurs blessés.', 'fr')).toEqual([['killed', '12']]);
  });

  it('counts no outcome for a number of two outcomes together ("200 dead and wounded", "بين قتيل وجريح")', () => {
    for (const [text, language] of [
      ['The bombing left over 200 dead and wounded.', 'en'],
      ["L'attaque a fait une centaine de morts ou blessés, 100 morts et blessés selon l'ONG.", 'fr'],
      ['أسفرت الغارة عن وقوع 100 شخص بين قتيل وجريح.', 'ar'],
    ]) expect(counts(text!, language!), text).toEqual([]);
    expect(counts('Le bilan est de 18 morts et 39 blessés.', 'fr').map((f) => f.value)).toEqual(['18', '39']);
  });

  it('gives an Arabic number the outcome before it when the word after it opens the next item with و', () => {
    const tolls = (text: string) => analyseSentence(text, 0, 'ar', published, context).figures.map((f) => [f.subject, f.qualifier, f.value]);
    expect(tolls('أدى الحريق إلى مقتل 41 وإصابة آخرين.')).toEqual([['people', 'killed', '41']]);
    expect(tolls('أسفر الحادث عن وفاة 32 وإصابة 66 آخرين.')).toEqual([['people', 'killed', '32'], ['people', 'injured', '66']]);
    // An outcome joined by و is never the number's, however far the one before it: no count.
    expect(tolls('حصيلة قتلى الحريق في مستشفى العاصمة العراقية بغداد 82 شخصاً حتى اللحظة ، وإصابة 110.')).toEqual([['people', 'injured', '110']]);
    // Verb forms: قُتلوا "they were killed".
    expect(tolls('أفادت الشرطة بأن 15 شخصاً قُتلوا وأصيب 30 آخرون.')).toEqual([['people', 'killed', '15'], ['people', 'injured', '30']]);
    // Without an outcome before it, the outcome after the number is still its own: "18 قتيلا".
    expect(tolls('سقط 18 قتيلا وأصيب العشرات.')).toEqual([['people', 'killed', '18']]);
  });

  it('counts nouns outside the vocabulary by their stem, and never numbers inside a name or a year', () => {
    expect(figures('Eleven villagers were killed.', 'en')).toEqual([{ kind: 'count', subject: 'word:en:villag', value: '11' }]);
    expect(figures('near the three borders in 2025', 'en')).toEqual([]);
    expect(figures('Prices rose by 5 percent.', 'en')).toEqual([]);
  });

  it('reads amounts with their currency and multiplier, as the price of the nearest topic', () => {
    const ransom = (value: string) => [{ kind: 'amount', subject: 'topic:ransom', value }];
    expect(figures('A ransom of 5 million euros was paid.', 'en')).toEqual(ransom('5000000 EUR'));
    expect(figures('Une rançon de cinq millions d’euros.', 'fr')).toEqual(ransom('5000000 EUR'));
    expect(figures('فدية قدرها خمسة ملايين يورو', 'ar')).toEqual(ransom('5000000 EUR'));
    expect(figures('a ransom of $2.5m', 'en')).toEqual(ransom('2500000 USD'));
    expect(figures('a ransom of 1,500,000 dollars', 'en')).toEqual(ransom('1500000 USD'));
    expect(figures('It cost 5 million euros.', 'en')).toEqual([]);
  });

  it('attaches dates and durations to the action next to them only', () => {
    expect(figures('The drivers kidnapped in January were freed on Friday.', 'en')).toEqual([
      { kind: 'date', subject: 'action:kidnap', value: '2025-01' },
      { kind: 'date', subject: 'action:release', value: '2025-08-01' },
    ]);
    expect(figures('وكان السائقون قد اختطفوا في يناير', 'ar')).toEqual([{ kind: 'date', subject: 'action:kidnap', value: '2025-01' }]);
    expect(figures('Mali said on Friday that the statement was read.', 'en')).toEqual([]);
    expect(figures('They were released after seven months.', 'en')).toEqual([{ kind: 'duration', subject: 'action:release', value: 'P7M' }]);
    // يوم belongs to the date "يوم الجمعة": the number before it counts the drivers, not days.
    expect(figures('تم الإفراج عن السائقين المغاربة الأربعة يوم الجمعة.', 'ar')).toEqual([
      { kind: 'date', subject: 'action:release', value: '2025-08-01' },
      { kind: 'count', subject: 'topic:truck-driver@place:morocco', value: '4' },
    ]);
  });

  it('attaches a date further from its action when only the action\'s own complements stand between', () => {
    const date = (subject: string, value: string) => ({ kind: 'date', subject, value });
    const dated = (text: string, language: string) => figures(text, language).filter((f) => f.kind === 'date');
    const friday = [date('action:release', '2025-08-01')];
    expect(dated('The four drivers were freed by the army on Friday.', 'en')).toEqual(friday);
    expect(dated('The hostages were released by their captors in the desert on Friday.', 'en')).toEqual(friday);
    expect(dated('On Friday, the four Moroccan truck drivers were freed.', 'en')).toEqual(friday);
    expect(dated('The drivers kidnapped near the border in January by the group were freed by the army on Friday.', 'en')).toEqual([
      date('action:kidnap', '2025-01'),
      ...friday,
    ]);
    expect(dated("Les otages ont été libérés par l'armée malienne vendredi.", 'fr')).toEqual(friday);
    expect(dated('Vendredi, les quatre camionneurs marocains ont été libérés.', 'fr')).toEqual(friday);
    expect(dated("Les quatre camionneurs ont été enlevés par l'État islamique dans la zone des trois frontières en janvier.", 'fr')).toEqual([
      date('action:kidnap', '2025-01'),
    ]);
    expect(dated('تم الإفراج عن الرهائن الأربعة في كيدال يوم الجمعة.', 'ar')).toEqual(friday);
    expect(dated('اختطف الرهائن قرب المثلث الحدودي في يناير.', 'ar')).toEqual([date('action:kidnap', '2025-01')]);
  });

  it('leaves a far date without a subject when something between may be another verb or event', () => {
    const dated = (text: string, language: string) => figures(text, language).filter((f) => f.kind === 'date');
    for (const [text, language] of [
      ['The drivers were freed by the army and flown to Bamako on Friday.', 'en'],
      ['The drivers freed by the army were in Bamako on Friday.', 'en'],
      ['The hostages were released after an operation in January.', 'en'],
      ['The hostages held by the group since January in the desert were freed.', 'en'],
      ['Vendredi, le ministre a annoncé la libération des otages.', 'fr'],
      ["Les otages libérés par l'armée sont arrivés à Bamako vendredi.", 'fr'],
      ["Les chauffeurs libérés par l'armée, Bamako les accueille vendredi.", 'fr'],
      ['تم الإفراج عن الرهائن الذين وصلوا إلى باماكو يوم الجمعة.', 'ar'],
    ]) expect(dated(text!, language!), text).toEqual([]);
  });

  it('never attaches a date after since or until, which starts or ends a duration', () => {
    const dated = (text: string, language: string) => figures(text, language).filter((f) => f.kind === 'date');
    for (const [text, language] of [
      ['The hostages held since January were freed.', 'en'],
      ['The hostages held since early January were freed.', 'en'],
      ['The kidnapping lasted until Friday.', 'en'],
      ['Les otages détenus depuis janvier ont été libérés.', 'fr'],
      ['Les otages enlevés depuis le 1er janvier ont été libérés.', 'fr'],
      ["Les négociations pour la libération jusqu'à vendredi ont échoué.", 'fr'],
      ['تم الإفراج عن المحتجزين منذ يناير.', 'ar'],
      ['تم الإفراج عن الرهائن منذ شهر يناير.', 'ar'],
      ['استمر الاختطاف حتى يوم الجمعة.', 'ar'],
    ]) expect(dated(text!, language!), text).toEqual([]);
    // A date after the action that ends the duration is that action's.
    const friday = [{ kind: 'date', subject: 'action:release', value: '2025-08-01' }];
    expect(dated('The hostages were freed on Friday, having been held since January.', 'en')).toEqual(friday);
    expect(dated('The hostages, held until their release on Friday, were flown home.', 'en')).toEqual(friday);
    expect(dated("Les otages, détenus jusqu'à leur libération vendredi, sont rentrés.", 'fr')).toEqual(friday);
    expect(dated('وكان الرهائن محتجزين حتى الإفراج عنهم يوم الجمعة.', 'ar')).toEqual(friday);
  });

  it('gives no date to an act from the verb that tells it: the date of saying is not of the deed', () => {
    const dated = (text: string, language: string) => figures(text, language).filter((f) => f.kind === 'date');
    for (const [text, language] of [
      ['France confirmed on Friday the death of a tourist shot by coastguards.', 'en'],
      ['The UN announced on Friday the killing of 22 villagers.', 'en'],
      ['Le ministère a confirmé vendredi la mort de deux touristes.', 'fr'],
      ["L'ONU a annoncé le 1er août la mort de 22 villageois.", 'fr'],
      ['أعلنت الأمم المتحدة يوم الجمعة مقتل 22 قرويا.', 'ar'],
      // A weekday may stand between the verb and its date; "établi" tells a toll.
      ['Au moins 38 personnes ont péri, selon un nouveau bilan établi vendredi 1er août.', 'fr'],
      ['The UN announced Friday August 1 the killing of 22 villagers.', 'en'],
    ]) expect(dated(text!, language!), text).toEqual([]);
    const friday = [{ kind: 'date', subject: 'action:kill', value: '2025-08-01' }];
    expect(dated('Two tourists were killed on Friday, the ministry said.', 'en')).toEqual(friday);
    expect(dated('Deux touristes ont été tués vendredi.', 'fr')).toEqual(friday);
  });

  it('reads a sentence set weeks or more away ("three weeks after", "il y a deux mois", "قبل ثلاثة أسابيع") as another time told in passing', () => {
    for (const [text, language] of [
      ["Sunday's crash came three weeks after two trains collided in Sohag, killing at least 18 people and injuring 200 others.", 'en'],
      ['Il y a deux mois, une attaque avait fait 20 morts.', 'fr'],
      ['قبل ثلاثة أسابيع قتل 18 شخصا في حادث مماثل.', 'ar'],
      ['قبل أسبوعين قتل 18 شخصا في حادث مماثل.', 'ar'],
      ['A month ago, gunmen killed 12 villagers.', 'en'],
      ['Less than a year ago, a landslide killed more than 70 people at a gold mine.', 'en'],
      ['وقبل أقل من عام أدى انهيار أرضي إلى مقتل أكثر من 70 شخصا في منجم ذهب.', 'ar'],
      ['Ce drame intervient deux mois et demi après une tragédie similaire qui avait fait plus de 80 morts.', 'fr'],
    ]) expect(figures(text!, language!), text).toEqual([]);
    expect(counts('Earlier this month over 140 people were killed in a crane incident.', 'en')).toEqual([]);
    // Days count as another time from a week on: "plus de 10 jours après", "ten days earlier".
    expect(counts("Le pèlerinage est à nouveau endeuillé, plus de 10 jours après l'effondrement d'une grue qui avait fait 111 morts.", 'fr')).toEqual([]);
    expect(counts('Ten days earlier, a crane collapse had killed 111 people.', 'en')).toEqual([]);
    expect(counts('قبل عشرة أيام قتل 111 شخصا في انهيار رافعة.', 'ar')).toEqual([]);
    expect(counts('Two days after the attack, 40 people had died.', 'en').map((f) => f.value)).toEqual(['40']);
    // "A year after the attack in which ... killed 8": that attack's toll.
    expect(counts('ويأتي هذا الهجوم بعد عام تقريبا من الهجوم الذي قتل فيه الإرهابيون 8 عسكريين.', 'ar')).toEqual([]);
    expect(counts('ووصلت الحصيلة بعد يومين إلى 40 قتيلا.', 'ar').map((f) => f.value)).toEqual(['40']);
    // Within weeks is no other time; nor are the weeks a captivity lasted.
    expect(counts('The toll rose to 30 dead within three weeks.', 'en')).toEqual([{ kind: 'count', subject: 'people', value: '30' }]);
    expect(figures('Il a été libéré après 3 ans de captivité.', 'fr')).toEqual([{ kind: 'duration', subject: 'action:release', value: 'P3Y' }]);
  });

  it('reads no duration in a span measured from other events ("the deadliest attack in three years")', () => {
    const durations = (text: string, language: string) => figures(text, language).filter((f) => f.kind === 'duration');
    expect(durations('It was the deadliest attack in three years.', 'en')).toEqual([]);
    expect(durations('The bombers struck a market, in the first such attack for two years.', 'en')).toEqual([]);
    expect(durations("C'est l'attaque la plus meurtrière en trois ans.", 'fr')).toEqual([]);
    expect(durations('Il a été libéré après 3 ans de captivité.', 'fr')).not.toEqual([]);
  });

  it('reads a killing or an attack dated weeks before publication as an earlier event told in passing', () => {
    // Published 2 August 2025.
    expect(figures('In January, terrorists killed 100 civilians in this area.', 'en')).toEqual([]);
    expect(figures('En janvier, des terroristes ont tué 100 civils dans cette zone.', 'fr')).toEqual([]);
    expect(figures('وفي يناير قتل إرهابيون 100 مدني في هذه المنطقة.', 'ar')).toEqual([]);
    expect(figures('وأسفر هجوم مسلح على إحدى القرى في مارس الماضي عن مقتل 150 شخصا.', 'ar')).toEqual([]);
    // A kidnapping months before is this event's own date.
    expect(figures('The drivers, kidnapped in January, were freed.', 'en')).toContainEqual({ kind: 'date', subject: 'action:kidnap', value: '2025-01' });
  });

  it('counts the group a toll names after its outcome ("three dead among the commanders"), not people', () => {
    expect(counts('وسقوط ثلاثة قتلى من قيادات مصراتة.', 'ar').map((f) => f.subject)).not.toContain('people');
    expect(counts('Trois morts parmi les commandants de la brigade.', 'fr').map((f) => f.subject)).not.toContain('people');
    expect(counts('There were three dead among the commanders.', 'en').map((f) => f.subject)).not.toContain('people');
    // A cause after the outcome names no group: the toll is of people.
    expect(counts('سقط 50 قتيلا من جراء القصف.', 'ar')).toEqual([{ kind: 'count', subject: 'people', value: '50' }]);
    expect(counts('Le séisme a fait 24 morts.', 'fr')).toEqual([{ kind: 'count', subject: 'people', value: '24' }]);
  });

  it('counts the side a toll fell on ("dans les rangs de l\'armée", "في صفوف الجيش"), and the group a partitive names after a possessive', () => {
    const army = [{ kind: 'count', subject: 'institution:army', value: '8' }];
    expect(counts("L'attaque a fait 8 morts dans les rangs de l'armée.", 'fr')).toEqual(army);
    expect(counts('أسفر الهجوم عن 8 قتلى في صفوف الجيش.', 'ar')).toEqual(army);
    expect(counts('The attack left 8 dead among the ranks of the army.', 'en')).toEqual(army);
    expect(counts('سقط 15 قتيلا في صفوف المهاجمين.', 'ar').map((f) => f.subject)).not.toContain('people');
    expect(counts('Gunmen killed 8 of its soldiers.', 'en')).toEqual(army);
    // "Of them" names no group: the toll is of people.
    expect(counts('The blast killed 10 of them.', 'en')).toEqual([{ kind: 'count', subject: 'people', value: '10' }]);
  });

  it('reads a count marked as an addition ("8 more", "35 additional civilians") as no total', () => {
    expect(counts('It confirmed that 35 additional civilians were killed earlier in the week.', 'en')).toEqual([]);
    expect(counts('Eight more people were killed on Sunday.', 'en')).toEqual([]);
    expect(counts('Huit personnes supplémentaires ont été tuées.', 'fr')).toEqual([]);
    expect(counts('وقتل 8 أشخاص إضافيين في السوق.', 'ar')).toEqual([]);
    // "Others" and "another" give a total: "killing 5 and wounding 12 others".
    expect(counts('قتل 5 أشخاص وأصيب 12 آخرين.', 'ar').map((f) => f.value)).toEqual(['5', '12']);
    expect(counts('The blast killed 94 people and left another 50 people severely injured.', 'en').map((f) => f.value)).toEqual(['94', '50']);
  });

  it('gives a part named by a relative ("four of whom", "parmi lesquels") no outcome of the whole', () => {
    // The forty were arrested; the four of them were killed, not arrested.
    expect(counts('About forty attackers were arrested, four of whom, including their leader, were neutralized.', 'en').filter((f) => f.value === '4')).toEqual([]);
    expect(counts('Une quarantaine de personnes ont été arrêtées, parmi lesquelles quatre étrangers.', 'fr').filter((f) => f.value === '4')).toEqual([]);
    // A part that says what happened to it is read: "four of whom were killed".
    expect(counts('Forty people were arrested, four of whom were killed.', 'en').map((f) => f.value)).toEqual(['40', '4']);
  });

  it('reads no outcome across "and" into the next item ("was killed and 50 people arrested")', () => {
    expect(counts('The leader has been killed and about 50 people including three American citizens arrested.', 'en').filter((f) => f.value === '50')).toEqual([]);
    expect(counts('Le chef a été tué et une cinquantaine de personnes, dont trois Américains, arrêtées.', 'fr').filter((f) => f.value === '50')).toEqual([]);
    // The outcome right before its number still counts it: "killed 5 and injured 12".
    expect(counts('The attackers killed 5 people and injured 12 others.', 'en').map((f) => f.value)).toEqual(['5', '12']);
  });

  it('reads a number after two outcomes joined ("killed and wounded over a hundred") as counting neither', () => {
    expect(counts('The warplanes targeted a wedding and killed and wounded over a hundred people.', 'en')).toEqual([]);
    expect(counts('Les frappes ont tué et blessé plus de cent personnes.', 'fr')).toEqual([]);
    expect(counts('قتل وأصيب أكثر من 100 شخص في القصف.', 'ar')).toEqual([]);
    // One outcome before its number still counts it.
    expect(counts('The strike killed over a hundred people.', 'en').map((f) => f.value)).toEqual(['100']);
  });

  it('counts those who escaped as a quantity of its own, in three languages', () => {
    expect(counts('Environ 300 détenus se sont évadés d’une prison d’Abuja.', 'fr')).toEqual([{ kind: 'count', subject: 'word:fr:detenus', value: '300' }]);
    expect(counts('Among the 879 inmates that escaped from Kuje, 443 have been recaptured.', 'en').map((f) => f.value)).toContain('879');
    expect(counts('أفاد مسؤول بفرار حوالي 300 سجين بعدما هاجم مسلحون سجنا.', 'ar').map((f) => f.value)).toEqual(['300']);
    const escaped = analyseSentence('Au moins 600 détenus se sont évadés.', 0, 'fr', published, context).figures[0];
    expect(escaped?.qualifier).toBe('escaped');
  });

  it('reads a toll the sentence says rose to another ("two dead, before the toll rose to 14") as an earlier toll, not the account\'s', () => {
    expect(counts("Le ministère a d'abord fait état de deux morts parmi les soldats, avant que ce bilan ne passe à 14 soldats tués.", 'fr').map((f) => f.value)).toEqual(['14']);
    expect(counts('Police first reported two people dead, a toll that later rose to 14 people killed.', 'en').map((f) => f.value)).toEqual(['14']);
    expect(counts('وأعلنت الوزارة مقتل جنديين قبل أن ترتفع الحصيلة إلى 14 قتيلا.', 'ar').map((f) => f.value)).toEqual(['14']);
    // Parts found over two days, then the total they bring the toll to.
    expect(counts('14 corps avaient été retrouvés samedi, et quatre autres dimanche, portant le bilan à 18 morts.', 'fr').map((f) => f.value)).toEqual(['18']);
    // No rise named: both tolls stand.
    expect(counts('The attackers killed 5 people and injured 12 others.', 'en').map((f) => f.value)).toEqual(['5', '12']);
  });

  it('counts "others" after a number as people, not as a noun ("14 tués et 20 autres blessés")', () => {
    expect(counts("Au moins 14 soldats ont été tués et 20 autres blessés lors d'une attaque.", 'fr')).toContainEqual({ kind: 'count', subject: 'people', value: '20' });
    expect(counts('Three soldiers were killed and 25 others were injured in the attack.', 'en')).toContainEqual({ kind: 'count', subject: 'people', value: '25' });
  });

  it('reads a bare part after "dont" or "including" as no toll of its own', () => {
    // Three of the four arrested were arrested today: not a second answer to how many were arrested.
    expect(counts("Quatre suspects en tout ont été arrêtés, dont trois interpellés aujourd'hui à Marrakech.", 'fr')).toEqual([]);
    expect(counts('Police have arrested four suspects in all, including three arrested on Thursday.', 'en').map((f) => f.value)).toEqual(['4']);
  });

  it('counts a group a nationality names apart from others and from the whole ("five Nigerien soldiers")', () => {
    const subject = (text: string, language: string) => counts(text, language).map((f) => f.subject);
    // One group in three languages, and the soldiers of another nationality, or of none, apart.
    expect(subject('Five Nigerien soldiers were killed.', 'en')).toEqual(['institution:army@place:niger']);
    expect(subject('Cinq soldats nigériens ont été tués.', 'fr')).toEqual(['institution:army@place:niger']);
    expect(subject('مقتل 5 جنود نيجريين', 'ar')).toEqual(['institution:army@place:niger']);
    expect(subject('Gunmen killed 12 Egyptian soldiers.', 'en')).not.toEqual(subject('Gunmen killed 12 soldiers.', 'en'));
    expect(subject('12 soldats égyptiens ont été tués.', 'fr')).not.toEqual(subject('12 soldats ont été tués.', 'fr'));
    expect(subject('قتل 12 جنديا مصريين', 'ar')).not.toEqual(subject('قتل 12 جنديا', 'ar'));
    expect(subject('The attack killed 12 Mexican and Egyptian tourists.', 'en')).not.toEqual(subject('Four Egyptians were killed.', 'en'));
    // English names a group by the words after its noun: Green Berets are not the army, hostage-takers not hostages.
    expect(subject('Three Army Green Berets were killed.', 'en')).not.toEqual(subject('Three soldiers were killed.', 'en'));
    expect(counts('the gang of six hostage-takers who were heading for Mali', 'en')).toEqual([]);
    // A sex names a group too: the 17 boys who died in the dormitory are a part of the students killed.
    expect(subject('The fire led to the death of at least 17 male students.', 'en')).not.toEqual(subject('At least 38 students were killed.', 'en'));
  });

  it('reads those seriously injured as a quantity of its own, a part of all the injured', () => {
    expect(qualifiedCounts('88 people were seriously injured.', 'en')).toEqual(['88 seriously-injured']);
    expect(qualifiedCounts('Twelve people were critically injured in the blast.', 'en')).toEqual(['12 seriously-injured']);
    expect(qualifiedCounts('On compte 88 blessés graves.', 'fr')).toEqual(['88 seriously-injured']);
    expect(qualifiedCounts('88 personnes ont été grièvement blessées.', 'fr')).toEqual(['88 seriously-injured']);
    expect(qualifiedCounts('أصيب 88 شخصا بجروح خطيرة', 'ar')).toEqual(['88 seriously-injured']);
    // The severity of others, past a comma, is not this count's.
    expect(qualifiedCounts('The blast injured 178 people, three of them seriously.', 'en')).toEqual(['178 injured']);
    expect(qualifiedCounts('أصيب 178 شخصا', 'ar')).toEqual(['178 injured']);
  });

  it('reads a share written with a percent sign as a share, not a count', () => {
    expect(counts('A source said almost 80% of the villagers were killed.', 'en')).toEqual([]);
    expect(counts('Près de 80 % des villageois ont été tués.', 'fr')).toEqual([]);
    expect(counts('قتل 80٪ من سكان القرية.', 'ar')).toEqual([]);
    expect(counts('80 villagers were killed.', 'en')).toEqual([{ kind: 'count', subject: 'word:en:villag', value: '80' }]);
  });

  it('reads a toll counted since a date weeks back as a period total, not the event\'s', () => {
    expect(counts('Some 200 people have been killed since mid-March in the north.', 'en')).toEqual([]);
    expect(counts("Depuis le début de l'année, 300 civils ont été tués.", 'fr')).toEqual([]);
    expect(counts('قتل 200 شخص منذ بداية العام في الشمال.', 'ar')).toEqual([]);
    expect(counts('قتل 200 شخص منذ منتصف شهر يناير في الشمال.', 'ar')).toEqual([]);
    // Since the event began, the toll is the event's.
    expect(counts('At least 32 people have died in the fighting since Friday night.', 'en')).toEqual([{ kind: 'count', subject: 'people', value: '32' }]);
  });

  it('counts nothing of a number before two nouns joined ("40 soldiers and civilians"): it counts a mix of both', () => {
    expect(counts('The report was based on the accounts of more than 40 soldiers and civilians.', 'en')).toEqual([]);
    expect(counts('Plus de 40 soldats et civils ont parlé à Reuters.', 'fr')).toEqual([]);
    // Each noun with its own number is still counted, and so is a count before the next verb.
    expect(counts('The blast killed five soldiers and three civilians.', 'en').map((f) => f.value)).toContain('5');
    expect(counts('They killed 12 soldiers and wounded eight.', 'en').map((f) => f.value)).toContain('12');
  });

  it('reads a toll of those who died at once ("on the spot", "sur le coup", "في الحين") as no total: others may have died later', () => {
    expect(counts('Twenty-two people died on the spot and two more in hospital.', 'en').map((f) => f.value)).not.toContain('22');
    expect(counts('Quinze passagers sont morts sur le coup.', 'fr')).toEqual([]);
    expect(counts('ونتج عن ذلك وفاة 23 شخص في الحين.', 'ar')).toEqual([]);
    // A toll told plainly is still one.
    expect(counts('Twenty-two people died in the crash.', 'en').map((f) => f.value)).toEqual(['22']);
  });

  it('reads a figure said to move from one value to another at the value it reached', () => {
    expect(counts('Le bilan de l’attaque est passé de 32 à 53 morts, a annoncé le porte-parole.', 'fr').map((f) => f.value)).toEqual(['53']);
    expect(counts('The death toll has risen from 32 to 53 people killed.', 'en').map((f) => f.value)).toEqual(['53']);
    expect(counts('ارتفع عدد القتلى من 10 إلى 15 قتيلا', 'ar').map((f) => f.value)).toEqual(['15']);
    // A range with no verb of change stays a range.
    expect(counts('de 10 à 12 personnes ont été tuées', 'fr').map((f) => f.value)).toEqual(['10-12']);
    expect(counts('between 50 and 70 people were killed', 'en').map((f) => f.value)).toEqual(['50-70']);
  });

  it('reads Arabic digits written on the word before them ("نحو٢ ألف")', () => {
    expect(counts('عدد القتلى حسب التقارير الأولية نحو٢ ألف قتيل و٧ ألف جريح', 'ar').map((f) => f.value)).toEqual(['2000', '7000']);
  });

  it('reads "several dozen" as no number, and Arabic number words joined by a separate و as one', () => {
    expect(counts('At least 19 people were killed and several dozen injured in an attack on a market.', 'en').map((f) => f.value)).toEqual(['19']);
    expect(counts('A dozen people were injured.', 'en').map((f) => f.value)).toEqual(['12']);
    expect(counts('أودى بحياة اثنين و ستين قتيلاً و ستة مفقودين', 'ar').map((f) => f.value)).toEqual(['62', '6']);
    // Digits on either side of و stay two numbers.
    expect(counts('مقتل 45 شخصا و 70 جريحا', 'ar').map((f) => f.value)).toEqual(['45', '70']);
  });

  it('dates no plan ("the election scheduled for February 25", "prévue le 25 février")', () => {
    expect(figures('The attack comes as the country prepares for the presidential election scheduled for February 25.', 'en').filter((f) => f.kind === 'date')).toEqual([]);
    expect(figures("l'élection présidentielle prévue le 25 février", 'fr').filter((f) => f.kind === 'date')).toEqual([]);
    expect(figures('The election was held on 25 February.', 'en').filter((f) => f.kind === 'date').map((f) => f.value)).toEqual(['2025-02-25']);
  });

  it('reads a toll split by cause ("three died of burns and five of asphyxiation") as no total', () => {
    expect(counts('Three babies died of burns and five of asphyxiation, according to the Civil Protection.', 'en')).toEqual([]);
    // A partitive after "and" counts another group: the first count stands.
    expect(counts('The attack killed three soldiers and five of the attackers.', 'en').map((f) => f.value)).toEqual(['3']);
  });

  it('counts those abducted as a quantity of its own where a noun needs one, not for a topic the vocabulary names', () => {
    expect(qualifiedCounts('Gunmen have abducted 25 schoolgirls from a boarding school.', 'en')).toEqual(['25 abducted']);
    expect(qualifiedCounts('Les assaillants ont enlevé 215 élèves lors de l’assaut.', 'fr')).toEqual(['215 abducted']);
    expect(qualifiedCounts('اختطاف 80 شخصا', 'ar')).toEqual(['80 abducted']);
    // "Four drivers kidnapped" and "four drivers freed" answer one question.
    expect(qualifiedCounts('Gunmen kidnapped four Moroccan truck drivers in January.', 'en')).toEqual(['4 ']);
  });
});
