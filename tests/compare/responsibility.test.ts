import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../../src/cluster/index.js';
import { compareEvent, loadFramingLexicon } from '../../src/compare/index.js';
import { article, EVENT } from './helpers.js';

const context = { vocabulary: loadVocabulary(), framing: loadFramingLexicon() };
/** The contradictions of who did it between accounts, each [language, text]. */
const roles = (...texts: [string, string][]) =>
  compareEvent({ event: EVENT, articles: texts.map(([language, text], i) => article({ id: `a${i}`, language, text })) }, context)
    .contradictions.filter((x) => x.about.startsWith('who did it'))
    .map((x) => [x.about, x.asserts.articles.length, x.denies.articles.length]);

describe('who did it', () => {
  it('sets a party named as the doer against its denial, in English and French', () => {
    expect(roles(['en', 'On Saturday Hezbollah fired the rocket that hit the football pitch.'], ['en', 'Hezbollah denied any involvement in the attack.'])).toEqual([['who did it: Hezbollah', 1, 1]]);
    expect(roles(['en', 'The town was hit and officials said Hezbollah is responsible for the attack.'], ['en', 'Hezbollah denied responsibility.'])).toEqual([['who did it: Hezbollah', 1, 1]]);
    expect(roles(['en', 'The villagers were killed by Eritrean troops, witnesses said.'], ['en', 'Eritrea denied that its soldiers killed civilians in the town.'])).toEqual([['who did it: Eritrea', 1, 1]]);
    expect(roles(['en', 'Amnesty said police shot many protesters at close range, often aiming for the head.'], ['en', 'Police denied killing protesters.'])).toHaveLength(1);
    expect(roles(['en', 'The Turkish army shelled the resort on Wednesday.'], ['en', 'Turkey denied any responsibility for the shelling.'])).toEqual([['who did it: Turkey', 1, 1]]);
    expect(roles(['en', 'Between July 10 and 30, M23 fighters summarily executed local residents.'], ['en', 'M23 has previously denied involvement in the killings.'])).toEqual([['who did it: M23', 1, 1]]);
    expect(roles(['en', 'Rwanda-backed M23 rebels killed at least 140 people in July.'], ['en', 'M23 has previously denied involvement in the killings.'])).toEqual([['who did it: M23', 1, 1]]);
    expect(roles(['en', 'The Burkina Faso military executed at least 200 villagers.'], ['en', 'Burkina Faso has denied claims that its soldiers killed the villagers.'])).toEqual([['who did it: Burkina Faso', 1, 1]]);
    expect(roles(['fr', "Des soldats de l'armée ont tiré sur les manifestants au péage."], ['fr', "L'armée a nié avoir tiré sur les manifestants."])).toEqual([["who did it: L'armée", 1, 1]]);
  });

  it('needs the same victims where the party has no name', () => {
    expect(roles(['en', 'Soldiers killed 20 jihadists in the clashes.'], ['en', 'The army denied that its soldiers killed civilians.'])).toEqual([]);
    expect(roles(['en', 'Soldiers killed civilians in the village, witnesses said.'], ['en', 'The army denied that its soldiers killed civilians.'])).toHaveLength(1);
    expect(roles(['en', 'Soldiers fired on the protesters at the toll gate.'], ['en', 'The army denied that its soldiers fired on protesters.'])).toHaveLength(1);
    // Two armies named are two parties.
    expect(roles(['en', 'The Malian army killed civilians near the border.'], ['en', 'The Burkinabe army denied that its soldiers killed civilians.'])).toEqual([]);
  });

  it('reads no role where another party denies, something else is denied, or nobody is named as the doer', () => {
    expect(roles(['en', 'Hezbollah fired the rocket.'], ['en', 'Iran denied any involvement in the attack.'])).toEqual([]);
    expect(roles(['en', 'Hezbollah fired rockets at army posts.'], ['en', 'Hezbollah denied plans to widen the war.'])).toEqual([]);
    expect(roles(['en', 'Twelve people were killed in the attack.'], ['en', 'Hezbollah denied any involvement in the attack.'])).toEqual([]);
    expect(roles(['en', 'It is unclear whether Hezbollah fired the rocket.'], ['en', 'Hezbollah denied any involvement.'])).toEqual([]);
    // A headline's passive without its auxiliary: the leader was killed, he killed no one.
    expect(roles(['en', 'Chad opposition leader Yaya Dillo killed in attack on party headquarters'], ['en', 'Dillo denied any involvement in the attack on the agency.'])).toEqual([]);
    expect(roles(['fr', "L'opposant Yaya Dillo tué lors d'un assaut de l'armée"], ['fr', "Dillo a nié toute implication dans l'attaque."])).toEqual([]);
    // A charge quoted is what a denial answers, not the account's own word: "reports saying that X carried out...".
    expect(roles(['en', 'CENTCOM said it knew about reports saying that the United States carried out airstrikes in Iraq.'], ['en', 'The United States denied responsibility for the blast.'])).toEqual([]);
    // A habit is not this event.
    expect(roles(['en', 'The Turkish army has regularly attacked regions in Kurdistan.'], ['en', 'Turkey denied any responsibility for the shelling.'])).toEqual([]);
    // Soldiers killed, not soldiers who killed.
    expect(roles(['en', 'Hezbollah soldiers were killed in the strike.'], ['en', 'Hezbollah denied any involvement in the attack.'])).toEqual([]);
    // Two sides' spokesmen: a title names no party.
    expect(roles(
      ['en', 'Sheikh Abdiasis Abu Musab, its Military Operation Spokesman, claimed they had also taken over the camp.'],
      ['en', 'Kenyan military spokesman Lieutenant Colonel Paul Njuguna denied the claim that al Shabaab had killed dozens of soldiers.'],
    )).toEqual([]);
    // A place is where the harm was done, not who did it: "a strike in central Somalia killed".
    expect(roles(
      ['en', 'A suspected drone strike in central Somalia killed five civilians, two local leaders said.'],
      ['en', 'The deputy information minister of Somalia, Abdirahman Yusuf, denied responsibility for the civilian casualties.'],
    )).toEqual([]);
    expect(roles(['fr', 'Une frappe près de Mopti a tué des civils.'], ['fr', 'Mopti a nié toute implication.'])).toEqual([]);
    // An act told inside a denial ("while denying that the coalition carried out any attacks") is not asserted.
    expect(roles(
      ['en', 'RIYADH, Colonel Turki Al Malki, Spokesman for the Arab Coalition Forces in Yemen, accused the Houthi militias of carrying out mortar attacks on Al Thawra Hospital and the fish market in Hodeidah, while denying that the coalition carried out any attacks.'],
      ['en', 'HODEIDAH, Yemen (Reuters) - The Saudi-led coalition denied any responsibility behind the air strikes on a fishing port and fish market that Yemeni medical sources said it killed 26 people in Hodeidah on Thursday.'],
    )).toEqual([]);
    expect(roles(
      ['fr', "Le colonel Turki Al Malki, porte-parole de la Coalition arabe, a accusé les milices houthies d'avoir mené des tirs de mortier sur l'hôpital Al Thawra, niant que la Coalition a mené des attaques."],
      ['fr', 'La Coalition a nié toute responsabilité dans les frappes aériennes sur le marché aux poissons.'],
    )).toEqual([]);
  });

  it('leaves out an account that tells both sides', () => {
    expect(roles(['en', 'Israel blamed Hezbollah for the attack. Hezbollah denied any involvement.'], ['en', 'The rocket landed on a football pitch.'])).toEqual([]);
    expect(roles(['en', 'Hezbollah fired the rocket. Hezbollah denied any involvement.'], ['en', 'Hezbollah denied any involvement in the attack.'])).toEqual([]);
  });
});
