import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../../src/cluster/index.js';
import { bcubed } from '../../bench/cluster/bcubed.js';
import { loadHeadlines } from '../../bench/cluster/headlines.js';
import { finalEvents, runStream } from '../../bench/cluster/run.js';

// Acceptance on the UCI headline benchmark (issue 4): B3 F1 >= 0.80, twice the plain TF-IDF baseline.
describe('headline benchmark', () => {
  it('reads the 6,366 complete rows in time order', () => {
    const h = loadHeadlines();
    expect(h).toHaveLength(6366);
    expect(new Set(h.map((x) => x.gold)).size).toBe(87);
    for (let i = 1; i < h.length; i++) expect(h[i]!.article.published!.getTime()).toBeGreaterThanOrEqual(h[i - 1]!.article.published!.getTime());
  });

  it('clusters the stream with B3 F1 >= 0.80', async () => {
    const h = loadHeadlines();
    const run = await runStream(h, loadVocabulary());
    const score = bcubed(h.map((x) => x.gold), await finalEvents(run, h));
    expect(score.f1).toBeGreaterThanOrEqual(0.8);
  }, 60_000);
});
