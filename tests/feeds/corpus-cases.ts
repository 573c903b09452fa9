/**
 * The real-world feed corpus (tests/feeds/corpus, copied from /work/shared/fixtures/feeds; see its
 * DATA.md) turned into one case per machine-checkable expectation. Each case names the fixture,
 * says where its expectation comes from, and checks our output against it with `expect`.
 *
 * Where our normalisation deliberately differs from gofeed's model, the comparison says so
 * (see expectGofeedItem): URLs are compared after WHATWG serialisation (http://example.org ->
 * http://example.org/), dates as instants, summaries and content as text (our summary is plain
 * text), and an author is one name (or e-mail). Behaviour that differs beyond representation is
 * listed in DIVERGENCES and counted as not passing in CORPUS.md.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { decodeBody } from '../../src/encoding/index.js';
import { FeedParseError, parseFeed, parseFeedEntries } from '../../src/feeds/index.js';
import type { FeedEntry, ParsedFeedEntries } from '../../src/feeds/index.js';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'corpus');
/** Where the fixtures pretend to come from; every fixture link is absolute, so it only names the feed. */
const FEED_URL = 'http://fixtures.test/feed';

export interface CorpusCase {
  /** Readable test name: the fixture path and what it is about. */
  name: string;
  /** 'gofeed' or 'miniflux'. */
  source: string;
  /** Corpus files the case reads (input and expectation), relative to the corpus directory. */
  files: string[];
  /** Set when the case asserts our deliberate behaviour instead of the fixture's expectation: why. */
  divergence?: string;
  check: () => Promise<void>;
}

const FIRST_LINK =
  "several <link> elements without rel: we take the first, the one RSS defines; gofeed's model keeps the last " +
  '(each <link> overwrites the previous one while parsing), here a <link href> that is really an un-prefixed Atom link';

/**
 * Cases where we keep a behaviour other than the fixture's expectation. The test checks that the
 * original expectation does fail, then asserts ours. Keep this list short and every reason true.
 */
export const DIVERGENCES: Record<string, { reason: string; adjust: (expected: GofeedFeed) => void }> = {
  'gofeed/translator/rss/feed_links_-_rss_channel_links.xml': { reason: FIRST_LINK, adjust: (e) => void (e.link = 'http://example.org') },
  'gofeed/translator/rss/feed_links_-_rdf_channel_links.xml': { reason: FIRST_LINK, adjust: (e) => void (e.link = 'http://example.org') },
  'gofeed/translator/rss/feed_item_links_-_rss_channel_item_links.xml': {
    reason: FIRST_LINK,
    adjust: (e) => void (e.items![0]!.link = 'http://example.org'),
  },
  'gofeed/translator/rss/feed_item_updated_-_rss_channel_item_updated_atom.xml': {
    reason:
      'an item dated only by its last update is given that date as `published` too, so that it sorts on the ' +
      "timeline (Atom requires <updated>, not <published>); gofeed's model leaves published empty",
    adjust: (e) => void (e.items![0]!.publishedParsed = e.items![0]!.updatedParsed),
  },
};

/** Every machine-checkable case of the corpus. */
export function corpusCases(): CorpusCase[] {
  return [...gofeedPairCases(), ...gofeedUniversalCases(), ...gofeedJsonParserCases(), ...minifluxCases()];
}

// ---------------------------------------------------------------------------------------------
// gofeed: NAME.xml (or NAME.json) beside NAME.json (or NAME_expected.json) in gofeed's universal model.

interface GofeedPerson { name?: string; email?: string }
interface GofeedItem {
  title?: string; description?: string; content?: string; link?: string; guid?: string;
  publishedParsed?: string; updatedParsed?: string; author?: GofeedPerson; authors?: GofeedPerson[];
  categories?: string[]; image?: { url?: string };
}
interface GofeedFeed extends GofeedItem { feedType?: string; feedVersion?: string; language?: string; items?: GofeedItem[] }

function gofeedPairCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const dir of ['gofeed/translator/rss', 'gofeed/translator/atom', 'gofeed/translator/json', 'gofeed/extensions']) {
    for (const file of walk(join(CORPUS_DIR, dir))) {
      const rel = relative(CORPUS_DIR, file);
      // Inputs are NAME.xml beside NAME.json, or (JSON Feed inputs) NAME.json beside NAME_expected.json.
      const expectedFile = file.endsWith('.xml') ? file.replace(/\.xml$/, '.json') : file.replace(/\.json$/, '_expected.json');
      if (file.endsWith('_expected.json') || !existsSync(expectedFile)) continue;
      const source = readFileSync(file, 'utf8');
      const description = /Description:\s*([^\n]*)/.exec(source)?.[1]?.trim();
      const divergence = DIVERGENCES[rel];
      cases.push({
        name: `${rel}${description ? ` (${description})` : ''}${divergence ? ' [deliberate divergence, see CORPUS.md]' : ''}`,
        source: 'gofeed',
        files: [rel, relative(CORPUS_DIR, expectedFile)],
        divergence: divergence?.reason,
        check: async () => {
          const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as GofeedFeed;
          const parsed = await parseFeedEntries(source, FEED_URL);
          if (divergence) {
            // The original expectation must really fail, or this entry is stale and must go.
            expect(() => expectGofeedFeed(parsed, expected), 'original expectation').toThrow();
            divergence.adjust(expected);
          }
          expectGofeedFeed(parsed, expected);
          await expectFilteredItems(source, parsed);
        },
      });
    }
  }
  return cases;
}

function expectGofeedFeed(parsed: ParsedFeedEntries, expected: GofeedFeed): void {
  // gofeed calls RSS 1.0 (RDF) feedType "rss", version "1.0"; we keep RDF apart as 'rdf'.
  const format = expected.feedType === 'rss' && expected.feedVersion === '1.0' ? 'rdf' : expected.feedType;
  expect(parsed.format, 'format').toBe(format);
  expect(parsed.title, 'feed title').toBe(textOf(expected.title));
  expect(parsed.link, 'feed link').toBe(urlOf(expected.link));
  expect(parsed.language, 'feed language').toBe(expected.language ?? null);
  const items = expected.items ?? [];
  expect(parsed.entries.length, 'number of entries').toBe(items.length);
  items.forEach((item, i) => expectGofeedItem(parsed.entries[i]!, item, `item ${i}`));
}

function expectGofeedItem(entry: FeedEntry, item: GofeedItem, where: string): void {
  const url = urlOf(item.link);
  expect(entry.url, `${where} url`).toBe(url);
  expect(entry.guid, `${where} guid`).toBe(item.guid ?? url);
  expect(entry.title, `${where} title`).toBe(textOf(item.title));
  expect(instant(entry.published), `${where} published`).toBe(instant(item.publishedParsed));
  expect(instant(entry.updated), `${where} updated`).toBe(instant(item.updatedParsed));
  // Deliberate: our summary is plain text, so it is compared with the text of gofeed's description.
  expect(entry.summary, `${where} summary`).toBe(textOf(item.description) || null);
  expect(entry.contentHtml === null ? null : textOf(entry.contentHtml), `${where} content`).toBe(item.content === undefined ? null : textOf(item.content));
  // Deliberate: one author string, the name when there is one.
  const author = item.author ?? item.authors?.[0];
  expect(entry.author, `${where} author`).toBe(author ? (author.name ?? author.email ?? null) : null);
  expect(entry.categories, `${where} categories`).toEqual(item.categories ?? []);
  expect(entry.image, `${where} image`).toBe(urlOf(item.image?.url));
}

/** parseFeed keeps exactly the entries with a URL, first of each URL, in order. */
async function expectFilteredItems(source: string, parsed: ParsedFeedEntries): Promise<void> {
  const feed = await parseFeed(source, FEED_URL);
  const seen = new Set<string>();
  const kept = parsed.entries.filter((e) => e.url !== null && !seen.has(e.url) && seen.add(e.url));
  expect(feed.items.map((i) => i.url)).toEqual(kept.map((e) => e.url));
  for (const item of feed.items) expect(item.guid).toBeTruthy();
}

/**
 * parser/universal has inputs only; its expectations are gofeed's own table (parser_test.go,
 * TestParser_Parse): the feed type and title for each file, or an error.
 */
function gofeedUniversalCases(): CorpusCase[] {
  const table: [file: string, format: string | null, title: string | null, errorKind?: FeedParseError['kind']][] = [
    ['atom03_feed.xml', 'atom', 'Feed Title'],
    ['atom10_feed.xml', 'atom', 'Feed Title'],
    ['rss_feed.xml', 'rss', 'Feed Title'],
    ['rss_feed_bom.xml', 'rss', 'Feed Title'],
    ['rss_feed_leading_spaces.xml', 'rss', 'Feed Title'],
    ['rdf_feed.xml', 'rdf', 'Feed Title'],
    ['sample.json', 'json', 'title'],
    ['json10_feed.json', 'json', 'title'],
    ['json11_feed.json', 'json', 'title'],
    ['unknown_feed.xml', null, null, 'not-a-feed'],
    ['empty_feed.xml', null, null, 'empty'],
    ['invalid.json', null, null, 'malformed'],
  ];
  return table.map(([file, format, title, errorKind]) => ({
    name: `gofeed/parser/universal/${file} (${errorKind ? `rejected as ${errorKind}` : `${format} feed titled "${title}"`})`,
    source: 'gofeed',
    files: [`gofeed/parser/universal/${file}`],
    check: async () => {
      const source = readFileSync(join(CORPUS_DIR, 'gofeed/parser/universal', file), 'utf8');
      if (errorKind) {
        await expectRejected(source, errorKind);
        return;
      }
      const feed = await parseFeed(source, FEED_URL);
      expect(feed.format).toBe(format);
      expect(feed.title).toBe(title);
    },
  }));
}

/** parser/json: JSON Feed documents beside the same document as gofeed's JSON Feed struct; invalid/ must fail. */
function gofeedJsonParserCases(): CorpusCase[] {
  const dir = join(CORPUS_DIR, 'gofeed/parser/json');
  const cases: CorpusCase[] = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('_expected.json'))
    .map((f) => ({
      name: `gofeed/parser/json/${f} (JSON Feed fields)`,
      source: 'gofeed',
      files: [`gofeed/parser/json/${f}`, `gofeed/parser/json/${f.replace(/\.json$/, '_expected.json')}`],
      check: async () => {
        const source = readFileSync(join(dir, f), 'utf8');
        const expected = JSON.parse(readFileSync(join(dir, f.replace(/\.json$/, '_expected.json')), 'utf8')) as JsonFeedDoc;
        const parsed = await parseFeedEntries(source, FEED_URL);
        expect(parsed.format).toBe('json');
        expect(parsed.title).toBe(expected.title ?? '');
        expect(parsed.link).toBe(urlOf(expected.home_page_url));
        expect(parsed.entries.length).toBe(expected.items?.length ?? 0);
        (expected.items ?? []).forEach((item, i) => {
          const e = parsed.entries[i]!;
          expect(e.url).toBe(urlOf(item.url ?? item.external_url));
          expect(e.guid).toBe(item.id ?? e.url);
          expect(e.title).toBe(item.title ?? '');
          expect(e.contentHtml).toBe(item.content_html ?? null);
          expect(e.summary).toBe(item.summary ?? null);
          expect(instant(e.published)).toBe(instant(item.date_published ?? item.date_modified));
          expect(instant(e.updated)).toBe(instant(item.date_modified));
          expect(e.author).toBe((item.authors?.[0] ?? item.author)?.name ?? null);
          expect(e.categories).toEqual(item.tags ?? []);
          expect(e.image).toBe(urlOf(item.image ?? item.banner_image));
        });
        await expectFilteredItems(source, parsed);
      },
    }));
  cases.push({
    name: 'gofeed/parser/json/invalid/invalid.json (truncated JSON is an error)',
    source: 'gofeed',
    files: ['gofeed/parser/json/invalid/invalid.json'],
    check: () => expectRejected(readFileSync(join(dir, 'invalid/invalid.json'), 'utf8'), 'malformed'),
  });
  return cases;
}

interface JsonFeedDoc {
  title?: string; home_page_url?: string;
  items?: {
    id?: string; url?: string; external_url?: string; title?: string; content_html?: string; summary?: string;
    date_published?: string; date_modified?: string; author?: { name?: string }; authors?: { name?: string }[];
    tags?: string[]; image?: string; banner_image?: string;
  }[];
}

// ---------------------------------------------------------------------------------------------
// miniflux: charset and real-feed cases; expectations are the ones DATA.md spells out. The bytes
// go through the fetch stage's decoder first, as they do in production.

interface MinifluxFeedCase {
  file: string;
  about: string;
  format?: string;
  feedTitle?: string;
  items?: number;
  firstTitles?: string[];
  firstSummaryContains?: string;
}

const MINIFLUX_FEEDS: MinifluxFeedCase[] = [
  { file: 'encoding/testdata/utf8.xml', about: 'UTF-8', feedTitle: '테스트 피드', firstTitles: ['Café'] },
  { file: 'encoding/testdata/utf8-incorrect-prolog.xml', about: 'prolog says ISO-8859-1, bytes are UTF-8', feedTitle: '테스트 피드', firstTitles: ['Café'] },
  { file: 'encoding/testdata/invalid-prolog.xml', about: 'prolog names no real charset', feedTitle: '테스트 피드', firstTitles: ['Café'] },
  { file: 'encoding/testdata/windows-1252.xml', about: 'real windows-1252', feedTitle: 'Euro €' },
  { file: 'encoding/testdata/windows-1252-incorrect-prolog.xml', about: 'prolog says windows-1252, bytes are UTF-8', feedTitle: 'Euro €' },
  { file: 'encoding/testdata/iso-8859-1.xml', about: 'ISO-8859-1', feedTitle: 'Café' },
  { file: 'encoding/testdata/koi8r.xml', about: 'KOI8-R', feedTitle: 'Пример RSS ленты', firstTitles: ['Первая новость', 'Вторая новость'] },
  { file: 'xml/testdata/koi8r.xml', about: 'KOI8-R', feedTitle: 'Пример RSS ленты', firstTitles: ['Первая новость', 'Вторая новость'] },
  {
    file: 'parser/testdata/encoding_ISO-8859-1.xml', about: 'Golem.de, ISO-8859-1', feedTitle: 'Golem.de', items: 40,
    firstTitles: ['Red Dead Redemption 2: Hinweise auf PC-Umsetzung in App von Rockstar Games'], firstSummaryContains: 'wünschen',
  },
  { file: 'parser/testdata/encoding_WINDOWS-1251.xml', about: 'windows-1251', items: 50, firstTitles: ['Цитата #17703'] },
  {
    file: 'parser/testdata/no_encoding_ISO-8859-1.xml', about: 'no prolog, ISO-8859-1 bytes', items: 10,
    firstTitles: ['Perturbateurs endocriniens : quels effets sur le cerveau ?'],
  },
  { file: 'parser/testdata/rdf_UTF8.xml', about: 'RSS 1.0', format: 'rdf', items: 60 },
  { file: 'parser/testdata/urdu_UTF8.xml', about: 'right-to-left Urdu', items: 26 },
  { file: 'parser/testdata/large_rss.xml', about: 'large RSS', items: 25 },
  { file: 'parser/testdata/large_atom.xml', about: 'large Atom', format: 'atom' },
  { file: 'parser/testdata/small_atom.xml', about: 'small Atom', format: 'atom' },
];

/** Non-feed documents: what DATA.md expects of them is decoded text (the words they hold, no U+FFFD). */
const MINIFLUX_TEXTS: { file: string; about: string; kind: 'feed' | 'html'; words: string[] }[] = [
  { file: 'encoding/testdata/utf8.html', about: 'UTF-8 page', kind: 'html', words: ['Café'] },
  { file: 'encoding/testdata/utf8-meta-after-1024.html', about: 'UTF-8 page, meta charset after 1 KiB', kind: 'html', words: ['Café'] },
  { file: 'encoding/testdata/iso-8859-1.html', about: 'ISO-8859-1 page', kind: 'html', words: ['Café'] },
  { file: 'encoding/testdata/iso-8859-1-meta-after-1024.html', about: 'ISO-8859-1 page, meta charset after 1 KiB', kind: 'html', words: ['Café'] },
  { file: 'xml/testdata/iso88591.xml', about: 'ISO-8859-1 XML', kind: 'feed', words: ['Anaïs', 'Jürgen'] },
  { file: 'xml/testdata/iso88591_utf8_mismatch.xml', about: 'prolog says UTF-8, bytes are ISO-8859-1', kind: 'feed', words: ['Anaïs', 'Jürgen'] },
];

function minifluxCases(): CorpusCase[] {
  const feeds = MINIFLUX_FEEDS.map<CorpusCase>((c) => ({
    name: `miniflux/${c.file} (${c.about})`,
    source: 'miniflux',
    files: [`miniflux/${c.file}`],
    check: async () => {
      const bytes = readFileSync(join(CORPUS_DIR, 'miniflux', c.file));
      const { text } = decodeBody(new Uint8Array(bytes), null, 'feed');
      const feed = await parseFeedEntries(text, FEED_URL);
      const { entries } = feed;
      if (c.format) expect(feed.format).toBe(c.format);
      if (c.feedTitle) expect(feed.title).toBe(c.feedTitle);
      // Counts are of the feed's entries, as Miniflux counts them; parseFeed then drops the
      // link-less ones (one in no_encoding_ISO-8859-1.xml), which expectFilteredItems checks.
      if (c.items !== undefined) expect(entries.length).toBe(c.items);
      if (c.firstTitles) expect(entries.slice(0, c.firstTitles.length).map((e) => e.title)).toEqual(c.firstTitles);
      if (c.firstSummaryContains) expect(`${entries[0]?.summary} ${entries[0]?.contentHtml}`).toContain(c.firstSummaryContains);
      // Everywhere: no replacement character in any decoded title.
      for (const t of [feed.title, ...entries.map((e) => e.title)]) expect(t).not.toContain('\ufffd');
      await expectFilteredItems(text, feed);
    },
  }));
  const texts = MINIFLUX_TEXTS.map<CorpusCase>((c) => ({
    name: `miniflux/${c.file} (${c.about})`,
    source: 'miniflux',
    files: [`miniflux/${c.file}`],
    check: async () => {
      const bytes = readFileSync(join(CORPUS_DIR, 'miniflux', c.file));
      const { text } = decodeBody(new Uint8Array(bytes), null, c.kind);
      for (const w of c.words) expect(text).toContain(w);
      expect(text).not.toContain('\ufffd');
    },
  }));
  return [...feeds, ...texts];
}

// ---------------------------------------------------------------------------------------------

async function expectRejected(source: string, kind: FeedParseError['kind']): Promise<void> {
  const err = await parseFeed(source, FEED_URL).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FeedParseError);
  expect((err as FeedParseError).kind).toBe(kind);
}

/** An expected URL as the WHATWG URL standard serialises it (what any canonical form starts from). */
function urlOf(u: string | undefined | null): string | null {
  if (!u) return null;
  return new URL(u, FEED_URL).href;
}

function instant(d: string | null | undefined): number | null {
  return d ? Date.parse(d) : null;
}

/**
 * Text of an HTML or text field, written independently of src/feeds/text.ts so that the
 * comparison does not use the code under test: tags removed, the common entities decoded,
 * whitespace collapsed.
 */
export function textOf(s: string | null | undefined): string {
  if (!s) return '';
  return s
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
      const l = e.toLowerCase();
      if (l.startsWith('#x')) return String.fromCodePoint(parseInt(l.slice(2), 16));
      if (l.startsWith('#')) return String.fromCodePoint(Number(l.slice(1)));
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[l]!;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every fixture file of the corpus (DATA.md aside), relative to the corpus directory. */
export function corpusFiles(): string[] {
  return walk(CORPUS_DIR).map((f) => relative(CORPUS_DIR, f));
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : [p];
    })
    .filter((p) => basename(p) !== 'DATA.md');
}
