import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contradictionKey, score, withoutQuotes, type JudgedEvent } from '../../bench/compare/judged.js';
import { loadPageEvents } from '../../bench/compare/pages.js';
import type { Comparison } from '../../src/compare/index.js';

const comparison = (asserts: string, denies: string) =>
  ({ conflicts: [], changes: [], contradictions: [{ about: 'drone', asserts: { text: asserts, articles: ['a'] }, denies: { text: denies, articles: ['b'] } }] }) as unknown as Comparison;

describe('judgments kept without the quoted texts', () => {
  const judged: JudgedEvent = {
    event: 'e', split: 'pages', missed: [], changes: [],
    conflicts: [{ about: 'people killed', kind: 'count', values: [{ value: '16', quotes: ['sixteen died'] }, { value: '30', quotes: ['thirty died'] }], verdict: true, why: 'two tolls' }],
    contradictions: [{ about: 'drone', asserts: 'The army shot down the drone.', denies: 'The drone was not shot down.', verdict: true, why: 'downed or fell by itself' }],
  };

  test('drops every sentence and keeps the verdict reachable by key', () => {
    const kept = withoutQuotes(judged);
    expect(JSON.stringify(kept)).not.toMatch(/shot down|died/);
    expect(kept.contradictions[0]!.key).toBe(contradictionKey(judged.contradictions[0]!));
    const s = score(comparison('The army shot down the drone.', 'The drone was not shot down.'), kept);
    expect([s.contradictions.correct, s.contradictions.wrong, s.contradictions.unjudged.length]).toEqual([1, 0, 0]);
  });

  test('another sentence pair is not judged by that key', () => {
    const s = score(comparison('The army shot down a drone.', 'The drone was not shot down.'), withoutQuotes(judged));
    expect(s.contradictions.unjudged).toHaveLength(1);
  });
});

describe('page events', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pages-'));
  const line = (id: string, published: string) => JSON.stringify({ id, url: `https://${id}.example/a`, language: 'fr', title: 't', published, text: 'x' });

  test('one event per file, accounts in publication order, outlet from the URL', () => {
    writeFileSync(join(dir, 'drone.jsonl'), `${line('b', '2025-04-02T10:00:00Z')}\n\n${line('a', '2025-04-01T10:00:00Z')}\n`);
    const events = loadPageEvents(dir);
    const input = events.get('drone')!.input;
    expect(input.articles.map((a) => a.id)).toEqual(['a', 'b']);
    expect(input.articles[0]!.outlet).toBe('a.example');
    expect(input.event.firstSeen).toBe('2025-04-01T10:00:00Z');
  });

  test('a bad line names its file and line', () => {
    const bad = mkdtempSync(join(tmpdir(), 'pages-'));
    writeFileSync(join(bad, 'x.jsonl'), `${line('a', '2025-04-01T10:00:00Z')}\n${JSON.stringify({ id: 'b', url: 'https://b.example', language: 'en', title: 't', published: 'soon', text: 'y' })}\n`);
    expect(() => loadPageEvents(bad)).toThrow(/x\.jsonl:2: "published" is not a date/);
  });
});
