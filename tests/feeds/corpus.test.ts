import { describe, expect, test } from 'vitest';
import { corpusCases } from './corpus-cases.js';

// One test per machine-checkable case of the real-world corpus (see corpus-cases.ts and CORPUS.md).
const cases = corpusCases();

describe('feed corpus', () => {
  test('has every case it should', () => {
    // Guards against a fixture directory silently going missing from the suite.
    expect(cases.filter((c) => c.source === 'gofeed').length).toBeGreaterThan(100);
    expect(cases.filter((c) => c.source === 'miniflux').length).toBe(22);
  });

  test.each(cases.map((c) => [c.name, c.check] as const))('%s', async (_name, check) => {
    await check();
  });
});
