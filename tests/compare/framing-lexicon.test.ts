import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFramingLexicon, parseFramingText } from '../../src/compare/index.js';

describe('framing lexicon', () => {
  it('loads the shipped lexicon in three languages, categories shared across them', () => {
    const lexicon = loadFramingLexicon();
    const entries = [...lexicon.entries.values()];
    expect(new Set(entries.map((e) => e.language))).toEqual(new Set(['en', 'fr', 'ar']));
    const actors = entries.filter((e) => e.category === 'actors');
    expect(new Set(actors.map((e) => e.language))).toEqual(new Set(['en', 'fr', 'ar']));
    expect(entries.find((e) => e.term === 'terrorists')).toMatchObject({ loaded: true, language: 'en' });
    expect(entries.find((e) => e.term === 'armed men')).toMatchObject({ loaded: false });
  });

  it('names file, line and field of every problem', () => {
    const source = 'language: en\ncategories:\n  - category: Actors\n    note: ok\n    loaded: []\n';
    expect(() => parseFramingText('x.yaml', source)).toThrow(/x\.yaml:3: categories\[0\]\.category: must be lower-case/);
    expect(() => parseFramingText('x.yaml', source)).toThrow(/x\.yaml:5: categories\[0\]\.loaded: must list at least one loaded term/);
    expect(() => parseFramingText('x.yaml', 'language: de\ncategories: []\n')).toThrow(/x\.yaml:1: language:/);
  });

  it('loads a directory of its own (an analyst edits a copy)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'framing-'));
    writeFileSync(join(dir, 'en.yaml'), 'language: en\ncategories:\n  - category: c\n    note: n\n    loaded: [thugs]\n');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const lexicon = loadFramingLexicon(dir);
    expect([...lexicon.entries.values()].map((e) => e.term)).toEqual(['thugs']);
    expect(() => loadFramingLexicon(join(dir, 'missing'))).toThrow();
  });
});
