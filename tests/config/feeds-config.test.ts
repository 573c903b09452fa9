import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDuration } from '../../src/config/duration.js';
import { DEFAULT_MAX_ITEMS, loadFeedsConfig, parseFeedsConfig } from '../../src/config/feeds-config.js';
import { ConfigError } from '../../src/config/yaml-file.js';

const valid = `feeds:
  - id: ortm
    url: https://www.ortm.ml/feed/
    outlet: ORTM
    country: ml
    language: FR
    tags: [state-media]
  - id: hespress-ar
    url: https://www.hespress.com/feed
    outlet: Hespress
    country: MA
    language: ar
    interval: 1h30m
    robots: false
`;

function problemsOf(source: string): string[] {
  try {
    parseFeedsConfig('config/feeds.yaml', source);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message.split('\n');
  }
  throw new Error('expected a ConfigError');
}

describe('feeds config', () => {
  test('applies defaults and normalises codes', () => {
    const feeds = parseFeedsConfig('f.yaml', valid);
    expect(feeds).toEqual([
      { id: 'ortm', url: 'https://www.ortm.ml/feed/', outlet: 'ORTM', country: 'ML', language: 'fr', intervalMs: 15 * 60_000, tags: ['state-media'], robots: true, maxItems: 500 },
      { id: 'hespress-ar', url: 'https://www.hespress.com/feed', outlet: 'Hespress', country: 'MA', language: 'ar', intervalMs: 90 * 60_000, tags: [], robots: false, maxItems: 500 },
    ]);
  });

  test('maxItems: per feed, or for the whole file, else DEFAULT_MAX_ITEMS; a whole number at least 1', () => {
    expect(DEFAULT_MAX_ITEMS).toBe(500);
    const perFeed = parseFeedsConfig('f.yaml', valid.replace('    robots: false\n', '    robots: false\n    maxItems: 50\n'));
    expect(perFeed.map((f) => f.maxItems)).toEqual([500, 50]);
    const fileWide = parseFeedsConfig('f.yaml', `maxItems: 2000\n${valid.replace('    robots: false\n', '    robots: false\n    maxItems: 50\n')}`);
    expect(fileWide.map((f) => f.maxItems)).toEqual([2000, 50]);
    expect(problemsOf(valid.replace('    robots: false\n', '    robots: false\n    maxItems: 0\n'))).toEqual([expect.stringMatching(/:15: feeds\[1\]\.maxItems: must be at least 1/)]);
    expect(problemsOf(`maxItems: lots\n${valid}`)).toEqual([expect.stringMatching(/:1: maxItems: must be a whole number/)]);
  });

  test('an error names the file, the line and the field', () => {
    const bad = valid.replace('country: MA', 'country: Morocco').replace('interval: 1h30m', 'interval: soon');
    expect(problemsOf(bad)).toEqual([
      'config/feeds.yaml:11: feeds[1].country: "Morocco" is not an ISO 3166 alpha-2 country code (e.g. ML, MA, DZ)',
      'config/feeds.yaml:13: feeds[1].interval: "soon" is not a duration (e.g. 90s, 15m, 1h, 1h30m)',
    ]);
  });

  test('a missing field points at its feed', () => {
    const bad = valid.replace('    outlet: ORTM\n', '');
    expect(problemsOf(bad)).toEqual([expect.stringMatching(/^config\/feeds\.yaml:2: feeds\[0\]\.outlet: /)]);
  });

  test('unknown fields, bad URLs, languages and too-short intervals are refused', () => {
    const bad = valid
      .replace('url: https://www.ortm.ml/feed/', 'url: ftp://ortm.ml/feed')
      .replace('language: FR', 'language: french')
      .replace('tags: [state-media]', 'tags: [state-media]\n    colour: blue')
      .replace('interval: 1h30m', 'interval: 500ms');
    const problems = problemsOf(bad);
    expect(problems).toContain('config/feeds.yaml:3: feeds[0].url: must be an http(s) URL');
    expect(problems).toContain('config/feeds.yaml:6: feeds[0].language: "french" is not an ISO 639-1 language code (e.g. en, fr, ar)');
    expect(problems.some((p) => p.startsWith('config/feeds.yaml:2: feeds[0]') && p.includes('colour'))).toBe(true);
    expect(problems).toContain('config/feeds.yaml:14: feeds[1].interval: "500ms" is shorter than the minimum of 1s');
  });

  test('duplicate ids are refused at the second one', () => {
    const dup = valid.replace('id: hespress-ar', 'id: ortm');
    expect(problemsOf(dup)).toEqual(['config/feeds.yaml:8: feeds[1].id: duplicate id "ortm" (also feeds[0])']);
  });

  test('invalid YAML reports its line', () => {
    expect(problemsOf('feeds:\n  - id: a\n   url: [\n')[0]).toMatch(/^config\/feeds\.yaml:\d+: invalid YAML: /);
  });

  test('a missing file says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'px-'));
    expect(() => loadFeedsConfig(join(dir, 'nope.yaml'))).toThrow(/nope\.yaml: cannot read file/);
    writeFileSync(join(dir, 'ok.yaml'), valid);
    expect(loadFeedsConfig(join(dir, 'ok.yaml'))).toHaveLength(2);
  });

  test('durations', () => {
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('15')).toBeNull();
    expect(parseDuration('m15')).toBeNull();
    expect(parseDuration('')).toBeNull();
  });
});

describe('the shipped feeds list', () => {
  test('validates, and covers the region in English, French and Arabic', () => {
    const feeds = loadFeedsConfig(join(import.meta.dirname, '../../config/feeds.yaml'));
    expect(feeds.length).toBeGreaterThanOrEqual(30);
    const languages = new Set(feeds.map((f) => f.language));
    expect([...languages].sort()).toEqual(['ar', 'en', 'fr']);
    for (const country of ['ML', 'BF', 'NE', 'MA', 'DZ', 'MR']) expect(feeds.some((f) => f.country === country)).toBe(true);
  });
});
