import { describe, expect, it } from 'vitest';
import { Clusterer, MemoryDocumentFrequencies, MemoryEventIndex, PAIR_FEATURES, loadVocabulary, type ClusterArticle, type ClustererOptions, type DecisionModel } from '../../src/cluster/index.js';
import { MemoryDuplicateIndex } from '../../src/dedup/index.js';

const vocabulary = loadVocabulary();
const TEXT_BAR = 0.4;
const DAY = 86_400_000;
const T0 = Date.parse('2025-08-01T12:00:00Z');

function setup(options: Partial<ClustererOptions> = {}) {
  const index = new MemoryEventIndex();
  const clusterer = new Clusterer({ vocabulary, events: index, frequencies: new MemoryDocumentFrequencies(), duplicates: new MemoryDuplicateIndex() }, options);
  return { index, clusterer };
}

let n = 0;
function article(title: string, text: string, at: number, language = 'en', outlet = 'Outlet'): ClusterArticle {
  n++;
  return { id: `a${n}`, url: `https://news.example/${n}`, language, title, text, published: new Date(at), outlet };
}

const background = [
  article('Mauritania summons Mali ambassador over herders', 'Several herders were killed near the border.', T0 - 3 * DAY),
  article('Algeria shoots down drone near Tinzaouaten', 'The army said the drone violated its airspace.', T0 - 2 * DAY),
  article('Fuel blockade leaves Bamako short of petrol', 'Queues formed at petrol stations.', T0 - DAY),
];

describe('Clusterer', () => {
  it('starts an event, then puts a second account in it and explains why', async () => {
    const { clusterer } = setup();
    for (const a of background) await clusterer.assign(a);
    const first = await clusterer.assign(article('Mali says four Moroccan truck drivers freed', 'The four drivers held by Islamic State were released.', T0));
    const second = await clusterer.assign(article('Four Moroccan drivers released in Mali', 'Islamic State freed the four truck drivers, officials said.', T0 + 3_600_000));
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.eventId).toBe(first.eventId);
    expect(second.why.keys).toEqual(expect.arrayContaining(['k:topic:truck-driver']));
    expect(second.why.terms.every((t) => t.startsWith('en:'))).toBe(true);
    expect(second.score).toBeGreaterThanOrEqual(1);
  });

  it('keeps the same words months apart in separate events', async () => {
    const { clusterer } = setup();
    for (const a of background) await clusterer.assign(a);
    const spring = await clusterer.assign(article('Army frees hostages in Mopti region', 'Mali army said it freed hostages.', T0 - 120 * DAY));
    const summer = await clusterer.assign(article('Army frees hostages in Mopti region', 'Mali army said it freed hostages.', T0));
    expect(summer.eventId).not.toBe(spring.eventId);
    expect(summer.created).toBe(true);
  });

  it('sends a copy to its original event with duplicateOf set', async () => {
    const { clusterer } = setup();
    const text = 'Mali military government said on Friday that four Moroccan truck drivers kidnapped in January by Islamic State fighters had been released after an operation by the intelligence service.';
    const original = await clusterer.assign(article('Four drivers freed', text, T0));
    const copy = await clusterer.assign(article('Moroccan hostages freed', `${text} (Wire)`, T0 + 60_000));
    expect(copy.eventId).toBe(original.eventId);
    expect(copy.duplicateOf).toBe(`https://news.example/${n - 1}`);
  });

  it('gives the same events when assignments are fired concurrently as one by one', async () => {
    const stream = [
      ...background,
      article('Mali says four Moroccan truck drivers freed', 'The drivers held by Islamic State were released.', T0),
      article('Libération de quatre camionneurs marocains au Mali', "L'État islamique a libéré les quatre chauffeurs marocains.", T0 + 1000, 'fr'),
      article('الإفراج عن أربعة سائقين مغاربة في مالي', 'أفرج تنظيم الدولة عن السائقين المغاربة الأربعة.', T0 + 2000, 'ar'),
      article('Fuel queues grow in Bamako', 'The fuel blockade on Bamako continues.', T0 + 3000),
    ];
    const sequential = setup();
    const one: string[] = [];
    for (const a of stream) one.push((await sequential.clusterer.assign(a)).eventId);
    const concurrent = setup();
    const all = await Promise.all(stream.map((a) => concurrent.clusterer.assign(a)));
    expect(all.map((x) => x.eventId)).toEqual(one);
    expect(new Set(one.slice(3, 6)).size).toBe(1);
  });

  it('merges two events that one article shows to be one, keeping their history', async () => {
    // A decision on text alone with a strict bar keeps the first two accounts apart; the third is close to both.
    const textOnly: DecisionModel = { features: [...PAIR_FEATURES], weights: PAIR_FEATURES.map((f) => (f === 'text' ? 20 : 0)), bias: -20 * TEXT_BAR, join: 0.5, joinTitleOnly: 0.5, merge: 0.5, fittedOn: 'by hand, for this test' };
    const { clusterer, index } = setup({ decision: textOnly });
    for (const a of background) await clusterer.assign(a);
    // Two accounts with little in common, then one that shares everything with both.
    const a = await clusterer.assign(article('Ransom paid for Moroccan drivers', 'Sources said a ransom was paid to Islamic State for the Moroccan drivers held near Menaka.', T0));
    const b = await clusterer.assign(article('Abu Darda freed in prisoner swap', 'Islamic State commander Abu Darda was released in exchange for the Moroccan hostages near Menaka.', T0 + 1000));
    const bridge = await clusterer.assign(
      article('Ransom and Abu Darda: how the Moroccan drivers were freed', 'A ransom was paid and Abu Darda, an Islamic State commander, was released in exchange for the Moroccan drivers held near Menaka.', T0 + 2000),
    );
    expect(b.eventId).not.toBe(a.eventId);
    expect(bridge.merged.length).toBeGreaterThan(0);
    const survivor = (await index.get(bridge.eventId))!;
    expect((await index.get(a.eventId))!.id).toBe(survivor.id);
    expect((await index.get(b.eventId))!.id).toBe(survivor.id);
    expect(survivor.members.map((m) => m.title)).toHaveLength(3);
    expect(survivor.mergedFrom.map((m) => m.id)).toEqual(bridge.merged);
  });
});

describe('MemoryEventIndex', () => {
  it('offers only events updated within the window as candidates', async () => {
    const { clusterer, index } = setup();
    const old = await clusterer.assign(article('Drought in the Sahel', 'Drought hits herders in Mali and Niger.', T0 - 30 * DAY));
    const query = [{ feature: 'k:topic:drought', weight: 1 }];
    expect((await index.candidates(query, T0 - 29 * DAY)).map((c) => c.event.id)).toEqual([old.eventId]);
    expect(await index.candidates(query, T0)).toEqual([]);
  });
});
