import { describe, expect, it } from 'vitest';
import { loadLabelledSet } from '../../bench/cluster/labelled-set.js';
import { Clusterer, MemoryDocumentFrequencies, MemoryEventIndex, extractKeys, loadVocabulary, type ClusterArticle } from '../../src/cluster/index.js';
import { MemoryDuplicateIndex } from '../../src/dedup/index.js';
import { tokenize } from '../../src/text/index.js';
import { loadPlantedEvent } from '../compare/fixtures.js';

/**
 * A store holding only two accounts of one story in two languages: no other article tells the
 * clusterer which keys are rare, and the accounts share no word, only language-neutral keys.
 */
const vocabulary = loadVocabulary();

function fresh() {
  return new Clusterer({ vocabulary, events: new MemoryEventIndex(), frequencies: new MemoryDocumentFrequencies(), duplicates: new MemoryDuplicateIndex() });
}

const planted = loadPlantedEvent().input.articles;
const plantedArticle = (id: string): ClusterArticle => {
  const a = planted.find((x) => x.id === id)!;
  return { id: a.id, url: a.url, language: a.language, title: a.title, text: a.text, outlet: a.outlet, published: new Date(a.published!) };
};
const labelled = loadLabelledSet();
const labelledArticle = (id: string): ClusterArticle => labelled.find((l) => l.article.id === id)!.article;

async function twoArticleStore(first: ClusterArticle, second: ClusterArticle) {
  const c = fresh();
  const a = await c.assign(first);
  const b = await c.assign(second);
  return { a, b };
}

describe('cross-lingual accounts in a two-article store', () => {
  it.each([
    ['an English and an Arabic account', 'sahelwire-en', 'sahelarabic-ar'],
    ['an English and another Arabic account', 'sahelwire-en', 'le360-ar'],
    ['an English and a French account', 'sahelwire-en', 'hespress-fr'],
  ])('joins %s of one story', async (_, first, second) => {
    const { a, b } = await twoArticleStore(plantedArticle(first), plantedArticle(second));
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(b.eventId).toBe(a.eventId);
    expect(b.why.parts.sameLanguage).toBe(false);
  });

  // Look-alikes across languages: the same drivers kidnapped months before, Moroccan drivers
  // killed elsewhere, Malian soldiers freed, a Spanish hostage freed.
  it.each([
    ['sahelwire-en', 'kidnap-ar'],
    ['sahelwire-en', 'kidnap-fr'],
    ['sahelwire-en', 'kayes-ar'],
    ['sahelwire-en', 'kayes-fr'],
    ['sahelwire-en', 'fama-ar'],
    ['sahelwire-en', 'spanish-fr'],
    ['fama-en', 'spanish-ar'],
  ])('keeps %s and %s, different stories, apart', async (x, y) => {
    const [first, second] = [labelledArticle(x), labelledArticle(y)].sort((p, q) => p.published!.getTime() - q.published!.getTime());
    const { a, b } = await twoArticleStore(first!, second!);
    expect(b.created).toBe(true);
    expect(b.eventId).not.toBe(a.eventId);
  });
});

describe('calendar words', () => {
  it('are not read as names in any language', () => {
    const read = (text: string, language: string) => extractKeys(tokenize(text, language), vocabulary, language);
    expect([...read('Officials said on Friday in August that Mohammedine had left.', 'en').names]).toEqual(['name:mhmdn']);
    expect([...read('Les officiels ont dit Vendredi en Août que Mohammedine était parti.', 'fr').names]).toEqual(['name:mhmdn']);
    // Arabic has no capitals: every content word gives a skeleton, but a calendar word none.
    expect([...read('قال المسؤولون يوم الجمعة في أغسطس', 'ar').arabicNames]).toEqual([...read('قال المسؤولون', 'ar').arabicNames]);
  });
});
