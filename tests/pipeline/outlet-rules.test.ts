import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { load } from 'cheerio';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApi } from '../../src/api/server.js';
import { parseFeedsConfig } from '../../src/config/feeds-config.js';
import { ConfigError } from '../../src/config/yaml-file.js';
import { HttpClient } from '../../src/fetch/index.js';
import type { PipelineDeps } from '../../src/pipeline/deps.js';
import { runOnce } from '../../src/pipeline/run-once.js';
import { feedView, openStore } from '../../src/store/index.js';
import { migratedPgliteMemory } from '../helpers/migrated-pglite.js';

/**
 * Per-outlet rules (a feed's `extract:` block) through run-once against a local outlet: a content
 * selector puts right a page the general extractor gets wrong, a selector gone stale falls back and
 * shows on /feeds, and block patterns leave entries out before any page is requested.
 */
const STORY = readFileSync('tests/fixtures/outlet-rules/story.html', 'utf8');
// The same story after a redesign: the selector's element is gone.
const REDESIGNED = STORY.replace('<section class="x1">', '<section class="story">');
const STORY_WORDS = 'La route nationale entre Gao et Bourem a été rouverte mardi';
const DOSSIER_WORDS = "Dans les villages du cercle d'Ansongo";

let server: Server;
let base = '';
const requested: string[] = [];

const rss = (paths: [string, string][]) =>
  `<rss version="2.0"><channel><title>Outlet</title>${paths.map(([p, t]) => `<item><title>${t}</title><link>${base}${p}</link></item>`).join('')}</channel></rss>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (req.url === '/plain.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([['/news/route-gao', 'Gao : la route de Bourem rouverte']]));
    if (req.url === '/feed.xml') {
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([
        ['/news/route-gao', 'Gao : la route de Bourem rouverte'],
        ['/sport/match-stade', 'Les Aigles battent les Lions'],
        ['/news/horoscope', 'Horoscope du jour'],
        ['/news/route-gao-2', 'Gao : la route rouverte, suite'],
      ]));
    }
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    const page = req.url === '/news/route-gao-2' ? REDESIGNED : STORY;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

const feedsYaml = (extract: string) => `feeds:
  - id: outlet
    url: ${base}/feed.xml
    outlet: Outlet
    country: ML
    language: fr
${extract}`;

describe('per-outlet rules', { timeout: 150_000 }, () => {
  test('the general extractor joins the dossier beside the story: the reason for a rule', async () => {
    const deps: PipelineDeps = { store: await openStore(await migratedPgliteMemory()), http: new HttpClient({ perHostGapMs: 0 }), log: pino({ level: 'silent' }) };
    try {
      await runOnce(parseFeedsConfig('feeds.yaml', feedsYaml('').replace('/feed.xml', '/plain.xml')), deps, { feedConcurrency: 1, articleConcurrency: 2 });
      const story = (await deps.store.articles.getByUrl(`${base}/news/route-gao`))!;
      expect(story.text).toContain(STORY_WORDS);
      expect(story.text).toContain(DOSSIER_WORDS);
    } finally {
      await deps.http.close();
      await deps.store.close();
    }
  });

  test('content and remove put it right; block and keep patterns stop requests; a stale selector falls back and shows', async () => {
    requested.length = 0;
    const deps: PipelineDeps = { store: await openStore(await migratedPgliteMemory()), http: new HttpClient({ perHostGapMs: 0 }), log: pino({ level: 'silent' }) };
    const yaml = feedsYaml(`    extract:
      content: section.x1
      remove: [h2]
      keep: ['^Gao', '/sport/']
      block: ['/sport/']
`);
    try {
      await runOnce(parseFeedsConfig('feeds.yaml', yaml), deps, { feedConcurrency: 1, articleConcurrency: 2 });
      const story = (await deps.store.articles.getByUrl(`${base}/news/route-gao`))!;
      expect(story.status).toBe('extracted');
      expect(story.text).toContain(STORY_WORDS);
      expect(story.text).not.toContain(DOSSIER_WORDS);
      expect(story.title).toBe('Gao : la route de Bourem rouverte après trois semaines');

      // Blocked (by block) and not kept (by keep): neither stored nor requested.
      expect(await deps.store.articles.getByUrl(`${base}/sport/match-stade`)).toBeUndefined();
      expect(await deps.store.articles.getByUrl(`${base}/news/horoscope`)).toBeUndefined();
      expect(requested).not.toContain('/sport/match-stade');
      expect(requested).not.toContain('/news/horoscope');

      // The redesigned page: the general extractor reads it, and the feed's health says so.
      const stale = (await deps.store.articles.getByUrl(`${base}/news/route-gao-2`))!;
      expect(stale.status).toBe('extracted');
      expect(stale.text).toContain(STORY_WORDS);
      const feed = feedView((await deps.store.feeds.get('outlet'))!);
      expect(feed).toMatchObject({ blockedLastPoll: 2, ruleMisses: 1, lastRuleMissUrl: `${base}/news/route-gao-2`, extract: { content: 'section.x1' } });

      const app = buildApi({ store: deps.store, checks: [] });
      const $ = load((await app.inject({ method: 'GET', url: '/feeds' })).body);
      expect($('tr[data-feed-id=outlet] .rule-stale').text()).toBe('stale?');
      expect($('tr[data-feed-id=outlet]').text()).toContain('matched nothing on 1 pages');
      expect($('tr[data-feed-id=outlet]').text()).toContain('2 blocked by rule');
      await app.close();

      // A changed rule starts with a clean record.
      await deps.store.feeds.sync(parseFeedsConfig('feeds.yaml', yaml.replace('section.x1', 'section.story')));
      expect(feedView((await deps.store.feeds.get('outlet'))!)).toMatchObject({ ruleMisses: 0, lastRuleMissUrl: null });
      // And an unchanged one keeps it (jsonb's key order is not the file's).
      await deps.store.feeds.recordRuleMiss('outlet', `${base}/x`);
      await deps.store.feeds.sync(parseFeedsConfig('feeds.yaml', yaml.replace('section.x1', 'section.story')));
      expect(feedView((await deps.store.feeds.get('outlet'))!).ruleMisses).toBe(1);
    } finally {
      await deps.http.close();
      await deps.store.close();
    }
  });

  test('a bad selector or pattern is refused at start-up with its line', () => {
    const bad = (extract: string) => () => parseFeedsConfig('feeds.yaml', feedsYaml(extract));
    expect(bad('    extract:\n      content: "div[[x"\n')).toThrow(ConfigError);
    expect(bad('    extract:\n      content: "div[[x"\n')).toThrow(/feeds\.yaml:8.*extract\.content.*not a CSS selector/s);
    expect(bad("    extract:\n      block: ['(unclosed']\n")).toThrow(/feeds\.yaml:8.*extract\.block\[0\].*not a regular expression/s);
    expect(bad('    extract:\n      selector: main\n')).toThrow(/selector/);
  });
});
