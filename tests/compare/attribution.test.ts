import { describe, expect, it } from 'vitest';
import { findQuotes, findSources } from '../../src/compare/attribution.js';

describe('quotes', () => {
  it('finds quotes with the speaker before or after, in three languages', () => {
    expect(findQuotes('"No ransom was paid," government spokesman Issa Koné told reporters.')).toEqual([{ text: 'No ransom was paid', speaker: 'government spokesman Issa Koné' }]);
    expect(findQuotes('"We paid nothing at all," said Colonel Diallo, the army spokesman.')).toEqual([{ text: 'We paid nothing at all', speaker: 'Colonel Diallo, the army spokesman' }]);
    expect(findQuotes('« Aucune rançon n’a été versée », a déclaré le ministre.')).toEqual([{ text: 'Aucune rançon n’a été versée', speaker: 'le ministre' }]);
    expect(findQuotes('وقال المتحدث باسم الحكومة: «لم ندفع أي فدية للخاطفين».')).toEqual([{ text: 'لم ندفع أي فدية للخاطفين', speaker: 'المتحدث باسم الحكومة' }]);
  });

  it('leaves scare quotes and unattributed quotes as they are', () => {
    expect(findQuotes('held in the “three borders” region')).toEqual([]);
    expect(findQuotes('The slogan "never again, never here" was painted on walls.')).toEqual([{ text: 'never again, never here', speaker: null }]);
  });
});

describe('sources', () => {
  it('finds cited and anonymous sources', () => {
    expect(findSources('According to a security source, the drivers are safe.')).toEqual(['a security source']);
    expect(findSources('Two local sources said the convoy was attacked.')).toEqual(['Two local sources']);
    expect(findSources('Selon le communiqué, l’opération a réussi.')).toEqual(['le communiqué']);
    expect(findSources('Des sources sécuritaires évoquent une rançon.')).toEqual(['Des sources sécuritaires']);
    expect(findSources('وحسب مصادر محلية، جاء الإفراج نتيجة صفقة.')).toEqual(['مصادر محلية']);
    expect(findSources('قال مصدر أمني إن السائقين بخير.')).toEqual(['مصدر أمني']);
  });

  it('does not take a funding source for a cited one', () => {
    expect(findSources('Cannabis has been the number one funding source for armed groups.')).toEqual([]);
  });
});
