import { describe, expect, test } from 'vitest';
import {
  costWindow, DAY_MS, dailyCycleShare, publicationTime, scaleReport, storyOf, StoryStream, synthesiseArticle, timeOfDayAt,
  type Language, type SourceDoc,
} from '../../bench/scale/synthetic.js';

const START = Date.UTC(2025, 11, 1);

describe('publication schedule', () => {
  test('a year at n/365 a day, in order, each day full', () => {
    const n = 36_500;
    const times = Array.from({ length: n }, (_, i) => publicationTime(i, n, START));
    expect(times.findIndex((t, i) => i > 0 && t <= times[i - 1]!)).toBe(-1);
    expect(times[0]).toBe(START);
    expect(times[n - 1]).toBeLessThan(START + 365 * DAY_MS);
    const perDay = new Map<number, number>();
    for (const t of times) perDay.set(Math.floor((t - START) / DAY_MS), (perDay.get(Math.floor((t - START) / DAY_MS)) ?? 0) + 1);
    expect(perDay.size).toBe(365);
    expect(new Set(perDay.values())).toEqual(new Set([100]));
  });

  test('more is published around midday than around midnight', () => {
    const n = 365 * 1000;
    const hours = new Array<number>(24).fill(0);
    for (let i = 0; i < 1000; i++) hours[new Date(publicationTime(i, n, START)).getUTCHours()]!++;
    expect(hours[12]!).toBeGreaterThan(3 * hours[0]!);
    expect(hours[0]!).toBeGreaterThan(0);
  });

  test('the time of day inverts the cumulative share', () => {
    for (const share of [0, 0.1, 0.5, 0.77, 1]) expect(dailyCycleShare(timeOfDayAt(share, 0.7), 0.7)).toBeCloseTo(share, 6);
    expect(timeOfDayAt(0.5, 0.7)).toBeCloseTo(0.5, 6);
  });
});

describe('stories', () => {
  const doc = (k: number): SourceDoc => ({ language: 'en', title: `Title ${k}`, sentences: [`Sentence one of ${k} has several words in it.`, `Another sentence of document ${k}.`] });
  const docs: Record<Language, SourceDoc[]> = { en: Array.from({ length: 50 }, (_, k) => doc(k)), fr: [], ar: [] };

  test('a stream starts new stories and continues running ones', () => {
    const stream = new StoryStream(1);
    const seen = new Map<number, number>();
    for (let i = 0; i < 4000; i++) {
      const { story } = stream.next(START + i * 60_000);
      seen.set(story, (seen.get(story) ?? 0) + 1);
    }
    const mean = 4000 / stream.count();
    expect(mean).toBeGreaterThan(2.5);
    expect(mean).toBeLessThan(6);
    expect(Math.max(...seen.values())).toBeGreaterThan(10);
  });

  test('a story ends after its life: later articles start new ones', () => {
    const stream = new StoryStream(2);
    const first = stream.next(START).story;
    const later = Array.from({ length: 200 }, (_, i) => stream.next(START + 3 * DAY_MS + i).story);
    expect(later).not.toContain(first);
  });

  test('accounts of a story share its names, a copy repeats the first account, others differ', () => {
    const s = storyOf(7, docs);
    expect(storyOf(7, docs)).toEqual(s);
    expect(storyOf(8, docs).names).not.toEqual(s.names);
    const a = synthesiseArticle(s, 100);
    const b = synthesiseArticle(s, 101);
    expect(a.title.startsWith(s.names[0]!)).toBe(true);
    expect(b.title.startsWith(s.names[0]!)).toBe(true);
    expect(synthesiseArticle(s, 100)).toEqual(a);
    expect(b.text).not.toBe(a.text);
  });
});

describe('the JSON contract', () => {
  test('every mark is present, null beyond the run', () => {
    const r = scaleReport(100_000, 1234, 321, new Map([[10_000, 900.4], [100_000, 1100.6]]));
    expect(r).toEqual({ articles: 100_000, startToFirstAssignMs: 1234, peakRssMiB: 321, usPerArticle: { '10000': 900, '100000': 1101, '1000000': null } });
    expect(Object.keys(JSON.parse(JSON.stringify(r)).usPerArticle)).toEqual(['10000', '100000', '1000000']);
  });

  test('the cost window ends at the mark and exists only within the run', () => {
    expect(costWindow(10_000, 20_000, 2000)).toEqual({ from: 8000, to: 10_000 });
    expect(costWindow(1_000_000, 1_000_000, 2000)).toEqual({ from: 998_000, to: 1_000_000 });
    expect(costWindow(100_000, 20_000, 2000)).toBeNull();
  });
});
