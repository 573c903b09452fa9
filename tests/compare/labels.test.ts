import { describe, expect, it } from 'vitest';
import { loadJudgedEvents } from '../../bench/compare/ecbplus.js';
import { loadVocabulary } from '../../src/cluster/index.js';
import { compareEvent, loadFramingLexicon, type CompareInput, type Comparison } from '../../src/compare/index.js';
import { comparisonMarkdown } from '../../src/compare/markdown.js';
import { renderComparison } from '../../src/web/comparison-page.js';
import { loadLabelledEvents, loadPlantedEvent } from './fixtures.js';

// No stem in any label of the page, the Markdown report or the JSON. A
// label word must be a word of the accounts themselves, a word of a vocabulary key, or a word of
// the label's own frame ("number of", an outcome such as "killed").
const context = { vocabulary: loadVocabulary(), framing: loadFramingLexicon() };
const FRAME = new Set(['number', 'of', 'date', 'amount', 'duration', 'people', 'personnes', 'أشخاص', 'killed', 'injured', 'shot', 'arrested', 'charged', 'destroyed', 'damaged', 'missing', 'rescued', 'evacuated', 'displaced', 'escaped', 'loot', 'damage', 'reward', 'fine', 'bail', 'contract']);
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [];

function labels(c: Comparison): { where: string; label: string }[] {
  const json = JSON.parse(JSON.stringify(c)) as Comparison;
  const page = String(renderComparison(c));
  const markdown = comparisonMarkdown(c);
  return [
    ...[...json.conflicts, ...(json.changes ?? []), ...json.contradictions].map((x) => ({ where: 'json', label: x.about })),
    ...[...page.matchAll(/<h3>(?:Conflicting \w+|Contradiction|Changed over time): ([^<]*)<\/h3>/g)].map((m) => ({ where: 'page', label: m[1]! })),
    ...[...markdown.matchAll(/^- \*\*([^*]+)\*\*(?: \(\w+\)$|:|$)/gm)].map((m) => ({ where: 'markdown', label: m[1]! })),
  ];
}

function stemsIn(input: CompareInput, c: Comparison): string[] {
  const known = new Set([...FRAME, ...input.articles.flatMap((a) => wordsOf(`${a.title} ${a.text}`))]);
  for (const key of context.vocabulary.keys.keys()) for (const w of wordsOf(key.replace(/[-:]/g, ' '))) known.add(w);
  const found = labels(c);
  return found.flatMap(({ where, label }) => wordsOf(label).filter((w) => !known.has(w)).map((w) => `${where}: "${label}" (${w})`));
}

describe('labels are words the accounts use, never stems', () => {
  it('in the demo events: the planted accounts and the labelled set', () => {
    const demo = [loadPlantedEvent().input, ...loadLabelledEvents().values()];
    const all = demo.map((e) => ({ e, c: compareEvent(e, context) })).map(({ e, c }) => ({ labels: labels(c).length, stems: stemsIn(e, c) }));
    expect(all.reduce((n, e) => n + e.labels, 0)).toBeGreaterThan(0);
    expect(all.flatMap((e) => e.stems)).toEqual([]);
  });

  it('in real English events (the judged ECB+ events)', { timeout: 60_000 }, () => {
    const events = [...loadJudgedEvents().values()].map((e) => e.input);
    const all = events.map((e) => ({ e, c: compareEvent(e, context) })).map(({ e, c }) => ({ labels: labels(c).length, stems: stemsIn(e, c) }));
    expect(all.reduce((n, e) => n + e.labels, 0)).toBeGreaterThan(0);
    expect(all.flatMap((e) => e.stems)).toEqual([]);
  });
});
