import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../../src/cluster/index.js';
import { compareEvent, loadFramingLexicon } from '../../src/compare/index.js';
import { article, EVENT } from './helpers.js';

const context = { vocabulary: loadVocabulary(), framing: loadFramingLexicon() };

describe('claims', () => {
  const a = article({ id: 'a', country: 'ML', language: 'en', text: 'Four Moroccan truck drivers were freed in Mali. The ECOWAS summit was postponed.' });
  const b = article({ id: 'b', country: 'MA', language: 'fr', text: 'Quatre camionneurs marocains ont été libérés au Mali. Le roi a reçu les familles à Casablanca.' });
  const c = article({ id: 'c', country: 'MA', language: 'ar', text: 'الإفراج عن أربعة سائقين مغاربة في مالي. استقبل الملك العائلات في الدار البيضاء.' });

  it('aligns one fact across three languages as a shared claim', () => {
    const result = compareEvent({ event: EVENT, articles: [a, b, c] }, context);
    expect(result.claims[0]!.articles).toEqual([a.url, b.url, c.url]);
    expect(result.claims[0]!.wordings.map((w) => w.language)).toEqual(['en', 'fr', 'ar']);
    // Two accounts of three are most of them: shared, so not unique to their country.
    const king = result.claims.find((x) => x.articles.length === 2)!;
    expect(king.articles).toEqual([b.url, c.url]);
    expect([king.shared, king.unique]).toEqual([true, false]);
  });

  it('tells a claim of one account from a claim of one country', () => {
    const result = compareEvent({ event: EVENT, articles: [a, b, c] }, context);
    const unique = result.claims.filter((x) => x.unique).map((x) => x.uniqueTo);
    expect(unique).toEqual(expect.arrayContaining([{ kind: 'account', url: a.url }]));
    expect(result.claims.find((x) => x.text.startsWith('The ECOWAS'))!.uniqueTo).toEqual({ kind: 'account', url: a.url });
  });

  it('calls nothing unique to a country when every account is from that country', () => {
    const result = compareEvent({ event: EVENT, articles: [b, c] }, context);
    expect(result.claims.filter((x) => x.uniqueTo?.kind === 'country')).toEqual([]);
  });
});
