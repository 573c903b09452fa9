import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../../src/cluster/index.js';
import { analyseSentence } from '../../src/compare/analyse.js';
import { loadFramingLexicon } from '../../src/compare/index.js';

const context = { vocabulary: loadVocabulary(), framing: loadFramingLexicon() };
const polarity = (text: string, language: string, key = 'topic:ransom') =>
  analyseSentence(text, 0, language, new Date('2025-08-02T00:00:00Z'), context).polarity.get(key) ?? null;

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
});
