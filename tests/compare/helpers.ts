import type { CompareArticle } from '../../src/compare/index.js';

/** An article with defaults for what a test does not care about. */
export function article(over: Partial<CompareArticle> & Pick<CompareArticle, 'id'>): CompareArticle {
  return {
    url: `https://${over.id}.example/story`,
    outlet: over.id,
    country: 'ML',
    language: 'en',
    title: over.id,
    published: null,
    discoveredAt: '2025-08-01T00:00:00Z',
    duplicateOf: null,
    text: '',
    ...over,
  };
}

export const EVENT = { id: 'ev-1', title: 'Event', firstSeen: '2025-08-01T00:00:00Z', lastUpdated: '2025-08-02T00:00:00Z' };
