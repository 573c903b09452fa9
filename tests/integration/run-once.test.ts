import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli-process.js';
import { fixtureFeedsYaml, startFixtureSite, type FixtureSite } from '../helpers/fixture-site.js';

/**
 * `parallax run-once` and `parallax articles --json` the way an analyst runs them: separate
 * processes, the embedded database in a data directory, no Redis. The first run (`--init`) creates
 * that directory and migrates its database from nothing, as on an analyst's first run (the other
 * CLI tests start from a copy of a migrated one).
 */
// Each step is a separate `parallax` process opening the embedded database: seconds each on a
// loaded 2-core machine, so these tests get more than the default 30 s.
describe('parallax run-once with the embedded database', () => {
  let site: FixtureSite;
  let dir: string;
  let config: string;
  const env = { PARALLAX_HOST_GAP_MS: '0' };

  beforeAll(async () => {
    site = await startFixtureSite({ outlets: 3, articlesPerOutlet: 4, firstHost: 60 });
    dir = mkdtempSync(join(tmpdir(), 'px-run-once-'));
    config = join(dir, 'feeds.yaml');
    writeFileSync(config, fixtureFeedsYaml(site));
  });
  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('ingests every article, then a second run finds nothing new and fetches nothing again', async () => {
    const data = join(dir, 'data');
    expect(existsSync(data)).toBe(false);
    const first = await runCli(['run-once', '--config', config, '--data', data, '--init', '--json'], env, 110_000);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(join(data, 'PG_VERSION'))).toBe(true);
    const summary = JSON.parse(first.stdout);
    expect(summary.feeds).toEqual({ ok: 3, notModified: 0, errors: 0, skipped: 0 });
    expect(summary.articles).toEqual({ discovered: 12, extracted: 12, feedContent: 0 });
    expect(summary.failures).toEqual([]);

    const second = await runCli(['run-once', '--config', config, '--data', data, '--json'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).articles).toEqual({ discovered: 0, extracted: 0, feedContent: 0 });
    for (const url of site.articleUrls()) expect(site.hits.get(url), url).toBe(1);

    const listed = await runCli(['articles', '--data', data, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const articles = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(articles).toHaveLength(12);
    // The contract of issue 2: these names, these types.
    for (const a of articles) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining([
        'id', 'url', 'feedId', 'outlet', 'country', 'language', 'title', 'byline', 'published', 'text', 'duplicateOf', 'eventId',
      ]));
      expect(a.url).not.toMatch(/utm_/);
      expect(a.country).toBe('ML');
      expect(a.language).toBe('fr');
      expect(typeof a.published).toBe('string');
      expect(String(a.text).split('\n\n').length).toBeGreaterThanOrEqual(6);
    }
    const one = articles.find((a) => a.url === `${site.outlets[1]!.feedUrl.replace('/feed.xml', '')}/news/3.html`);
    expect(one?.title).toBe('Dépêche 3 de l’outlet 1');
    expect(one?.feedId).toBe('outlet-1');
    expect(one?.published).toBe('2025-08-01T03:00:00.000Z');
  }, 240_000);

  test('feeds list shows the health of every feed; feeds check reports what each feed returns', async () => {
    const data = join(dir, 'data');
    const listed = await runCli(['feeds', 'list', '--config', config, '--data', data, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const feeds = JSON.parse(listed.stdout) as { id: string; health: string; itemsTotal: number; lastError: string | null }[];
    expect(feeds.map((f) => [f.id, f.health, f.itemsTotal, f.lastError])).toEqual([
      ['outlet-0', 'ok', 4, null], ['outlet-1', 'ok', 4, null], ['outlet-2', 'ok', 4, null],
    ]);

    const withGone = join(dir, 'with-gone.yaml');
    const gone = site.outlets[0]!.feedUrl.replace('/feed.xml', '/no-such-feed.xml');
    writeFileSync(withGone, `${fixtureFeedsYaml(site)}  - { id: gone, url: "${gone}", outlet: Gone, country: MA, language: ar }\n`);
    const checked = await runCli(['feeds', 'check', '--config', withGone, '--json'], env);
    expect(checked.code).toBe(1);
    const results = JSON.parse(checked.stdout) as { id: string; ok: boolean; items?: number; format?: string; error?: string; errorKind?: string }[];
    expect(results.filter((r) => r.ok).map((r) => [r.id, r.format, r.items])).toEqual([
      ['outlet-0', 'rss', 4], ['outlet-1', 'rss', 4], ['outlet-2', 'rss', 4],
    ]);
    const failed = results.find((r) => r.id === 'gone');
    expect(failed?.errorKind).toBe('http-status');
    expect(failed?.error).toContain(`404`);
    expect(failed?.error).toContain(gone);
  }, 120_000);

  test('a config error names the file, the line and the field, and exits 2', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'feeds:\n  - id: ok-feed\n    url: http://127.0.0.1:9/feed\n    outlet: X\n    country: Mali\n    language: fr\n');
    const r = await runCli(['run-once', '--config', bad, '--data', join(dir, 'data-bad'), '--init']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:5`);
    expect(r.stderr).toMatch(/country/);
  });
});
