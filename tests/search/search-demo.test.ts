import { load } from 'cheerio';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApi } from '../../src/api/server.js';
import { loadVocabulary } from '../../src/cluster/index.js';
import { parseFeedsConfig } from '../../src/config/feeds-config.js';
import { serveCorpus } from '../../src/demo/corpus.js';
import { HttpClient } from '../../src/fetch/index.js';
import { EventAssigner } from '../../src/pipeline/assign-event.js';
import { runOnce } from '../../src/pipeline/run-once.js';
import { openStore, type Store } from '../../src/store/index.js';
import { runCli } from '../helpers/cli-process.js';
import { freshPostgres } from '../helpers/databases.js';

/**
 * Search end to end on the demo corpus, stored as `parallax demo` stores it (in PostgreSQL here; the
 * store tests run search on PGlite too): the CLI as a real process, GET /api/search and the page's
 * search box, in English, French and Arabic.
 */
interface Hit {
  id: string; title: string; language: string; country: string; eventId: string | null; score: number; snippet: string; published: string | null; text: string | null;
}

describe('search on the demo corpus', { timeout: 180_000 }, () => {
  let db: Awaited<ReturnType<typeof freshPostgres>>;
  let store: Store;
  let app: ReturnType<typeof buildApi>;

  beforeAll(async () => {
    db = await freshPostgres();
    const corpus = await serveCorpus(0);
    const built = await openStore({ kind: 'postgres', url: db.url });
    const log = pino({ level: 'silent' });
    await runOnce(parseFeedsConfig('demo feeds.yaml', corpus.feedsYaml), { store: built, http: new HttpClient({ perHostConcurrency: 8, perHostGapMs: 0 }), log }, {
      feedConcurrency: 4, articleConcurrency: 8, events: new EventAssigner(built, loadVocabulary(), log),
    });
    await built.close();
    await corpus.close();
  }, 170_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await db?.drop();
  });

  const cli = async (...args: string[]) => {
    const r = await runCli(['search', ...args], { DATABASE_URL: db.url });
    return { ...r, hits: r.code === 0 && args.includes('--json') ? (JSON.parse(r.stdout) as Hit[]) : [] };
  };

  test('the CLI: one form of a word finds the others, in each language, with filters', async () => {
    const en = await cli('hostage', '--language', 'en', '--json');
    expect(en.code, en.stderr).toBe(0);
    expect(en.hits.length).toBeGreaterThan(0);
    for (const h of en.hits) expect(h.language).toBe('en');
    expect(en.hits.some((h) => /hostages/i.test(h.snippet))).toBe(true);
    // articles --json fields, plus score and snippet.
    expect(Object.keys(en.hits[0]!)).toEqual(expect.arrayContaining(['id', 'url', 'feedId', 'outlet', 'title', 'eventId', 'status', 'score', 'snippet']));

    const fr = await cli('otage AND NOT Kayes', '--language', 'fr', '--json');
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.hits.length).toBeGreaterThan(0);
    expect(fr.hits.some((h) => /otages/i.test(h.snippet))).toBe(true);
    for (const h of fr.hits) expect(h.snippet).not.toMatch(/Kayes/);

    // The plural الرهائن finds accounts that write the singular الرهينة.
    const ar = await cli('الرهائن', '--language', 'ar', '--json');
    expect(ar.code, ar.stderr).toBe(0);
    expect(ar.hits.length).toBeGreaterThan(0);
    const words = (h: Hit) => `${h.title} ${h.text ?? ''}`;
    expect(ar.hits.some((h) => words(h).includes('الرهينة') && !words(h).includes('الرهائن'))).toBe(true);

    const events = await cli('hostages OR otages OR الرهائن', '--events', '--json');
    expect(events.code, events.stderr).toBe(0);
    const eventIds = (JSON.parse(events.stdout) as { id: string; matchedArticles: number }[]).map((e) => e.id);
    expect(eventIds).toEqual(expect.arrayContaining([...new Set([...en.hits, ...ar.hits].map((h) => h.eventId).filter(Boolean))]));
  });

  test('the CLI refuses a malformed query with its column, and a bad filter, exit 2', async () => {
    const bad = await cli('Mali AND (Gao OR');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/column 17/);
    expect(bad.stderr).toContain('                ^');
    const since = await cli('Mali', '--since', 'yesterday');
    expect(since.code).toBe(2);
    expect(since.stderr).toMatch(/--since: "yesterday" is neither a duration/);
  });

  test('GET /api/search and the search page', async () => {
    store = await openStore({ kind: 'postgres', url: db.url });
    app = buildApi({ store, checks: [] });
    const api = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('otages OR hostages')}&limit=2&sort=date` });
    expect(api.statusCode).toBe(200);
    const body = api.json() as { total: number; articles: Hit[] };
    expect(body.articles).toHaveLength(2);
    expect(body.total).toBeGreaterThan(2);
    expect(body.articles[0]!.published! >= body.articles[1]!.published!).toBe(true);

    const bad = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('"Gao')}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ param: 'q', column: 1 });

    const home = load((await app.inject({ method: 'GET', url: '/' })).body);
    expect(home('form.search').attr('action')).toBe('/search');
    const page = await app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('الرهائن')}` });
    expect(page.statusCode).toBe(200);
    const $ = load(page.body);
    expect($('ol.hits li').length).toBeGreaterThan(0);
    expect($('ol.hits mark').first().text()).toMatch(/رهين|رهائن|otage|hostage/i);
    expect($('ol.hits li a[href^="/events/"]').length).toBeGreaterThan(0);
    const badPage = await app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('Mali AND')}` });
    expect(badPage.statusCode).toBe(400);
    expect(load(badPage.body)('[role=alert]').text()).toMatch(/column 9/);
  });
});
