import { describe, expect, test } from 'vitest';
import { corpusCases, corpusFiles } from './corpus-cases.js';

// One test per machine-checkable case of the real-world corpus (see corpus-cases.ts and CORPUS.md).
const cases = corpusCases();

describe('feed corpus', () => {
  test('covers every fixture file of the corpus', () => {
    // Every file is some case's input or expectation: a fixture cannot silently drop out of the suite.
    const used = new Set(cases.flatMap((c) => c.files));
    expect(corpusFiles().filter((f) => !used.has(f))).toEqual([]);
    expect([...used].filter((f) => !corpusFiles().includes(f))).toEqual([]);
  });

  test.each(cases.map((c) => [c.name, c.check] as const))('%s', async (_name, check) => {
    await check();
  });
});
