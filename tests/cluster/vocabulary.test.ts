import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/yaml-file.js';
import { compileVocabulary, extractKeys, loadVocabulary, parseVocabularyText } from '../../src/cluster/index.js';
import { tokenize } from '../../src/text/index.js';

const vocabulary = loadVocabulary();
const keysOf = (text: string, lang: string) => [...extractKeys(tokenize(text, lang), vocabulary, lang).keys].sort();

describe('shipped vocabulary', () => {
  it('loads, with countries on places', () => {
    expect(vocabulary.keys.get('place:mali')).toEqual({ id: 'place:mali', kind: 'place', country: 'ML' });
    expect(vocabulary.keys.size).toBeGreaterThan(80);
  });

  it('gives one key to the same thing in three languages', () => {
    const en = keysOf('Islamic State released four Moroccan hostages in Mali', 'en');
    const fr = keysOf("L'État islamique a libéré quatre otages marocains au Mali", 'fr');
    const ar = keysOf('تنظيم الدولة أفرج عن أربعة رهائن مغاربة في مالي', 'ar');
    const expected = ['group:islamic-state-sahel', 'place:mali', 'place:morocco', 'topic:hostage'];
    for (const keys of [en, fr, ar]) for (const k of expected) expect(keys).toContain(k);
    expect(en).toContain('action:release');
    expect(fr).toContain('action:release');
  });

  it('prefers the longest phrase', () => {
    expect(keysOf('Mali and the Alliance of Sahel States', 'en')).toEqual(['institution:aes', 'place:mali']);
  });

  it('matches forms of the text language only ("UN" is not the French "un")', () => {
    expect(keysOf('Un convoi de camions', 'fr')).toEqual(['topic:convoy']);
    expect(keysOf('The UN mission', 'en')).toEqual(['institution:united-nations']);
  });

  it('reads numbers, Arabic teens included, and name skeletons across scripts', () => {
    const ar = extractKeys(tokenize('تحرير أحد عشر جنديا وأبو الدرداء', 'ar'), vocabulary, 'ar');
    const en = extractKeys(tokenize('Eleven soldiers and Abu Darda were freed', 'en'), vocabulary, 'en');
    expect(ar.numbers).toEqual(new Set(['num:11']));
    expect(en.numbers).toEqual(new Set(['num:11']));
    expect(ar.arabicNames.has('name:drd')).toBe(true);
    expect(en.names.has('name:drd')).toBe(true);
  });
});

describe('vocabulary files', () => {
  it('reports file, line and field of a bad entry', () => {
    const source = 'kind: place\nentries:\n  - key: mali\n    en: [Mali]\n  - key: Bad Key\n    fr: [x]\n';
    try {
      parseVocabularyText('places.yaml', source);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/^places\.yaml:5: entries\[1\]\.key: must be lower-case/);
    }
  });

  it('rejects an entry without forms and an unknown kind', () => {
    expect(() => parseVocabularyText('v.yaml', 'kind: place\nentries:\n  - key: x\n')).toThrow(/v\.yaml:3: entries\[0\]: must list at least one form/);
    expect(() => parseVocabularyText('v.yaml', 'kind: planet\nentries:\n  - key: x\n    en: [X]\n')).toThrow(/v\.yaml:1: kind/);
  });

  it('compiles parsed files into keys', () => {
    const file = parseVocabularyText('t.yaml', 'kind: action\nentries:\n  - key: vote\n    en: [ballot]\n    fr: [scrutin]\n');
    const v = compileVocabulary([file]);
    expect([...extractKeys(tokenize('Le scrutin', 'fr'), v, 'fr').keys]).toEqual(['action:vote']);
  });
});
