import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../../src/cluster/index.js';
import { compareEvent, loadFramingLexicon } from '../../src/compare/index.js';
import { loadLabelledEvents, loadPlantedEvent } from './fixtures.js';

// Issue 5, acceptance 1: every divergence planted in tests/fixtures/compare/hostage-release.yaml is
// reported, and nothing else. The expected sets are the fixture's own `planted` section.
const context = { vocabulary: loadVocabulary(), framing: loadFramingLexicon() };
const { input, planted, url } = loadPlantedEvent();
const c = compareEvent(input, context);
const urls = (ids: string[]) => ids.map(url).sort();
const sorted = (list: string[]) => [...list].sort();

describe('the planted event (hostage-release.yaml)', () => {
  it('is the event the issue asks for', () => {
    expect(c.accounts.length).toBeGreaterThanOrEqual(6);
    expect(new Set(input.articles.map((a) => a.language))).toEqual(new Set(['en', 'fr', 'ar']));
    expect(input.articles.some((a) => a.duplicateOf)).toBe(true);
    expect(planted.conflicts.length).toBeGreaterThanOrEqual(2);
    expect(planted.unique.length).toBeGreaterThanOrEqual(1);
  });

  it('reports exactly the planted conflicts, each value with the accounts that give it', () => {
    const reported = c.conflicts.map((x) => ({ kind: x.kind, values: Object.fromEntries(x.values.map((v) => [v.value, sorted(v.articles)])) }));
    const expected = planted.conflicts.map((p) => ({ kind: p.kind, values: Object.fromEntries(Object.entries(p.values).map(([v, ids]) => [v, urls(ids)])) }));
    const key = (x: { kind: string; values: Record<string, string[]> }) => JSON.stringify([x.kind, Object.entries(x.values).sort()]);
    expect(reported.map(key).sort()).toEqual(expected.map(key).sort());
    for (const x of c.conflicts) for (const v of x.values) expect(v.quotes.length).toBeGreaterThan(0);
    expect(c.conflicts.map((x) => x.about).sort()).toEqual(['amount of ransom', 'date of kidnap', 'number of Moroccan drivers']);
  });

  it('reports exactly the planted unique claims, by account or by country', () => {
    const reported = c.claims.filter((x) => x.unique).map((x) => ({
      articles: sorted(x.articles),
      country: x.uniqueTo?.kind === 'country' ? x.uniqueTo.country : null,
    }));
    const expected = planted.unique.map((p) => ({ articles: urls(p.articles), country: p.country }));
    const key = (x: object) => JSON.stringify(x);
    expect(reported.map(key).sort()).toEqual(expected.map(key).sort());
    for (const p of planted.unique) {
      const claim = c.claims.find((x) => x.unique && sorted(x.articles).join() === urls(p.articles).join())!;
      expect(claim.wordings.map((w) => w.text).join(' ')).toContain(p.says);
      expect(claim.shared).toBe(false);
    }
  });

  it('tells shared claims (most accounts) from the rest, across the three languages', () => {
    const shared = c.claims.filter((x) => x.shared);
    expect(shared.length).toBeGreaterThanOrEqual(2);
    for (const x of shared) {
      expect(x.articles.length * 2).toBeGreaterThan(c.accounts.length);
      expect(new Set(x.wordings.map((w) => w.language)).size).toBeGreaterThanOrEqual(2);
      expect(x.unique).toBe(false);
    }
    // The release itself: every account, in every language.
    expect(c.claims[0]!.articles.length).toBe(c.accounts.length);
    // A copy makes no claim of its own.
    const copies = input.articles.filter((a) => a.duplicateOf).map((a) => a.url);
    for (const x of c.claims) for (const u of x.articles) expect(copies).not.toContain(u);
  });

  it('reports exactly the planted contradiction', () => {
    expect(c.contradictions.map((x) => ({ about: x.about, asserts: sorted(x.asserts.articles), denies: sorted(x.denies.articles) }))).toEqual(
      planted.contradictions.map((p) => ({ about: 'ransom', asserts: urls(p.asserts), denies: urls(p.denies) })),
    );
  });

  it('reports exactly the planted loaded terms, with what the others say instead', () => {
    expect(c.framing.map((f) => ({ term: f.term, articles: sorted(f.articles) })).sort((a, b) => a.term.localeCompare(b.term))).toEqual(
      planted.framing.map((p) => ({ term: p.term, articles: urls(p.articles) })).sort((a, b) => a.term.localeCompare(b.term)),
    );
    expect(c.framing.find((f) => f.term === 'junte')!.othersUse).toEqual(expect.arrayContaining(['gouvernement de transition', 'المجلس العسكري']));
  });

  it('folds the syndicated copy under its original with the sentence it changed', () => {
    for (const p of planted.copies) {
      const account = c.accounts.find((a) => a.url === url(p.of))!;
      const copy = account.copies.find((x) => x.url === url(p.copy))!;
      expect([copy.added.length, copy.dropped.length]).toEqual([p.added, p.dropped]);
    }
    expect(c.accounts.map((a) => a.url)).not.toContain(url('westafricadaily-en'));
  });

  it('finds quotes with their speakers, cited sources and entities named by some accounts only', () => {
    expect(c.quotes.map((q) => [q.speaker, q.text, q.article])).toEqual([
      ['le ministre de la Sécurité, le général Daoud Aly Mohammedine', "Aucune rançon n'a été versée", url('ortm-fr')],
      ['government spokesman Issa Koné', 'No ransom was paid to the terrorists', url('malidaily-en')],
    ]);
    expect(c.sources.map((s) => [s.source, s.article])).toEqual(
      expect.arrayContaining([
        ['le communiqué', url('ortm-fr')],
        ['مصادر محلية', url('sahelarabic-ar')],
        ['des sources sécuritaires', url('revuedusahel-fr')],
      ]),
    );
    const entity = (name: string) => c.entities.find((e) => e.name === name);
    expect(entity('Dadi Ould Cheib')).toMatchObject({ articles: [url('revuedusahel-fr')], everyAccount: false });
    expect(entity('Morocco')).toMatchObject({ everyAccount: true });
    expect(entity('foreign ministry')!.articles.sort()).toEqual(urls(['hespress-fr', 'le360-ar']));
  });

  it('is deterministic and independent of the order of its input', () => {
    const again = compareEvent({ ...input, articles: [...input.articles].reverse() }, context);
    expect(again).toEqual(c);
  });
});

describe('other events of the labelled set (tests/fixtures/events)', () => {
  const events = loadLabelledEvents();

  it('reports no conflict and no contradiction where the accounts agree', () => {
    expect(events.size).toBeGreaterThanOrEqual(10);
    for (const [id, event] of events) {
      const other = compareEvent(event, context);
      expect(other.conflicts, id).toEqual([]);
      expect(other.contradictions, id).toEqual([]);
    }
  });

  it('aligns the Kayes ambush across English, French and Arabic into a shared claim', () => {
    const kayes = compareEvent(events.get('kayes-ambush')!, context);
    const shared = kayes.claims.filter((x) => x.shared);
    expect(shared.length).toBeGreaterThanOrEqual(1);
    expect(new Set(shared.flatMap((x) => x.wordings.map((w) => w.language)))).toEqual(new Set(['en', 'fr', 'ar']));
  });
});
