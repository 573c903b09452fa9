import { describe, expect, it } from 'vitest';
import { compareEvent, loadFramingLexicon } from '../../src/compare/index.js';
import { loadVocabulary } from '../../src/cluster/index.js';
import { article, EVENT } from './helpers.js';

const context = { vocabulary: loadVocabulary(), framing: loadFramingLexicon() };

const wire = article({
  id: 'wire',
  published: '2025-08-01T19:00:00Z',
  text: 'Four drivers were freed on Friday. The statement gave no details.\nMorocco thanked Mali.',
});
// The copy changes one sentence, drops one, adds a credit line to another and adds one.
const copy = article({
  id: 'copy',
  country: 'MA',
  published: '2025-08-01T22:15:00Z',
  duplicateOf: 'wire',
  text: 'Four drivers were freed on Friday. (Sahel Wire)\nMorocco thanked Mali warmly. Families were relieved.',
});
// A copy of the copy belongs to the first original.
const copy2 = article({ id: 'copy2', published: '2025-08-02T01:00:00Z', duplicateOf: 'copy', text: wire.text });
const other = article({ id: 'other', language: 'fr', country: 'MA', published: '2025-08-01T20:10:00Z', text: 'Quatre chauffeurs libérés.' });
// duplicateOf an article that is not in the event: an account of its own.
const orphan = article({ id: 'orphan', published: null, discoveredAt: '2025-08-01T18:00:00Z', duplicateOf: 'elsewhere', text: 'Drivers freed.' });

describe('accounts', () => {
  const c = compareEvent({ event: EVENT, articles: [copy2, other, copy, wire, orphan] }, context);

  it('folds copies (and copies of copies) under their original, earliest account first', () => {
    expect(c.accounts.map((a) => a.url)).toEqual([orphan.url, wire.url, other.url]);
    expect(c.accounts[1]!.copies.map((x) => x.url)).toEqual([copy.url, copy2.url]);
    expect(c.accounts[0]!.copies).toEqual([]);
    expect(c.event.articleCount).toBe(5);
  });

  it('keeps what a copy added and dropped, ignoring credit lines', () => {
    const [first, second] = c.accounts[1]!.copies;
    expect(first!.added).toEqual(['Morocco thanked Mali warmly.', 'Families were relieved.']);
    expect(first!.dropped).toEqual(['The statement gave no details.', 'Morocco thanked Mali.']);
    expect(first!.country).toBe('MA');
    expect(second!.added).toEqual([]);
    expect(second!.dropped).toEqual([]);
  });
});

describe('timeline', () => {
  const c = compareEvent({ event: EVENT, articles: [copy2, other, copy, wire, orphan] }, context);

  it('orders every article, copies included, with minutes after the first report', () => {
    expect(c.timeline.map((t) => [t.url, t.afterFirstMinutes, t.copyOf])).toEqual([
      [orphan.url, 0, null],
      [wire.url, 60, null],
      [other.url, 130, null],
      [copy.url, 255, wire.url],
      [copy2.url, 420, wire.url],
    ]);
    expect(c.timeline[0]!.at).toBe('2025-08-01T18:00:00.000Z');
  });

  it('marks the first overall, the first from each country and in each language', () => {
    expect(c.timeline.map((t) => [t.first, t.firstFromCountry, t.firstInLanguage])).toEqual([
      [true, true, true], // ML, en
      [false, false, false],
      [false, true, true], // MA, fr
      [false, false, false], // MA, en: not first anywhere
      [false, false, false],
    ]);
  });

  it('does not depend on the order the articles come in', () => {
    const reversed = compareEvent({ event: EVENT, articles: [orphan, wire, copy, other, copy2] }, context);
    expect(reversed.timeline).toEqual(c.timeline);
    expect(reversed.accounts).toEqual(c.accounts);
  });
});
