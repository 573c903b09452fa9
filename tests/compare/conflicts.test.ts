import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../../src/cluster/index.js';
import { compareEvent, loadFramingLexicon, type CompareArticle } from '../../src/compare/index.js';
import { analyseSentence } from '../../src/compare/analyse.js';
import { comparisonMarkdown } from '../../src/compare/markdown.js';
import { renderComparison } from '../../src/web/comparison-page.js';
import { article, EVENT } from './helpers.js';

const context = { vocabulary: loadVocabulary(), framing: loadFramingLexicon() };
const published = new Date('2025-08-02T10:00:00Z');
const counts = (text: string, language: string) =>
  analyseSentence(text, 0, language, published, context).figures.filter((f) => f.kind === 'count').map((f) => [f.subject, f.qualifier, f.value]);

/** Accounts published at the same time: a different toll cannot be an update. */
const compareAt = (...texts: [string][]) => compare(...texts.map(([t]) => [t, 'en', '2025-08-02T06:00:00Z'] as [string, string, string]));

/** What the conflicts are about, for accounts in their languages published at the same time: [text, language]. */
const about = (...texts: [string, string][]) => compare(...texts.map(([t, l]) => [t, l, '2025-08-02T06:00:00Z'] as [string, string, string])).conflicts.map((x) => x.about);

/** Accounts of one event, an hour apart unless told: [text, language?, published?]. */
function compare(...texts: ([string] | [string, string] | [string, string, string])[]) {
  const articles: CompareArticle[] = texts.map(([text, language, at], i) =>
    article({ id: `a${i}`, language: language ?? 'en', text, published: at ?? new Date(Date.parse('2025-08-02T06:00:00Z') + i * 3_600_000).toISOString() }));
  return compareEvent({ event: EVENT, articles }, context);
}

describe('a figure is a quantity, a subject and a qualifier', () => {
  it('tells killed from injured, in three languages', () => {
    expect(counts('The quake killed at least 24 people and injured 50.', 'en')).toEqual([['people', 'killed', '24'], ['people', 'injured', '50']]);
    expect(counts('Ten people are killed and about 50 hurt.', 'en')).toEqual([['people', 'killed', '10'], ['people', 'injured', '50']]);
    expect(counts('Le séisme a fait 24 morts et 50 blessés.', 'fr')).toEqual([['people', 'killed', '24'], ['people', 'injured', '50']]);
    expect(counts('أسفر الزلزال عن 24 قتيلا و50 جريحا.', 'ar')).toEqual([['people', 'killed', '24'], ['people', 'injured', '50']]);
  });

  it('reads a death toll\'s value as people killed, in three languages, but not an earlier or a foreseen one', () => {
    expect(counts('The death toll rose to 44.', 'en')).toEqual([['people', 'killed', '44']]);
    expect(counts('The death toll in the tanker explosion at Dikko Junction in Niger State has risen to 98 people.', 'en')).toEqual([['people', 'killed', '98']]);
    expect(counts('Two soldiers were killed, bringing the death toll to 14.', 'en')).toContainEqual(['people', 'killed', '14']);
    expect(counts('The toll of injured rose to 50.', 'en')).toEqual([['people', 'injured', '50']]);
    expect(counts("Le bilan s'élève désormais à 44.", 'fr')).toEqual([['people', 'killed', '44']]);
    expect(counts('ارتفعت حصيلة القتلى إلى 44', 'ar')).toEqual([['people', 'killed', '44']]);
    expect(counts('"We buried 86 corpses," he said, updating an earlier toll of 70.', 'en')).toEqual([]);
    expect(counts('The toll could rise to 50, officials warned.', 'en')).toEqual([]);
    expect(counts('The death toll from the 2003 quake was 26,000.', 'en')).toEqual([]);
    // A number past a comma is no measure of the word after it: "36, an official said" is no 36 years.
    expect(analyseSentence('The death toll rose to at least 36, an official said.', 0, 'en', published, context).figures.map((f) => [f.kind, f.value])).toEqual([['count', '36']]);
  });

  it('reads lives taken as people killed, in three languages', () => {
    expect(counts('The suicide bombings claimed the lives of 137 soldiers.', 'en')).toEqual([['institution:army', 'killed', '137']]);
    expect(counts("L'attaque a coûté la vie à 12 personnes.", 'fr')).toEqual([['people', 'killed', '12']]);
    expect(counts('الهجوم أودى بحياة 12 شخصا.', 'ar')).toEqual([['people', 'killed', '12']]);
  });

  it('takes no outcome from the clause before a comma and a clause opener, in three languages', () => {
    const soldiers = (text: string, language: string) => counts(text, language).filter(([subject]) => String(subject).startsWith('institution:army'));
    expect(soldiers('Three gunmen are dead and seven have been arrested, while five Malian soldiers were said to have been killed in the attack.', 'en')).toEqual([]);
    expect(soldiers('Sept assaillants ont été arrêtés, tandis que cinq soldats maliens ont été tués dans l\'attaque du camp.', 'fr')).toEqual([['institution:army@place:mali', 'killed', '5']]);
    expect(soldiers('اعتقل سبعة مسلحين، فيما خمسة جنود ماليين قتلوا.', 'ar')).toEqual([['institution:army@place:mali', 'killed', '5']]);
  });

  it('reads no count in attributes, measures and names', () => {
    for (const text of [
      'The 13-inch model has 220 pixels per inch.',
      'The island is 1,500 kilometers south of Tehran.',
      'He weighs 130 pounds.',
      'The shooting occurred in the 12200 block of 223rd Street.',
      'Police found him on Interstate 75.',
      'The gunman entered at 4 p.m.',
    ]) expect(counts(text, 'en'), text).toEqual([]);
  });

  it('compares a noun outside the vocabulary only with what happened to it', () => {
    expect(counts('The pirates were in three boats.', 'en')).toEqual([]);
    expect(counts('Four villages were destroyed.', 'en')).toEqual([['word:en:villag', 'destroyed', '4']]);
  });

  it('counts people only with what happened to them, and a part by what it is a part of', () => {
    expect(counts('Officials said 15 British people were now confirmed dead.', 'en')).toEqual([]);
    expect(counts('Ten people were killed.', 'en')).toEqual([['people', 'killed', '10']]);
    // "15 of the kidnappers" counts kidnappers, not the hostages named before.
    expect(counts('قتل 34 رهينة و15 من الخاطفين أمس.', 'ar')).toEqual([['topic:hostage', 'killed', '34']]);
    expect(counts('Two of the hostages were killed.', 'en')).toEqual([['topic:hostage', 'killed', '2']]);
  });

  it('counts nothing whose outcome is told away from its number', () => {
    expect(counts('Twenty-three hostages, including three Britons, along with 32 of the militants involved in the siege, were confirmed dead.', 'en')).toEqual([]);
    expect(counts('Four Moroccan drivers were freed on Friday.', 'en')).toEqual([['topic:truck-driver@place:morocco', '', '4']]);
  });

  it('reads parts of a toll as parts, and keeps the total they are among', () => {
    expect(counts('A police officer shot dead two pilgrims as well as two guards before he was killed.', 'en').filter((f) => f[1] === 'killed')).toEqual([]);
    expect(counts('At least 157 people were killed, including 12 militiamen.', 'en')).toEqual([['people', 'killed', '157']]);
    expect(counts("L'attaque a fait cinq morts, dont deux visiteurs et trois gendarmes.", 'fr')).toEqual([['people', 'killed', '5']]);
  });

  it('reads no toll in the part of it given for one place', () => {
    expect(counts('The ministry said 820 people were killed, 290 deaths were recorded in Al Haouz Province and 190 in Taroudant.', 'en')).toEqual([['people', 'killed', '820']]);
    expect(counts("Dans le détail, 290 personnes ont été tuées dans la province d'Al Haouz, 190 dans la province de Taroudant.", 'fr')).toEqual([]);
    expect(counts('تم تسجيل 1351 وفاة بإقليم الحوز، و492 حالة بإقليم تارودانت.', 'ar')).toEqual([]);
    expect(counts('The storm killed 4 people in the north of the country.', 'en')).toEqual([['people', 'killed', '4']]);
  });

  it('leaves background out: an earlier event told in passing gives no counts', () => {
    expect(counts('A quake killed 26,000 people in Bam in 2003.', 'en')).toEqual([]);
  });
});

describe('figures compared', () => {
  it('reports different tolls of one quantity, not killed against injured', () => {
    const c = compareAt(['The quake killed 10 people and injured 80.'], ['The quake killed 10 people and injured 50.'], ['Three people were injured; 10 people were killed.']);
    // 3 is more than four times below the others' median: it counts something else.
    expect(c.conflicts.map((x) => [x.about, x.values.map((v) => v.value).sort()])).toEqual([['people injured', ['50', '80']]]);
  });

  it('reads a round hundred given exactly as rounded: a hundred and 101 injured agree, a hundred and 120 do not', () => {
    const injured = (a: string, b: string, language = 'en') =>
      compare([a, language, '2025-08-02T06:00:00Z'], [b, language, '2025-08-02T06:00:00Z']).conflicts.map((x) => x.values.map((v) => v.value).sort());
    expect(injured('A hundred people were injured.', '101 people were injured.')).toEqual([]);
    expect(injured('Cent personnes ont été blessées.', '101 personnes ont été blessées.', 'fr')).toEqual([]);
    expect(injured('أصيب مائة شخص', 'أصيب 101 شخص', 'ar')).toEqual([]);
    expect(injured('A hundred people were injured.', '120 people were injured.')).toEqual([['100', '120']]);
    // Only a round figure is read as rounded: 94 and 95 disagree.
    expect(injured('94 people were injured.', '95 people were injured.')).toEqual([['94', '95']]);
  });

  it('reports no conflict where the wording allows both values', () => {
    const c = compare(['At least 5 people were injured.', 'en', '2025-08-02T06:00:00Z'], ['10 people were injured.', 'en', '2025-08-02T06:00:00Z'], ['About 12 people were injured.', 'en', '2025-08-02T06:00:00Z']);
    expect(c.conflicts).toEqual([]);
    expect(c.changes).toEqual([]);
  });

  it('shows a toll that grows with later accounts as a change over time, with its times', () => {
    const c = compare(['At least 5 people were killed.', 'en', '2025-08-02T06:00:00Z'], ['At least 50 people were killed.', 'en', '2025-08-02T18:00:00Z']);
    expect(c.conflicts).toEqual([]);
    expect(c.changes).toEqual([{
      about: 'people killed', kind: 'count',
      earliest: { value: '5', at: '2025-08-02T06:00:00.000Z', articles: ['https://a0.example/story'], quotes: ['At least 5 people were killed.'] },
      latest: { value: '50', at: '2025-08-02T18:00:00.000Z', articles: ['https://a1.example/story'], quotes: ['At least 50 people were killed.'] },
    }]);
  });

  it('shows the change on the page and in the Markdown report, earliest and latest with their times', () => {
    const c = compare(['At least 5 people were killed.', 'en', '2025-08-02T06:00:00Z'], ['At least 50 people were killed.', 'en', '2025-08-02T18:00:00Z']);
    const markdown = comparisonMarkdown(c);
    expect(markdown).toContain('## Figures that changed over time');
    expect(markdown).toMatch(/- \*\*people killed\*\*: 5 at 2025-08-02 06:00.*, then 50 at 2025-08-02 18:00/);
    const page = String(renderComparison(c));
    expect(page).toContain('<h3>Changed over time: people killed</h3>');
    expect(page).toContain('2025-08-02 18:00');
  });

  it('shows no change where the later toll was already told before the earlier one, in three languages', () => {
    // Both tolls were out from the start (two sources'): the larger one coming later is no update.
    const at = (h: number) => `2025-08-02T${String(h).padStart(2, '0')}:00:00Z`;
    const changes = (first: string, ten: string, thirty: string, language: string) => compare([first, language, at(6)], [ten, language, at(9)], [thirty, language, at(18)]).changes;
    expect(changes('10 people were killed, the army said. The governor put the toll at 30 people killed.', '10 people were killed, the army said.', 'The governor put the toll at 30 people killed.', 'en')).toEqual([]);
    expect(changes('L\'attaque a fait 10 morts selon l\'armée. Le gouverneur fait état de 30 morts.', 'L\'attaque a fait 10 morts selon l\'armée.', 'Le gouverneur fait état de 30 morts.', 'fr')).toEqual([]);
    expect(changes('قتل 10 أشخاص بحسب الجيش. قتل 30 شخصا بحسب الحاكم.', 'قتل 10 أشخاص بحسب الجيش.', 'قتل 30 شخصا بحسب الحاكم.', 'ar')).toEqual([]);
    // Told first only by the later account, the larger toll is still a change.
    expect(compare(['10 people were killed, the army said.', 'en', at(9)], ['30 people were killed, the governor said.', 'en', at(18)]).changes?.map((c) => [c.earliest.value, c.latest.value])).toEqual([['10', '30']]);
  });

  it('reads a lower toll beside one told as risen as what it rose from, not a conflict, in three languages', () => {
    expect(about(['86 people were killed in the explosion.', 'en'], ['The death toll from the explosion has risen to 98.', 'en'])).toEqual([]);
    expect(about(["L'explosion a fait 86 morts.", 'fr'], ["Le bilan de l'explosion est passé à 98 morts.", 'fr'])).toEqual([]);
    expect(about(['قتل 86 شخصا في الانفجار.', 'ar'], ['ارتفعت حصيلة القتلى إلى 98.', 'ar'])).toEqual([]);
    // Told plainly, or higher than the risen one, the two still disagree.
    expect(about(['86 people were killed in the explosion.', 'en'], ['98 people were killed in the explosion.', 'en'])).toEqual(['people killed']);
    expect(about(['120 people were killed in the explosion.', 'en'], ['The death toll from the explosion has risen to 98.', 'en'])).toEqual(['people killed']);
  });

  it('reads counts up to the value a toll is told to have risen to as the counts it rose through, in three languages', () => {
    expect(about(['60 people were killed in the fire.', 'en'], ['63 people were killed in the fire.', 'en'])).toEqual(['people killed']);
    expect(about(['60 people were killed in the fire.', 'en'], ['63 people were killed in the fire.', 'en'], ['The number of victims of the fire has risen to 69 dead.', 'en'])).toEqual([]);
    expect(about(["L'incendie a fait 60 morts.", 'fr'], ["L'incendie a fait 63 morts.", 'fr'], ["Le nombre de victimes de l'incendie est passé à 69 morts.", 'fr'])).toEqual([]);
    expect(about(['قتل 60 شخصا في الحريق.', 'ar'], ['قتل 63 شخصا في الحريق.', 'ar'], ['ارتفع عدد ضحايا الحريق إلى 69 قتيلا.', 'ar'])).toEqual([]);
    // Above the risen value, a count still disagrees.
    expect(about(['60 people were killed in the fire.', 'en'], ['75 people were killed in the fire.', 'en'], ['The number of victims of the fire has risen to 69 dead.', 'en'])).toEqual(['people killed']);
  });

  it('reads a floor told after the count and its noun, in three languages', () => {
    expect(about(['قتل 35 شخصا على الأقل في الغارة.', 'ar'], ['قتل 68 شخصا في الغارة.', 'ar'])).toEqual([]);
    expect(about(['La frappe a fait 35 morts au moins.', 'fr'], ['La frappe a fait 68 morts.', 'fr'])).toEqual([]);
    expect(about(['The strike killed 35 people at least.', 'en'], ['The strike killed 68 people.', 'en'])).toEqual([]);
    // A floor of another number is not this one's.
    expect(about(['The strike killed 35 people, at least 10 of them children.', 'en'], ['The strike killed 68 people.', 'en'])).toEqual(['people killed']);
  });

  it('reads a toll told as provisional as a floor, and one told as the latest as an update, in three languages', () => {
    expect(about(['29 people were injured.', 'en'], ['107 people were injured.', 'en'])).toEqual(['people injured']);
    expect(about(['As of 6:30pm Monday, 29 people were injured.', 'en'], ['107 people were injured.', 'en'])).toEqual([]);
    expect(about(['Le bilan provisoire est de 29 blessés.', 'fr'], ['On compte 107 blessés.', 'fr'])).toEqual([]);
    expect(about(['أصيب 29 شخصا حتى الآن.', 'ar'], ['أصيب 107 أشخاص.', 'ar'])).toEqual([]);
    expect(about(['63 people were killed in the fire.', 'en'], ['According to the latest toll, 69 people were killed in the fire.', 'en'])).toEqual([]);
    expect(about(["L'incendie a fait 63 morts.", 'fr'], ["Selon un nouveau bilan, l'incendie a fait 69 morts.", 'fr'])).toEqual([]);
    expect(about(['قتل 63 شخصا في الحريق.', 'ar'], ['ووفق آخر حصيلة قتل 69 شخصا في الحريق.', 'ar'])).toEqual([]);
    // A provisional toll above another still disagrees with it; so does a count above the latest.
    expect(about(['So far 120 people were injured.', 'en'], ['107 people were injured.', 'en'])).toEqual(['people injured']);
    expect(about(['75 people were killed in the fire.', 'en'], ['According to the latest toll, 69 people were killed in the fire.', 'en'])).toEqual(['people killed']);
  });

  it('leaves out a toll the sentence tells as overtaken, keeping its new value, in three languages', () => {
    expect(counts('The army had initially put the death toll at 10 people.', 'en')).toEqual([]);
    expect(counts('Earlier reports suggested at least 35 people died, but the toll was later updated to at least 135.', 'en')).toEqual([['people', 'killed', '135']]);
    expect(counts("L'armée avait initialement fait état de 10 morts.", 'fr')).toEqual([]);
    expect(counts('وكانت حصيلة سابقة قد أشارت في البداية إلى مقتل 10 أشخاص.', 'ar')).toEqual([]);
    // The toll told before the overtaken one is what overtook it: lower counts elsewhere are its updates.
    expect(about(['The blast killed 36 people.', 'en'], ['The blast killed 46 people, the monitor said, which had previously reported 36.', 'en'])).toEqual([]);
    expect(about(["L'explosion a tué 36 personnes.", 'fr'], ["L'explosion a tué 46 personnes, a indiqué l'OSDH, qui avait auparavant fait état de 36 morts.", 'fr'], ["L'explosion a tué 46 personnes.", 'fr'])).toEqual([]);
    expect(about(['قتل 36 شخصا في الانفجار.', 'ar'], ['قتل 46 شخصا في الانفجار، وكان المرصد قد أعلن سابقا مقتل 36 شخصا.', 'ar'], ['قتل 46 شخصا في الانفجار.', 'ar'])).toEqual([]);
  });

  it('dates a toll told on a day by the telling, not the deed: communicated, claimed, updated', () => {
    const dates = (text: string, language: string) => analyseSentence(text, 0, language, published, context).figures.filter((f) => f.kind === 'date').map((f) => f.value);
    expect(dates("L'état-major a communiqué ce lundi 28 juillet 2025 un premier bilan de l'attaque.", 'fr'), 'communiqué').toEqual([]);
    expect(dates('Le groupe a revendiqué samedi 26 juillet 2025 la mort de 14 soldats.', 'fr')).toEqual([]);
    expect(dates('The group claimed on Saturday, July 26, 2025, the killing of 14 soldiers.', 'en')).toEqual([]);
    expect(dates('أفادت وكالة سبوتنيك اليوم الاثنين 28 يوليو مقتل ثلاثة من أفراد الدرك.', 'ar'), 'أفادت').toEqual([]);
  });

  it('keeps a toll that falls with later accounts a conflict', () => {
    const c = compare(['12 people were killed.', 'en', '2025-08-02T06:00:00Z'], ['8 people were killed.', 'en', '2025-08-02T18:00:00Z']);
    expect(c.conflicts.map((x) => x.about)).toEqual(['people killed']);
    expect(c.changes).toEqual([]);
  });

  it('sets counts against each other only between accounts of about the same time, in three languages', () => {
    // Two days on, a smaller toll is most often of a new clash or another day's protest, not another answer.
    const day = (d: number, h = 6) => `2025-08-0${d}T${String(h).padStart(2, '0')}:00:00Z`;
    const killed = (...texts: [string, string, string][]) => compare(...texts).conflicts.map((x) => x.values.map((v) => v.value).sort());
    expect(killed(['Gunmen killed 40 people in the village.', 'en', day(2)], ['Gunmen killed 12 people in the village.', 'en', day(4, 12)])).toEqual([]);
    expect(killed(['Des hommes armés ont tué 40 personnes.', 'fr', day(2)], ['Des hommes armés ont tué 12 personnes.', 'fr', day(4, 12)])).toEqual([]);
    expect(killed(['قتل مسلحون 40 شخصا في القرية', 'ar', day(2)], ['قتل مسلحون 12 شخصا في القرية', 'ar', day(4, 12)])).toEqual([]);
    // Within a day and a half they disagree, and the later account's value is not shown beside them.
    expect(killed(['Gunmen killed 40 people in the village.', 'en', day(2)], ['Gunmen killed 34 people in the village.', 'en', day(3)], ['Gunmen killed 12 people in the village.', 'en', day(5)]))
      .toEqual([['34', '40']]);
    // A date is of a past act, whenever it is told.
    const dated = compare(['The army attacked the village on July 25, 2025.', 'en', day(2)], ['The army attacked the village on July 28, 2025.', 'en', day(6)]);
    expect(dated.conflicts.map((x) => x.values.map((v) => v.value).sort())).toEqual([['2025-07-25', '2025-07-28']]);
  });

  it('compares amounts only in one currency, and leaves a restated conversion out', () => {
    const c = compare(['Thieves stole jewels worth 85 million euros ($108 million).'], ['Thieves stole jewels worth $137 million.'], ['Thieves stole jewels worth $108 million.']);
    expect(c.conflicts.map((x) => [x.about, x.values.map((v) => v.value).sort()])).toEqual([['amount of loot', ['108000000 USD', '137000000 USD']]]);
  });

  it('sets no two values against each other that one account gives together', () => {
    const killed = ['Gunmen killed 40 people in the village.'] as [string];
    const split = ['Gunmen killed 40 people in the village. Of them, 34 people were killed in the market.'] as [string];
    // Without the account that gives both, 40 and 34 disagree; with it, they are a whole and a part.
    expect(compareAt(killed, ['Gunmen killed 34 people in the village.']).conflicts.map((x) => x.about)).toEqual(['people killed']);
    expect(compareAt(killed, ['Gunmen killed 34 people in the village.'], split).conflicts).toEqual([]);
    const dated = (...texts: string[]) => compareAt(...texts.map((t) => [t] as [string])).conflicts.filter((x) => x.kind === 'date').map((x) => x.values.map((v) => v.value).sort());
    expect(dated('The army attacked the village on July 25, 2025.', 'The army attacked the village on July 30, 2025.')).toEqual([['2025-07-25', '2025-07-30']]);
    expect(dated('The army attacked the village on July 25, 2025.', 'The army attacked the village on July 30, 2025.', 'Jihadists attacked the village on July 25, 2025, and the army attacked it on July 30, 2025.')).toEqual([]);
  });

  it('leaves out a count that an account gives as a part of a larger one, against any other value', () => {
    const split = ['Gunmen killed 40 people in the village. Of them, 34 people were killed in the market.'] as [string];
    const c = compareAt(['Gunmen killed 40 people in the village.'], ['Gunmen killed 34 people in the village.'], split, ['Gunmen killed 45 people in the village.']);
    expect(c.conflicts.map((x) => [x.about, x.values.map((v) => v.value).sort()])).toEqual([['people killed', ['40', '45']]]);
  });

  it('reads counts of one outcome that add up to another account\'s toll as its parts, in three languages', () => {
    const tolls = (...texts: [string, string][]) =>
      compare(...texts.map(([t, l]) => [t, l, '2025-08-02T06:00:00Z'] as [string, string, string])).conflicts.map((x) => [x.about, x.values.map((v) => v.value).sort()]);
    expect(tolls(['Militants killed four soldiers in the attack on the post. Three gendarmes were also killed.', 'en'], ['Militants killed seven soldiers in the attack on the post.', 'en'])).toEqual([]);
    expect(tolls(['Les assaillants ont tué quatre soldats dans l\'attaque du poste. Trois gendarmes ont aussi été tués.', 'fr'], ['Les assaillants ont tué sept soldats dans l\'attaque du poste.', 'fr'])).toEqual([]);
    expect(tolls(['قتل مسلحون أربعة جنود في الهجوم. كما قتل ثلاثة من رجال الدرك.', 'ar'], ['قتل مسلحون سبعة جنود في الهجوم.', 'ar'])).toEqual([]);
    // Parts that do not add up to the other toll leave the disagreement standing.
    expect(tolls(['Militants killed four soldiers in the attack on the post. Two gendarmes were also killed.', 'en'], ['Militants killed seven soldiers in the attack on the post.', 'en']))
      .toEqual([['soldiers killed', ['4', '7']]]);
  });

  it('does not date this event by a sentence set in an earlier year', () => {
    const c = compareAt(['The 82 girls were released on May 6, 2017.'], ['Last year, 21 other girls were released in October.']);
    expect(c.conflicts.filter((x) => x.kind === 'date')).toEqual([]);
  });

  it('does not compare a day read from the publication time', () => {
    const c = compare(['The deputy was killed on Friday.', 'en', '2025-08-02T06:00:00Z'], ['The deputy was killed yesterday.', 'en', '2025-08-04T06:00:00Z']);
    expect(c.conflicts).toEqual([]);
  });
});

describe('a date is compared only for the same person', () => {
  const dates = (c: ReturnType<typeof compare>) => c.conflicts.filter((x) => x.kind === 'date').map((x) => x.values.map((v) => v.value).sort());

  it('does not compare two people\'s arrest dates', () => {
    const c = compareAt(
      ['Goalkeeper Ned Farrow, 29, was stopped for speeding in his van near the docks on March 3, and was arrested on suspicion of theft.'],
      ['Another player, striker Leo Panetti, was arrested on March 9 in a similar case.'],
    );
    expect(dates(c)).toEqual([]);
  });

  it('still compares one person\'s arrest dates, named in full, by surname or not at all', () => {
    expect(dates(compareAt(['Goalkeeper Ned Farrow was arrested on March 3.'], ['Farrow, 29, was arrested on March 9.']))).toEqual([['2025-03-03', '2025-03-09']]);
    expect(dates(compareAt(['Goalkeeper Ned Farrow was arrested on March 3.'], ['The goalkeeper was arrested on March 9.']))).toEqual([['2025-03-03', '2025-03-09']]);
  });

  it('leaves out an unnamed date when the accounts date two people\'s arrests', () => {
    const c = compareAt(['Ned Farrow was arrested on March 3.'], ['Leo Panetti was arrested on March 9.'], ['The player was arrested on March 5.']);
    expect(dates(c)).toEqual([]);
  });
});

describe('a count reads no noun past a comma', () => {
  it('reads a toll before a comma as people, and a number between commas after a name as an age', () => {
    expect(counts('The storm hit the coast, killing 4 and injuring other 35, county officials said.', 'en')).toEqual([['people', 'killed', '4'], ['people', 'injured', '35']]);
    expect(counts('Maria Ostrova, 41, died on the mountain on Sunday.', 'en')).toEqual([]);
    expect(counts('Rescuers said 41 climbers died on the mountain.', 'en')).toEqual([['word:en:climber', 'killed', '41']]);
  });
});

describe('figures of a sentence that quotes someone', () => {
  it('are read in the reporter\'s words around the quotation too', () => {
    const figures = analyseSentence('"We saw no progress at all," the source said, and the club had signed the striker to a $40 million deal.', 0, 'en', published, context).figures;
    expect(figures.map((f) => [f.kind, f.subject, f.value])).toEqual([['amount', 'money:contract', '40000000 USD']]);
  });
});
