import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../../src/cluster/index.js';
import { analyseSentence } from '../../src/compare/analyse.js';
import { compareEvent, loadFramingLexicon } from '../../src/compare/index.js';
import { article, EVENT } from './helpers.js';

const context = { vocabulary: loadVocabulary(), framing: loadFramingLexicon() };
const polarity = (text: string, language: string, key = 'topic:ransom') =>
  analyseSentence(text, 0, language, new Date('2025-08-02T00:00:00Z'), context).polarity.get(key) ?? null;
/** The contradictions between two accounts, each [language, text]. */
const across = (a: [string, string], b: [string, string]) =>
  compareEvent({ event: EVENT, articles: [article({ id: 'a', language: a[0], text: a[1] }), article({ id: 'b', language: b[0], text: b[1] })] }, context).contradictions;

describe('assertion and denial', () => {
  it('finds denials whose scope is the key itself, in three languages', () => {
    for (const [text, language] of [
      ['No ransom was paid.', 'en'],
      ['The government did not pay any ransom.', 'en'],
      ['They were freed without paying a ransom.', 'en'],
      ['The minister denied that a ransom had been paid.', 'en'],
      ["Aucune rançon n'a été versée.", 'fr'],
      ["Il n'y a pas eu de rançon.", 'fr'],
      ['Bamako a démenti le versement d’une rançon.', 'fr'],
      ['لم تدفع أي فدية.', 'ar'],
      ['تم الإفراج عنهم دون دفع فدية.', 'ar'],
      ['ونفت الحكومة دفع فدية.', 'ar'],
    ]) expect(polarity(text!, language!), text).toBe('denies');
  });

  it('finds a denial placed after its key, when the negated verb is the key coming to be', () => {
    for (const [text, language, key] of [
      ['The ransom was not paid.', 'en', 'topic:ransom'],
      ["The ransom wasn't paid.", 'en', 'topic:ransom'],
      ['Officials said the ransom has not yet been paid.', 'en', 'topic:ransom'],
      ["The kidnapping didn't take place.", 'en', 'action:kidnap'],
      ["La rançon n'a pas été versée.", 'fr', 'topic:ransom'],
      ["Le ministre a affirmé que la rançon n'a jamais été payée.", 'fr', 'topic:ransom'],
      ["L'enlèvement n'a pas eu lieu.", 'fr', 'action:kidnap'],
      ['الفدية لم تدفع.', 'ar', 'topic:ransom'],
      ['وقالت مصادر إن الفدية لم يتم دفعها.', 'ar', 'topic:ransom'],
      ['الإفراج لم يتم بعد.', 'ar', 'action:release'],
      // The verb first: Arabic's usual order, the French impersonal passive, or the key as object.
      ['لم يتم دفع الفدية.', 'ar', 'topic:ransom'],
      ['لم تدفع الفدية.', 'ar', 'topic:ransom'],
      ['لم يتم الإفراج عن الرهائن.', 'ar', 'action:release'],
      ["Il n'a pas été versé de rançon.", 'fr', 'topic:ransom'],
      ['The government did not pay a ransom.', 'en', 'topic:ransom'],
      ["Bamako n'a pas payé la rançon.", 'fr', 'topic:ransom'],
    ]) expect(polarity(text!, language!, key), text).toBe('denies');
  });

  it('lets a complement of the key itself stand between the key and its negated verb', () => {
    for (const [text, language, key] of [
      ['The release of the hostages did not happen.', 'en', 'action:release'],
      ['The release of the four Moroccan truck drivers did not happen.', 'en', 'action:release'],
      ["La libération des otages n'a pas eu lieu.", 'fr', 'action:release'],
      ["La libération de Mohamed Ali n'a pas eu lieu.", 'fr', 'action:release'],
      ["La rançon des otages n'a pas été versée.", 'fr', 'topic:ransom'],
      ['الإفراج عن الرهائن لم يتم.', 'ar', 'action:release'],
      ['الإفراج عن السائقين المغاربة الأربعة لم يتم.', 'ar', 'action:release'],
      ['الإفراج عن المعتقلين لم يتم.', 'ar', 'action:release'],
    ]) expect(polarity(text!, language!, key), text).toBe('denies');
  });

  it('says nothing when what follows the key may be more than its complement', () => {
    for (const [text, language, key] of [
      // A verb, another key the negated verb could deny, or a clause inside the complement.
      ['The release of the hostages held in Mali did not happen.', 'en', 'action:release'],
      ['The release of the hostages kidnapped in Menaka did not happen.', 'en', 'action:release'],
      ['The release of the hostages and the talks did not happen.', 'en', 'action:release'],
      ["La libération des otages détenus n'a pas eu lieu.", 'fr', 'action:release'],
      ["La libération des otages qui ont été enlevés n'a pas eu lieu.", 'fr', 'action:release'],
      ['الإفراج عن المعتقلين احتجزوا لم يتم.', 'ar', 'action:release'],
      ['الإفراج عن الرهائن الذين اختطفوا لم يتم.', 'ar', 'action:release'],
      // The key is itself a complement, or the negation bears on something else.
      ["L'annonce de la libération des otages n'a pas eu lieu.", 'fr', 'action:release'],
      ['The announcement of the release of the hostages did not happen.', 'en', 'action:release'],
      ['إعلان الإفراج عن الرهائن لم يتم.', 'ar', 'action:release'],
      ["La libération des otages n'a pas eu lieu avant vendredi.", 'fr', 'action:release'],
      ["La libération des otages n'a pas été confirmée.", 'fr', 'action:release'],
      ['الإفراج عن الرهائن لم يتم تأكيده.', 'ar', 'action:release'],
    ]) expect(polarity(text!, language!, key), text).toBeNull();
  });

  it('says nothing when the negated verb after the key may deny something else', () => {
    for (const [text, language, key] of [
      // A verb that is not the key coming to be, or a payment to people rather than of money.
      ["La rançon n'a pas été réclamée.", 'fr', 'topic:ransom'],
      ['The ransom demand was not met.', 'en', 'topic:ransom'],
      ['The drivers were not paid.', 'en', 'topic:truck-driver'],
      ['لم تدفع الرهائن.', 'ar', 'topic:hostage'],
      ['الإفراج لم يتم تأكيده.', 'ar', 'action:release'],
      // The key is not the subject.
      ['The meeting after the kidnapping did not take place.', 'en', 'action:kidnap'],
      ["L'annonce de la libération n'a pas eu lieu.", 'fr', 'action:release'],
      ['إعلان الإفراج لم يتم بعد.', 'ar', 'action:release'],
      // The negation bears on when, how much or by whom; or it is no negation, or a hypothesis.
      ['The ransom was not paid until August.', 'en', 'topic:ransom'],
      ['The ransom was not paid in full.', 'en', 'topic:ransom'],
      ["La rançon n'a été versée qu'en partie.", 'fr', 'topic:ransom'],
      ["La rançon n'a été versée que vendredi.", 'fr', 'topic:ransom'],
      ["La rançon n'a pas été versée par Bamako mais par un pays voisin.", 'fr', 'topic:ransom'],
      ['الفدية لم تدفع إلا بعد الإفراج.', 'ar', 'topic:ransom'],
      ['If the ransom is not paid, the hostages will be killed.', 'en', 'topic:ransom'],
      ['The ransom would not be paid.', 'en', 'topic:ransom'],
      ['Was the ransom not paid?', 'en', 'topic:ransom'],
      ['هل لم تدفع الفدية؟', 'ar', 'topic:ransom'],
    ]) expect(polarity(text!, language!, key), text).toBeNull();
  });

  it('denies no key that is the verb of a clause of its own before the negated verb', () => {
    for (const [text, language] of [
      ['The release of the hostages who were kidnapped did not happen.', 'en'],
      ["La libération des otages qui ont été enlevés n'a pas eu lieu.", 'fr'],
      ['الإفراج عن الرهائن الذين اختطفوا لم يتم.', 'ar'],
    ]) expect(polarity(text!, language!, 'action:kidnap'), text).toBeNull();
  });

  it('lets a denial verb deny only what it governs', () => {
    for (const [text, language, key] of [
      ['The government denied paying a ransom.', 'en', 'topic:ransom'],
      ['The minister denied that Mali paid a ransom.', 'en', 'topic:ransom'],
      ['Police denied that the suspect was arrested.', 'en', 'action:arrest'],
      ['The government denied that civilians were killed.', 'en', 'action:kill'],
      ['Le gouvernement a démenti que la rançon ait été versée.', 'fr', 'topic:ransom'],
      ["L'armée a démenti l'attaque.", 'fr', 'action:attack'],
      ['ونفى الوزير أن الفدية دفعت.', 'ar', 'topic:ransom'],
      ['نفى الجيش الهجوم.', 'ar', 'action:attack'],
    ]) expect(polarity(text!, language!, key), text).toBe('denies');
    for (const [text, language, key] of [
      // What is denied is the snag, the knowledge, the reports: the key is only mentioned.
      ['The director denied reports that the talks with the studio hit a snag.', 'en', 'action:negotiation'],
      ['He denied knowledge of the attack.', 'en', 'action:attack'],
      // Who did it is denied, not that it happened: another account's jihadists attacked all the same.
      ['The army denied carrying out the attack.', 'en', 'action:attack'],
      ['The government denied that soldiers had attacked the village.', 'en', 'action:attack'],
      ['The government denied that civilians were killed by soldiers.', 'en', 'action:kill'],
      ["Le gouvernement a démenti que l'armée ait attaqué le village.", 'fr', 'action:attack'],
      ['ونفت الحكومة تنفيذ الجيش للهجوم.', 'ar', 'action:attack'],
      ['Police denied that the man who was arrested was armed.', 'en', 'action:arrest'],
      ['Il a démenti les informations selon lesquelles les négociations avaient échoué.', 'fr', 'action:negotiation'],
      ['نفى الوزير التقارير عن تعثر المفاوضات.', 'ar', 'action:negotiation'],
    ]) expect(polarity(text!, language!, key), text).toBeNull();
  });

  it('reads "no one" as a denial of what happened to them', () => {
    expect(polarity('Nobody was killed in the blast.', 'en', 'action:kill')).toBe('denies');
    expect(polarity("Personne n'a été tué.", 'fr', 'action:kill')).toBe('denies');
    expect(polarity('No-one was killed in the fire.', 'en', 'action:kill')).toBe('denies');
  });

  it('takes no sentence with a verb of failure or refusal as an assertion', () => {
    for (const [text, language] of [
      ['Summit failed to reach a deal.', 'en'],
      ['Les deux parties ont échoué à conclure un accord.', 'fr'],
      ['رفضت الحكومة الاتفاق.', 'ar'],
    ]) expect(polarity(text!, language!, 'action:negotiation'), text).toBeNull();
    // Ruling a payment out asserts none.
    for (const [text, language] of [
      ['The government, which initially ruled out payment of any ransom, has agreed to dialogue with the gang.', 'en'],
      ['Le gouvernement a exclu tout paiement de rançon.', 'fr'],
      ['استبعدت الحكومة دفع أي فدية للخاطفين.', 'ar'],
    ]) expect(polarity(text!, language!), text).toBeNull();
  });

  it('marks the denials that are for now only', () => {
    const notYet = (text: string, language: string) => analyseSentence(text, 0, language, new Date('2025-08-02T00:00:00Z'), context).provisional;
    expect(notYet('No deal has been signed yet.', 'en')).toBe(true);
    expect(notYet("La rançon n'a pas encore été versée.", 'fr')).toBe(true);
    expect(notYet('لم يتم الإفراج عنهم بعد.', 'ar')).toBe(true);
    expect(notYet('No ransom was paid.', 'en')).toBe(false);
    expect(notYet('وصل الوفد بعد الإفراج عن الرهائن.', 'ar')).toBe(false);
  });

  it('finds plain assertions', () => {
    expect(polarity('A ransom of five million euros was paid.', 'en')).toBe('asserts');
    expect(polarity('Selon des sources, une rançon a été versée.', 'fr')).toBe('asserts');
    expect(polarity('دفعت فدية قدرها خمسة ملايين يورو.', 'ar')).toBe('asserts');
  });

  it('says nothing when a negation in the sentence may not bear on the key', () => {
    expect(polarity('Islamic State did not comment on the release.', 'en', 'action:release')).toBeNull();
    expect(polarity("L'enlèvement n'a pas été revendiqué.", 'fr', 'action:kidnap')).toBeNull();
    expect(polarity('لم تعلق السلطات على الإفراج.', 'ar', 'action:release')).toBeNull();
    expect(polarity('Was a ransom paid?', 'en')).toBeNull();
    expect(polarity('It is unclear whether a ransom was paid.', 'en')).toBeNull();
  });

  it('reads "without" before a verb of telling as withholding the telling, not denying the thing', () => {
    for (const [text, language] of [
      ['The army confirmed the attack without giving a death toll.', 'en'],
      ["Les autorités ont condamné l'attaque, sans préciser de bilan.", 'fr'],
      ['أدانت السلطات الهجوم دون تحديد حصيلة.', 'ar'],
    ]) expect(polarity(text!, language!, 'action:kill'), text).toBeNull();
    expect(polarity('They were freed without paying a ransom.', 'en')).toBe('denies');
  });

  it('takes a toll for the count it is, not the killing: no toll given contradicts no death', () => {
    expect(across(['ar', 'أكدت مصادر أمنية مقتل عشرات الأشخاص في الهجوم.'], ['en', 'There was no death toll from the authorities.'])).toEqual([]);
    expect(across(['fr', 'Le bilan humain est très lourd : entre 100 et 200 personnes ont été tuées.'], ['fr', "Aucun bilan officiel n'a été transmis par les autorités."])).toEqual([]);
    // The denial bears on the toll; the deaths the same sentence gives are not denied.
    expect(across(['ar', 'أكدت مصادر أمنية مقتل عشرات الأشخاص في الهجوم.'], ['fr', "Aucun bilan officiel n'a été donné, mais selon des sources l'attaque a fait plus de 200 morts."])).toEqual([]);
    expect(across(['ar', 'أكدت مصادر أمنية مقتل عشرات الرهائن في الهجوم.'], ['en', 'No hostage was killed in the attack, the army said.']).map((x) => x.about)).toEqual(['hostage']);
  });

  it('makes a contradiction of a denial after the key, across languages', () => {
    const paid = article({ id: 'paid', language: 'fr', text: 'Selon des sources, une rançon a été versée.' });
    const en = article({ id: 'en', language: 'en', text: 'The ransom was not paid, the minister said.' });
    const ar = article({ id: 'ar', language: 'ar', text: 'وأكد الوزير أن الفدية لم تدفع.' });
    const result = compareEvent({ event: EVENT, articles: [paid, en, ar] }, context);
    expect(result.contradictions.map((x) => [x.about, x.asserts.articles, [...x.denies.articles].sort()])).toEqual([['ransom', [paid.url], [ar.url, en.url]]]);
  });

  it('makes a contradiction of one thing denied by one account and asserted by another in the same words', () => {
    const killed = article({ id: 'killed', text: 'Two hostages were killed in the attack on Friday.' });
    const none = article({ id: 'none', text: 'No hostages were killed in the attack, the army said.' });
    const result = compareEvent({ event: EVENT, articles: [killed, none] }, context);
    expect(result.contradictions.map((x) => [x.about, x.asserts.articles, x.denies.articles])).toEqual([['hostage', [killed.url], [none.url]]]);
  });

  it('sets a denial against an assertion only where both name the same participant, but for a payment', () => {
    // A denial is scoped: the soldiers killed are not the civilians nobody killed, nor anyone unnamed.
    expect(across(['en', 'Two soldiers were killed in the attack on Friday.'], ['en', 'No one was killed in the attack, the army said.'])).toEqual([]);
    expect(across(['en', 'The Islamic State killed two hostages on Friday.'], ['en', 'The JNIM did not kill the hostages, its spokesman said.'])).toEqual([]);
    expect(across(['fr', 'Les deux commandants ont été libérés en échange des otages.'], ['en', 'The government denied that the drones were released.'])).toEqual([]);
    // The same participant, named in two languages, meets.
    expect(across(['fr', 'Les deux commandants ont été libérés en échange des otages.'], ['en', 'The government denied that the two commanders were released.']).map((x) => x.about)).toEqual(['release']);
    expect(across(['ar', 'تم الإفراج عن قياديين في تنظيم داعش.'], ['fr', "Bamako dément avoir libéré des commandants de l'EI."]).map((x) => x.about)).toEqual(['release']);
    // A ransom paid is the claim whole.
    expect(across(['en', 'A ransom was paid.'], ['fr', "Aucune rançon n'a été versée."]).map((x) => x.about)).toEqual(['ransom']);
  });

  it('makes no contradiction of two forms of one key in one language, nor of a denial for now', () => {
    const compare = (a: string, b: string) =>
      compareEvent({ event: EVENT, articles: [article({ id: 'a', text: a }), article({ id: 'b', text: b })] }, context).contradictions;
    // "Negotiations" and "deal" are one key, not one thing; "dealing with" is no deal at all.
    expect(compare('The negotiations with the studio went on all week.', 'No deal was signed, the studio said.')).toEqual([]);
    expect(compare('He has a record of dealing with young audiences.', 'No deal was signed, the studio said.')).toEqual([]);
    expect(compare('A deal was signed with the studio on Friday.', 'No deal has been signed yet, the studio said.')).toEqual([]);
    // Across languages, the talks are not the deal either; the deal is.
    expect(across(['fr', 'Les otages ont été libérés après des négociations.'], ['en', 'No deal was struck with the kidnappers.'])).toEqual([]);
    expect(across(['ar', 'تم الإفراج عن الرهائن بعد مفاوضات طويلة.'], ['en', 'No deal was struck with the kidnappers.'])).toEqual([]);
    expect(across(['fr', 'Un accord a été signé avec les ravisseurs des otages.'], ['en', 'No deal was struck with the hostage takers.']).map((x) => x.about)).toEqual(['negotiation']);
    // The same word asserted and denied about the same participant is a contradiction.
    expect(compare('A deal was signed with the hostage takers on Friday.', 'No deal was signed with the hostage takers, the minister said.').map((x) => x.about)).toEqual(['negotiation']);
  });

  it('sets no claim against another on a word that more often names something else', () => {
    // تعليق is "comment" as often as "suspension": no comment is no denial of sanctions.
    expect(across(['ar', 'فرضت المجموعة الاقتصادية عقوبات على مالي.'], ['ar', 'لا تعليق رسمي من نواكشوط على الحادث.'])).toEqual([]);
    expect(across(['en', 'ECOWAS imposed sanctions on Mali.'], ['ar', 'لا تعليق رسمي من نواكشوط على الحادث.'])).toEqual([]);
    // The unambiguous form still meets its denial.
    expect(across(['ar', 'فرضت المجموعة الاقتصادية عقوبات على جماعة نصرة الإسلام والمسلمين.'], ['ar', 'لا عقوبات على جماعة نصرة الإسلام والمسلمين، قال الوزير.']).map((x) => x.about)).toEqual(['sanction']);
  });

  it('reads no release in a "press release" nor in "sans relâche" (relentlessly)', () => {
    const pressRelease = 'In addition to the 37 deaths, 14 people remain hospitalized, according to the latest press release from the authorities.';
    expect(across(['en', pressRelease], ['fr', 'Les opérations de secours se poursuivent sans relâche.'])).toEqual([]);
    expect(polarity(pressRelease, 'en', 'action:release')).toBeNull();
    // Names deny nothing: Doctors Without Borders, أطباء بلا حدود, the "no strike list".
    expect(across(['ar', 'أحصت منظمة "أطباء بلا حدود" مقتل 70 شخصا عند الحدود.'], ['en', 'An awful act, according to Doctors Without Borders (MSF).'])).toEqual([]);
    expect(across(['en', 'The strike hit the prison.'], ['en', 'The facility was not on the no strike list.'])).toEqual([]);
    // "Sans" takes a noun or an infinitive: a finite verb after it is outside its scope.
    expect(polarity("Les terroristes sans pitié ont tué des civils au hasard.", 'fr', 'action:kill')).not.toBe('denies');
    expect(polarity('Les otages ont été libérés sans rançon.', 'fr')).toBe('denies');
    expect(polarity('They were freed without paying a ransom.', 'en')).toBe('denies');
    // What was known at that hour denies nothing; nor does a doer denying they did it.
    expect(polarity('A source said many members were injured, but that no deaths had been reported.', 'en', 'action:kill')).not.toBe('denies');
    expect(polarity("Aucun décès n'a été signalé pour l'instant.", 'fr', 'action:kill')).not.toBe('denies');
    expect(polarity('No one was killed in the attack, the army said.', 'en', 'action:kill')).toBe('denies');
    expect(polarity('The M23 rebels have denied they are attacking civilians.', 'en', 'action:attack')).not.toBe('denies');
    // A release told plainly is still one.
    expect(polarity('The hostages were released after a press conference.', 'en', 'action:release')).toBe('asserts');
  });

  it('asserts a ransom only where it was paid: demanded, sought or spoken of is no payment', () => {
    for (const [text, language] of [
      ['He was snatched by extremists who have made a fortune by demanding ransoms.', 'en'],
      ['The kidnappers asked for a large ransom.', 'en'],
      ['Les ravisseurs réclamaient une rançon.', 'fr'],
      ['وطالب الخاطفون بفدية كبيرة.', 'ar'],
    ]) expect(polarity(text!, language!), text).toBeNull();
    for (const [text, language] of [
      ['A ransom was paid.', 'en'],
      ['The release came with a substantial ransom payment.', 'en'],
      ["Selon des sources, une rançon de trois millions d'euros a été versée.", 'fr'],
      ['جاء الإفراج نتيجة صفقة دفعت فيها فدية قدرها خمسة ملايين يورو.', 'ar'],
    ]) expect(polarity(text!, language!), text).toBe('asserts');
    expect(across(['en', 'Extremists have made a fortune by demanding ransoms.'], ['ar', 'قال الوزير إن الحكومة "لم تدفع فدية".'])).toEqual([]);
  });

  it("asserts nothing that a French sentence asks about with s'il", () => {
    expect(polarity("On ignore pour l'heure s'il y a eu un versement de rançon.", 'fr')).toBeNull();
    // Nor does a kidnapping "for ransom" say a ransom was paid.
    expect(polarity('Des groupes criminels multiplient les enlèvements contre rançon.', 'fr')).toBeNull();
    expect(polarity('Gangs carry out kidnappings for ransom in the region.', 'en')).toBeNull();
    expect(polarity('تنتشر عمليات الخطف مقابل فدية في المنطقة.', 'ar')).toBeNull();
    expect(polarity('تقوم عصابات مسلحة بعمليات الخطف مقابل الحصول على فدية.', 'ar')).toBeNull();
  });
});
