import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Comparison } from '../../src/compare/types.js';
import { runCli } from '../helpers/cli-process.js';
import { copyMigratedDataDir } from '../helpers/migrated-pglite.js';
import { eventsFeedsYaml, startEventsSite, type EventsSite } from '../helpers/events-site.js';

/**
 * Issue 5's interfaces the way an analyst uses them: `run-once` ingests a small multilingual story
 * (the seed story in English, French and Arabic with its syndicated copy, and two other events
 * sharing its places and actors) from a local site; `events --json` lists the events and
 * `compare ID` reports one, as JSON and as Markdown. Each step is its own process over the
 * embedded database, as in use. The database starts as a copy of the suite's migrated one: its
 * creation is run-once.test.ts's to test, not this file's.
 */
const STORIES = new Set(['moroccan-drivers-freed', 'moroccan-drivers-kidnapped', 'kayes-ambush']);

interface EventJson {
  id: string;
  title: string;
  firstSeen: string;
  lastUpdated: string;
  articles: { url: string; outlet: string; country: string; language: string; title: string; published: string | null; duplicateOf: string | null }[];
}

describe('parallax run-once, events and compare', () => {
  let site: EventsSite;
  let dir: string;
  let data: string;
  let events: EventJson[];
  let seedEvent: EventJson;
  const env = { PARALLAX_HOST_GAP_MS: '0' };

  beforeAll(async () => {
    site = await startEventsSite((l) => STORIES.has(l.gold));
    dir = mkdtempSync(join(tmpdir(), 'px-compare-'));
    data = join(dir, 'data');
    await copyMigratedDataDir(data);
    writeFileSync(join(dir, 'feeds.yaml'), eventsFeedsYaml(site));
  });
  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('run-once compares every event it made, and a second run has nothing to compare again', async () => {
    const first = await runCli(['run-once', '--config', join(dir, 'feeds.yaml'), '--data', data, '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.events.assigned).toBe(site.set.length);
    expect(summary.comparisons).toBe(summary.events.created);

    const listed = await runCli(['events', '--data', data, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    events = JSON.parse(listed.stdout) as EventJson[];
    expect(events).toHaveLength(summary.events.created);
    for (const e of events) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['id', 'title', 'firstSeen', 'lastUpdated', 'articles']));
      for (const a of e.articles) expect(Object.keys(a)).toEqual(expect.arrayContaining(['url', 'outlet', 'country', 'language', 'title', 'published', 'duplicateOf']));
    }
    const seed = site.set.find((l) => l.seed)!;
    seedEvent = events.find((e) => e.articles.some((a) => site.labelOf(a.url) === seed.article.id))!;
    expect(seedEvent.articles.map((a) => site.labelOf(a.url)).sort()).toEqual(site.set.filter((l) => l.gold === seed.gold).map((l) => l.article.id).sort());

    // Nothing changed: every stored comparison is still current (across processes, to the microsecond).
    const second = await runCli(['run-once', '--config', join(dir, 'feeds.yaml'), '--data', data, '--json'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ events: { assigned: 0 }, comparisons: 0 });
  }, 180_000);

  test('compare --json gives the comparison of the event: its accounts, the copy folded under its original, its timeline', async () => {
    const r = await runCli(['compare', seedEvent.id, '--data', data, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as Comparison;
    const urls = new Set(seedEvent.articles.map((a) => a.url));
    const copies = seedEvent.articles.filter((a) => a.duplicateOf !== null);
    expect(copies).toHaveLength(1);
    expect(c.event).toMatchObject({ id: seedEvent.id, title: seedEvent.title, articleCount: seedEvent.articles.length });
    expect(c.accounts).toHaveLength(seedEvent.articles.length - copies.length);
    const original = c.accounts.find((a) => a.url === copies[0]!.duplicateOf)!;
    expect(original.copies.map((x) => x.url)).toEqual([copies[0]!.url]);
    expect(new Set(c.accounts.map((a) => a.language))).toEqual(new Set(['en', 'fr', 'ar']));
    expect(c.timeline.map((t) => t.url).sort()).toEqual([...urls].sort());
    expect(c.timeline.filter((t) => t.first)).toHaveLength(1);
    for (const claim of c.claims) {
      expect(typeof claim.text).toBe('string');
      expect(typeof claim.shared).toBe('boolean');
      for (const u of claim.articles) expect(urls.has(u), u).toBe(true);
    }
    for (const conflict of c.conflicts) {
      expect(typeof conflict.about).toBe('string');
      for (const v of conflict.values) for (const u of v.articles) expect(urls.has(u), u).toBe(true);
    }
  }, 60_000);

  test('compare without --json is a Markdown report, Arabic kept as written; an unknown event exits 2', async () => {
    const r = await runCli(['compare', seedEvent.id, '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('# ')).toBe(true);
    for (const heading of ['## Accounts', '## Timeline', '## Shared claims', '## Unique claims', '## Conflicting figures', '## Contradictions', '## Framing']) {
      expect(r.stdout).toContain(heading);
    }
    const arabic = seedEvent.articles.find((a) => a.language === 'ar' && a.duplicateOf === null)!;
    expect(r.stdout).toContain(arabic.title);
    expect(r.stdout).toContain(`](${arabic.url})`);

    const unknown = await runCli(['compare', 'ev-no-such-event', '--data', data]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no event ev-no-such-event');
  }, 60_000);
});
