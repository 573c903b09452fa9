import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/compare/index.js';

describe('splitSentences', () => {
  it('splits English prose, keeping abbreviations, initials and decimals inside sentences', () => {
    expect(splitSentences('Mr. Smith met Gen. Goita in the U.S. capital. The deal cost 3.5 million dollars! Was it paid? Nobody knows.')).toEqual([
      'Mr. Smith met Gen. Goita in the U.S. capital.',
      'The deal cost 3.5 million dollars!',
      'Was it paid?',
      'Nobody knows.',
    ]);
  });

  it('ends a sentence after a closing quote and never joins lines', () => {
    expect(splitSentences('He said: "We paid nothing." Then he left\nA heading\n\n- a bullet')).toEqual([
      'He said: "We paid nothing."',
      'Then he left',
      'A heading',
      '- a bullet',
    ]);
  });

  it('splits French with guillemets and M. as an abbreviation', () => {
    expect(splitSentences('M. Diop a parlé. « Aucune rançon n’a été versée. » Les otages sont libres.')).toEqual([
      'M. Diop a parlé.',
      '« Aucune rançon n’a été versée. »',
      'Les otages sont libres.',
    ]);
  });

  it('splits Arabic on the full stop and the Arabic question mark', () => {
    expect(splitSentences('أعلنت السلطات الإفراج عن السائقين. هل دفعت فدية؟ لم تعلق الحكومة.')).toEqual([
      'أعلنت السلطات الإفراج عن السائقين.',
      'هل دفعت فدية؟',
      'لم تعلق الحكومة.',
    ]);
  });

  it('does not split before a lower-case word (an ellipsis or a stray dot mid-sentence)', () => {
    expect(splitSentences('The talks... continued for weeks. Then came news.')).toEqual(['The talks... continued for weeks.', 'Then came news.']);
  });
});
