import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFeedsConfig } from '../../src/config/feeds-config.js';
import { CORPUS_DIR, serveCorpus, type CorpusFeed, type CorpusServer } from '../../src/demo/corpus.js';

/** The demo's local server: the bundled feeds and pages at its own address, and nothing else. */
describe('the demo corpus server', () => {
  let corpus: CorpusServer;
  beforeAll(async () => {
    corpus = await serveCorpus(0);
  });
  afterAll(async () => corpus?.close());

  test('its feeds file lists every bundled feed at this server, and validates', () => {
    const listed = JSON.parse(readFileSync(join(CORPUS_DIR, 'feeds.json'), 'utf8')) as CorpusFeed[];
    const feeds = parseFeedsConfig('demo feeds.yaml', corpus.feedsYaml);
    expect(feeds.map((f) => f.id)).toEqual(listed.map((f) => f.id));
    expect(feeds.every((f) => f.url.startsWith(`${corpus.base}/feeds/`) && f.robots === false)).toBe(true);
    expect(new Set(feeds.map((f) => f.language))).toEqual(new Set(['ar', 'en', 'fr']));
  });

  test('feeds link to pages on this server, which answer', async () => {
    const feed = parseFeedsConfig('demo feeds.yaml', corpus.feedsYaml)[0]!;
    const xml = await (await fetch(feed.url)).text();
    expect(xml).not.toContain('{{BASE}}');
    const link = /<link>(http[^<]+\.html)<\/link>/.exec(xml)![1]!;
    expect(link.startsWith(`${corpus.base}/articles/`)).toBe(true);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  test('nothing outside the corpus is served, and a malformed URL is a 404, not a crash', async () => {
    for (const path of ['/feeds.json', '/feeds/../feeds.json', '/articles/%2e%2e/feeds.json', '/%E0%A4%A', '/', '/articles/x/missing.html']) {
      expect((await fetch(`${corpus.base}${path}`)).status, path).toBe(404);
    }
  });
});
