/**
 * `npm run bench:search`: full-text search over a SYNTHESISED store. Articles are made
 * from the demo corpus's own words in English, French and Arabic, drawn with a Zipf law (a few
 * words common, most rare, as in news), 1,000 outlets, a year of dates, events of about five
 * articles; their search vectors are exactly what the article write stores (checked against
 * src/search/document.ts on the first articles), written straight to the database. Then each query
 * of a fixed mix (rare and common words, AND, OR, NOT, phrases, Arabic, filters, both sorts,
 * events) runs through `runSearch`, as the CLI and API run it; median and p95 per query.
 *
 * Flags: --articles N (default 1,000,000), --store postgres|pglite (default postgres: the test
 * server, PARALLAX_TEST_DATABASE_URL; a database of its own, dropped after; pglite: a data
 * directory on disk, as the CLI keeps it, removed after), --runs N (default 15), --json (one JSON
 * object last on stdout), --keep (keep the database or directory, for EXPLAIN or --reuse),
 * --reuse URL|DIR (query a store an earlier --keep run built, without building it again).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { load } from 'cheerio';
import { sql } from 'kysely';
import { formsOf } from '../src/alerts/matcher.js';
import { loadVocabulary } from '../src/cluster/index.js';
import { runSearch } from '../src/pipeline/search.js';
import { quoteLexeme, searchVector } from '../src/search/document.js';
import { openStore, type Store } from '../src/store/index.js';
import { DEFAULT_SEARCH_COSTS } from '../src/store/search-repo.js';
import { freshPostgres } from '../tests/helpers/databases.js';
import { seededRandom } from './cluster/ecbplus.js';
import { machineLine } from './lib/machine.js';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000000' },
    store: { type: 'string', default: 'postgres' },
    runs: { type: 'string', default: '15' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const N = Number(args.articles);
const RUNS = Number(args.runs);
const say = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);

/** The corpus's words per language, most frequent first, with the forms the index keeps. */
function corpusWords(): Record<'en' | 'fr' | 'ar', { word: string; form: string | undefined }[]> {
  const counts = { en: new Map<string, number>(), fr: new Map<string, number>(), ar: new Map<string, number>() };
  const root = 'demo/corpus/articles';
  for (const outlet of readdirSync(root)) {
    for (const f of readdirSync(join(root, outlet))) {
      const lang = (f.match(/-(en|fr|ar)\.html$/)?.[1] ?? outlet.match(/-(en|fr|ar)$/)?.[1]) as 'en' | 'fr' | 'ar' | undefined;
      if (!lang) continue;
      const text = load(readFileSync(join(root, outlet, f), 'utf8'))('p, h1').text();
      for (const w of text.match(/[\p{L}\p{N}]+/gu) ?? []) counts[lang].set(w, (counts[lang].get(w) ?? 0) + 1);
    }
  }
  const out = {} as ReturnType<typeof corpusWords>;
  for (const lang of ['en', 'fr', 'ar'] as const) {
    out[lang] = [...counts[lang]].sort((a, b) => b[1] - a[1]).map(([word]) => ({ word, form: formsOf(word, lang)[0] }));
  }
  return out;
}

const WORDS = corpusWords();
const LANGS = ['fr', 'fr', 'en', 'en', 'ar'] as const;
const COUNTRIES = ['ML', 'MA', 'DZ', 'NE', 'BF', 'MR', 'SN', 'TN', 'FR', 'GB'];
const YEAR_MS = 365 * 86_400_000;
const END = Date.parse('2026-12-01T00:00:00Z');

/** Zipf-like draw of a rank in [0, n): rank r with weight about 1/(r+1). */
const zipf = (r: () => number, n: number) => Math.min(n - 1, Math.floor(Math.exp(r() * Math.log(n + 1)) - 1));

interface Synthetic { title: string; text: string; language: 'en' | 'fr' | 'ar'; vector: string }

function synthesise(i: number, r: () => number): Synthetic {
  const language = LANGS[i % LANGS.length]!;
  const pool = WORDS[language];
  const pick = (n: number) => Array.from({ length: n }, () => pool[zipf(r, pool.length)]!);
  const title = pick(8);
  const paragraphs = Array.from({ length: 4 + Math.floor(r() * 6) }, () => pick(30 + Math.floor(r() * 40)));
  // The same positions and weights as searchVector: title words A, then a gap, then the text.
  const positions = new Map<string, string[]>();
  let p = 0;
  const add = (words: { form: string | undefined }[], weight: string) => {
    for (const w of words) {
      if (w.form === undefined) continue;
      p = Math.min(p + 1, 16_383);
      const list = positions.get(w.form) ?? [];
      const at = `${p}${weight}`;
      if (list.length < 256 && list[list.length - 1] !== at) list.push(at);
      positions.set(w.form, list);
    }
  };
  add(title, 'A');
  p += 10;
  add(paragraphs.flat(), '');
  return {
    title: title.map((w) => w.word).join(' '),
    text: paragraphs.map((ws) => ws.map((w) => w.word).join(' ')).join('\n\n'),
    language,
    vector: [...positions].map(([f, ps]) => `${quoteLexeme(f)}:${ps.join(',')}`).join(' '),
  };
}

async function build(store: Store): Promise<void> {
  const db = store.database.db;
  const outlets = 1000;
  await sql`insert into feeds (id, url, outlet, country, language, interval_ms, tags, robots, active)
    select 'f' || g, 'https://outlet' || g || '.example/feed', 'Outlet ' || g, (${sql.val(COUNTRIES)}::text[])[1 + g % ${COUNTRIES.length}], 'fr', 900000, '[]', true, true
      from generate_series(0, ${outlets - 1}) g`.execute(db);
  // A bulk load builds its GIN index once at the end, as PostgreSQL's manual advises.
  await sql`drop index articles_search`.execute(db);
  const r = seededRandom(42);
  const batch = 1000;
  const started = performance.now();
  for (let i = 0; i < N; i += batch) {
    const cols = { id: [] as string[], url: [] as string[], feed: [] as string[], outlet: [] as string[], country: [] as string[], language: [] as string[], title: [] as string[], published: [] as string[], text: [] as string[], event: [] as string[], search: [] as string[] };
    for (let j = i; j < Math.min(N, i + batch); j++) {
      const a = synthesise(j, r);
      if (j < 50) {
        const real = searchVector(a.title, a.text, a.language);
        if (real !== a.vector) throw new Error(`synthetic vector of article ${j} differs from searchVector's`);
      }
      const outlet = j % outlets;
      cols.id.push(`b${j.toString(16).padStart(15, '0')}`);
      cols.url.push(`https://outlet${outlet}.example/a/${j}`);
      cols.feed.push(`f${outlet}`);
      cols.outlet.push(`Outlet ${outlet}`);
      cols.country.push(COUNTRIES[outlet % COUNTRIES.length]!);
      cols.language.push(a.language);
      cols.title.push(a.title);
      cols.published.push(new Date(END - YEAR_MS + (j / N) * YEAR_MS + Math.floor(r() * 3_600_000)).toISOString());
      cols.text.push(a.text);
      cols.event.push(`ev-b${Math.floor(j / 5)}`);
      cols.search.push(a.vector);
    }
    // Columns as arrays: eleven parameters a batch, however many rows.
    await sql`insert into articles (id, url, feed_id, guid, outlet, country, language, status, title, published, text, feed_categories, event_id, search, discovered_at)
      select id, url, feed, id, outlet, country, language, 'extracted', title, published, text, '[]', event, search::tsvector, published
        from unnest(${cols.id}::text[], ${cols.url}::text[], ${cols.feed}::text[], ${cols.outlet}::text[], ${cols.country}::text[], ${cols.language}::text[],
                    ${cols.title}::text[], ${cols.published}::timestamptz[], ${cols.text}::text[], ${cols.event}::text[], ${cols.search}::text[])
             as t(id, url, feed, outlet, country, language, title, published, text, event, search)`.execute(db);
    const written = cols.id.length;
    if ((i / batch) % 100 === 0) say(`  ${i + written} articles written (${Math.round((i + written) / ((performance.now() - started) / 1000))}/s)`);
  }
  await sql`insert into events (id, title, first_seen, last_updated, article_count, record)
    select event_id, min(title), min(published), max(published), count(*), '{}'::jsonb from articles group by event_id`.execute(db);
  const indexed = performance.now();
  await sql`create index articles_search on articles using gin (search)`.execute(db);
  say(`  search index built in ${((performance.now() - indexed) / 1000).toFixed(0)} s`);
  await sql`analyze`.execute(db);
}

const QUERIES: [string, Record<string, string>][] = [
  [WORDS.fr[400]!.word, {}],
  [WORDS.en[30]!.word, {}],
  [`${WORDS.fr[60]!.word} AND ${WORDS.fr[150]!.word}`, {}],
  [`${WORDS.en[200]!.word} OR ${WORDS.fr[300]!.word}`, {}],
  [`"${WORDS.fr[5]!.word} ${WORDS.fr[40]!.word}"`, {}],
  [`${WORDS.ar[50]!.word} NOT ${WORDS.ar[3]!.word}`, {}],
  ['Mali', {}],
  ['otages OR hostages OR الرهائن', { since: '30d' }],
  [WORDS.fr[100]!.word, { country: 'ML', sort: 'date' }],
  [WORDS.en[80]!.word, { language: 'en', since: '90d' }],
  [`${WORDS.fr[120]!.word} ${WORDS.fr[250]!.word}`, { kind: 'events' }],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

say(machineLine());
const postgres = args.store === 'postgres';
const pg = postgres && !args.reuse ? await freshPostgres() : null;
const dir = !postgres ? (args.reuse ?? mkdtempSync(join(tmpdir(), 'parallax-bench-search-'))) : null;
const store = await openStore(postgres ? { kind: 'postgres', url: args.reuse ?? pg!.url } : { kind: 'pglite', dataDir: dir! });
let articles = N;
try {
  const t = performance.now();
  if (args.reuse) {
    const n = await sql<{ n: string }>`select count(*) as n from articles`.execute(store.database.db);
    articles = Number(n.rows[0]!.n);
    say(`reusing ${args.reuse}: ${articles} articles; ${RUNS} runs per query after 2 warm-up runs`);
  } else {
    await build(store);
    say(`${N} synthetic articles on ${args.store} in ${((performance.now() - t) / 1000).toFixed(0)} s; ${RUNS} runs per query after 2 warm-up runs`);
  }
  const vocabulary = loadVocabulary();
  const results: { query: string; params: Record<string, string>; total: number; medianMs: number; p95Ms: number }[] = [];
  for (const [q, params] of QUERIES) {
    let total = 0;
    const times: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const s = performance.now();
      const r = await runSearch(store, vocabulary, { q, ...params });
      if ('error' in r) throw new Error(`${q}: ${r.error}`);
      if (i >= 2) times.push(performance.now() - s);
      total = r.total;
    }
    results.push({ query: q, params, total, medianMs: median(times), p95Ms: p95(times) });
    say(`  ${q.padEnd(40)} ${JSON.stringify(params).padEnd(32)} ${String(total).padStart(8)} matches  median ${median(times).toFixed(1)} ms  p95 ${p95(times).toFixed(1)} ms`);
  }
  const overall = median(results.map((r) => r.medianMs));
  say(`median of the queries' medians: ${overall.toFixed(1)} ms (PARALLAX search costs: rank the newest ${DEFAULT_SEARCH_COSTS.rankCandidates} matches, count up to ${DEFAULT_SEARCH_COSTS.countCap})`);
  if (args.json) process.stdout.write(`${JSON.stringify({ articles, store: args.store, medianMs: overall, queries: results })}\n`);
} finally {
  await store.close();
  if (args.reuse) {
    // An earlier run's store: left as it was.
  } else if (args.keep) say(`kept: ${pg?.url ?? dir}`);
  else {
    await pg?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
