import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addMember,
  idf,
  loadDecisionModel,
  loadVocabulary,
  MemoryDocumentFrequencies,
  memoryClusterer,
  newEvent,
  pairFeatures,
  PAIR_FEATURES,
  probability,
  rawFeatures,
  weigh,
  type ClusterArticle,
} from '../../src/cluster/index.js';
import { groupByTests, groupOf } from '../../src/cluster/decision.js';

const vocabulary = loadVocabulary();
const T0 = Date.parse('2025-09-10T08:00:00Z');
const HOUR = 3_600_000;
let n = 0;
function article(title: string, text: string, at: number): ClusterArticle {
  n++;
  return { id: `d${n}`, url: `https://news.example/d${n}`, language: 'en', title, text, published: new Date(at), outlet: `Outlet ${n}` };
}

describe('the fitted decision', () => {
  it('ships as data with the features this code computes, and refuses a model of other features', () => {
    const model = loadDecisionModel();
    expect(model.features).toEqual([...PAIR_FEATURES]);
    expect(model.merge).toBeGreaterThanOrEqual(model.join);
    const file = join(mkdtempSync(join(tmpdir(), 'parallax-model-')), 'model.json');
    writeFileSync(file, JSON.stringify({ ...model, features: model.features.slice(1), weights: model.weights.slice(1) }));
    expect(() => loadDecisionModel(file)).toThrow(/fit:cluster/);
  });

  it('groups evidence by prefix exactly as the group tests do', () => {
    const features = ['name:drd', 'num:4', 'k:place:mali', 'k:action:release', 'k:org:un', 'k:', 'n', 'nam:x', 'name', 'k', 'kplace:x', 'k:placed', 'k:place:', 'en:name', ''];
    expect(features.map(groupOf)).toEqual(features.map(groupByTests));
    expect(['name:drd', 'k:place:mali', 'num:4', 'k:action:release', 'k:org:un', 'en:mali'].map(groupOf)).toEqual([0, 1, 2, 3, 4, -1]);
  });

  it('counts what two accounts disagree on against a match', () => {
    const model = loadDecisionModel();
    const df = new MemoryDocumentFrequencies();
    const event = newEvent('e', T0);
    const first = article('Gunmen attack army convoy near Gao, killing 12 soldiers', 'Gunmen attacked an army convoy near Gao on Tuesday, killing 12 soldiers, the army said. Colonel Souleymane Dembele said the convoy was ambushed on the road to Ansongo.', T0);
    const raw = rawFeatures(first, vocabulary);
    df.add([...raw.terms.keys(), ...raw.neutral.keys()]);
    addMember(event, { articleId: first.id, url: first.url, title: first.title, outlet: first.outlet, language: 'en', at: T0, score: 1, duplicateOf: null }, weigh(raw, df), 1);
    const score = (a: ClusterArticle) => {
      const r = rawFeatures(a, vocabulary);
      df.add([...r.terms.keys(), ...r.neutral.keys()]);
      const x = pairFeatures(weigh(r, df), { language: 'en', at: a.published!.getTime(), words: r.words }, event);
      return { x, p: probability(model, x) };
    };
    const agrees = score(article('Army convoy attacked near Gao, 12 soldiers killed', 'Twelve soldiers were killed when gunmen attacked an army convoy near Gao, Colonel Souleymane Dembele said. The convoy was ambushed on the road to Ansongo.', T0 + 2 * HOUR));
    const differs = score(article('Army convoy attacked near Menaka, 7 soldiers killed', 'Seven soldiers were killed when gunmen attacked an army convoy near Menaka, Captain Ibrahim Maiga said. The convoy was ambushed on the road to Anderamboukane.', T0 + 2 * HOUR));
    const missing = PAIR_FEATURES.indexOf('nameMissing');
    expect(differs.x[missing]!).toBeGreaterThan(agrees.x[missing]!);
    expect(differs.p).toBeLessThan(agrees.p);
  });

  it('reads no names from the capitals of a Title Case headline, only those the lead writes as names', () => {
    const names = (title: string) => [...rawFeatures(article(title, 'Officials said Colonel Souleymane Dembele had met the drivers in Bamako.', T0), vocabulary).neutral.keys()].filter((f) => f.startsWith('name:'));
    const titleCase = names('How the Release of the Drivers Became a Taste of Betrayal for Dembele');
    const sentenceCase = names('How the release of the drivers became a taste of betrayal for Dembele');
    expect(titleCase).toEqual(sentenceCase);
    const lead = names('Drivers');
    expect(names('Drivers freed as Colonel Kassogue thanks mediators')).toHaveLength(lead.length + 1);
  });

  it('reads no names from the capitals of a Title Case subheading, only those the prose writes as names', () => {
    const names = (text: string) => [...rawFeatures(article('Drivers freed in Mali', text, T0), vocabulary).neutral.keys()].filter((f) => f.startsWith('name:'));
    const prose = 'Officials said Colonel Souleymane Dembele had met the drivers in Bamako.\nThe talks lasted weeks, officials said.';
    const withHeading = 'Officials said Colonel Souleymane Dembele had met the drivers in Bamako.\nA Deal at the Expense of Regional Security\nThe talks lasted weeks, officials said.';
    expect(names(withHeading)).toEqual(names(prose));
    // A long line in capitals is prose, not a heading; a name the prose writes stays a name.
    expect(names(`${prose}\nA Quiet Word With Dembele`)).toEqual(names(prose));
  });

  it('weighs features near uniformly in a small store, so an event scores the same with few stories stored or many', () => {
    const few = new MemoryDocumentFrequencies();
    for (let i = 0; i < 5; i++) few.add(['en:mali', ...(i === 0 ? ['en:rif'] : [])]);
    const many = new MemoryDocumentFrequencies();
    for (let i = 0; i < 10_000; i++) many.add([i % 2 === 0 ? 'en:mali' : 'en:niger', ...(i === 0 ? ['en:rif'] : [])]);
    // Seen once against seen everywhere: barely apart in five documents, far apart in ten thousand.
    expect(idf(few, 'en:rif') / idf(few, 'en:mali')).toBeLessThan(1.2);
    expect(idf(many, 'en:rif') / idf(many, 'en:mali')).toBeGreaterThan(3);
  });

  it('compares an article with the accounts of an event in its own language, undiluted by the others', () => {
    const df = new MemoryDocumentFrequencies();
    const event = newEvent('e', T0);
    const add = (a: ClusterArticle) => {
      const r = rawFeatures(a, vocabulary);
      df.add([...r.terms.keys(), ...r.neutral.keys()]);
      addMember(event, { articleId: a.id, url: a.url, title: a.title, outlet: a.outlet, language: a.language, at: T0, score: 1, duplicateOf: null }, weigh(r, df), df.documents());
    };
    const english = article('Gunmen attack army convoy near Gao', 'Gunmen attacked an army convoy near Gao on Tuesday, the army said.', T0);
    add(english);
    const r = rawFeatures(english, vocabulary);
    const side = { language: 'en', at: T0, words: r.words };
    const alone = pairFeatures(weigh(r, df), side, event)[0]!;
    add({ ...article('Un convoi militaire attaqué près de Gao', "Des hommes armés ont attaqué un convoi de l'armée près de Gao mardi, selon l'armée.", T0), language: 'fr' });
    expect(pairFeatures(weigh(r, df), side, event)[0]!).toBeCloseTo(alone, 1);
  });

  it('is deterministic: the same stream twice gives the same events and ids', async () => {
    const stream = [
      article('Gunmen attack army convoy near Gao', 'Gunmen attacked an army convoy near Gao on Tuesday, the army said.', T0),
      article('Army convoy ambushed near Gao', 'An army convoy was ambushed near Gao, officials said.', T0 + HOUR),
      article('Fuel tanker convoy escorted to Ouagadougou', 'Soldiers escorted a convoy of fuel tankers to Ouagadougou on Thursday.', T0 + 48 * HOUR),
    ];
    const once = async () => {
      const { clusterer } = memoryClusterer(vocabulary);
      const out: string[] = [];
      for (const a of stream) out.push((await clusterer.assign(a)).eventId);
      return out;
    };
    const a = await once();
    expect(await once()).toEqual(a);
    expect(a[2]).not.toBe(a[0]);
  });
});
