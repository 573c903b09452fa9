import { describe, expect, test } from 'vitest';
import { FeedParseError, parseFeed, parseFeedEntries } from '../../src/feeds/index.js';

const FEED_URL = 'https://news.example/feeds/all.xml';

async function rejection(text: string): Promise<FeedParseError> {
  const err = await parseFeed(text, FEED_URL).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FeedParseError);
  return err as FeedParseError;
}

describe('FeedParseError kinds', () => {
  test.each(['', '   \n\t', '\ufeff'])('empty body %j is "empty"', async (text) => {
    const err = await rejection(text);
    expect(err.kind).toBe('empty');
  });

  test('an HTML page is "not-a-feed", said in words', async () => {
    const err = await rejection('<!DOCTYPE html>\n<html><head><title>Accueil</title></head><body><p>Bienvenue</p></body></html>');
    expect(err.kind).toBe('not-a-feed');
    expect(err.message).toBe('expected an RSS, Atom or JSON feed but got an HTML page');
  });

  test('an HTML fragment without doctype is "not-a-feed"', async () => {
    expect((await rejection('<html lang="fr"><body>x</body></html>')).kind).toBe('not-a-feed');
    expect((await rejection('<body>maintenance</body>')).kind).toBe('not-a-feed');
  });

  test('XML of another kind names its root element', async () => {
    const err = await rejection('<?xml version="1.0"?><sitemapindex><sitemap/></sitemapindex>');
    expect(err.kind).toBe('not-a-feed');
    expect(err.message).toContain('<sitemapindex>');
  });

  test('JSON that is not a JSON Feed is "not-a-feed"', async () => {
    expect((await rejection('{"status":"error","code":403}')).kind).toBe('not-a-feed');
  });

  test('plain text is "not-a-feed" and quoted', async () => {
    const err = await rejection('Service Unavailable');
    expect(err.kind).toBe('not-a-feed');
    expect(err.message).toContain('Service Unavailable');
  });

  test('broken XML is "malformed" with the parser\'s reason and a 1-based line', async () => {
    const err = await rejection('<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>x</titl>\n</channel></rss>');
    expect(err.kind).toBe('malformed');
    expect(err.message).toMatch(/^malformed XML feed: Unexpected close tag at line 4, column \d+$/);
  });

  test('a truncated feed is "malformed"', async () => {
    const err = await rejection('<rss version="2.0"><channel><item><title>Cut off');
    expect(err.kind).toBe('malformed');
  });

  test('broken JSON is "malformed" with the parser\'s reason', async () => {
    const err = await rejection('{"version": "https://jsonfeed.org/version/1.1", "items": [');
    expect(err.kind).toBe('malformed');
    expect(err.message).toMatch(/^malformed JSON feed: /);
  });
});

describe('parseFeed', () => {
  test('resolves relative links against xml:base, drops tracking parameters, dedupes by URL', async () => {
    const feed = await parseFeed(
      `<?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.example.org/news/" xml:lang="fr">
        <title type="html">Le &lt;b&gt;Monde&lt;/b&gt; &amp;amp; co</title>
        <link href="/" />
        <entry xml:base="sahel/">
          <id>tag:example.org,2024:1</id>
          <title>Bamako : reprise des vols</title>
          <link rel="alternate" href="bamako.html?utm_source=rss&amp;id=7#top" />
          <link rel="enclosure" type="image/jpeg" href="/img/bamako.jpg" />
          <updated>2024-06-15T10:00:00+02:00</updated>
        </entry>
        <entry>
          <id>tag:example.org,2024:2</id>
          <title>Doublon</title>
          <link href="sahel/bamako.html?id=7&amp;fbclid=abc" />
        </entry>
        <entry><title>Sans lien</title></entry>
      </feed>`,
      FEED_URL,
    );
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Le Monde & co');
    expect(feed.link).toBe('https://www.example.org/');
    expect(feed.language).toBe('fr');
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item).toEqual({
      url: 'https://www.example.org/news/sahel/bamako.html?id=7',
      guid: 'tag:example.org,2024:1',
      title: 'Bamako : reprise des vols',
      published: '2024-06-15T08:00:00.000Z',
      updated: '2024-06-15T08:00:00.000Z',
      summary: null,
      contentHtml: null,
      author: null,
      categories: [],
      image: 'https://www.example.org/img/bamako.jpg',
    });
    const { entries } = await parseFeedEntries('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title></entry></feed>', FEED_URL);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.url).toBeNull();
  });

  test('an Atom entry with a date nobody can read keeps the feed (rss-parser alone would throw)', async () => {
    const feed = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title><link href="https://ex.org/a"/><published>hier</published><updated>n/a</updated></entry></feed>`,
      FEED_URL,
    );
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.published).toBeNull();
    expect(feed.items[0]!.updated).toBeNull();
  });

  test('an Atom <link> without attributes does not lose the feed (rss-parser alone would throw)', async () => {
    const feed = await parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><link>https://ex.org/</link><entry><link>https://ex.org/a</link><title>A</title></entry></feed>',
      FEED_URL,
    );
    expect(feed.link).toBe('https://ex.org/');
    expect(feed.items.map((i) => i.url)).toEqual(['https://ex.org/a']);
  });

  test('an RSS document without <channel> is an empty feed, not a crash', async () => {
    const feed = await parseFeed('<rss version="2.0"></rss>', FEED_URL);
    expect(feed).toEqual({ format: 'rss', title: '', link: null, language: null, items: [] });
  });

  test('a root element with nothing in it, not even attributes, is "not-a-feed"', async () => {
    for (const text of ['<rss></rss>', '<feed/>', '<rdf:RDF></rdf:RDF>']) expect((await rejection(text)).kind, text).toBe('not-a-feed');
  });

  test('RSS: bare ampersands, HTML entities, control characters, and junk before the prolog are tolerated', async () => {
    const feed = await parseFeed(
      `Warning: something in /var/www/feed.php on line 3\n<?xml version="1.0"?>
      <rss version="2.0"><channel><title>Tom & Jerry&nbsp;News\u0001</title><link>https://ex.org/</link>
      <item><title>Élections &eacute; &amp;quot;2024&amp;quot; &#8211; résultats</title>
        <link>https://ex.org/a?x=1&y=2</link>
        <description><![CDATA[<p>Un <b>résumé</b> &amp; plus<script>alert(1)</script></p><p>Deux</p>]]></description>
        <pubDate>Sat, 15 Jun 2024 10:00:00 GMT</pubDate>
        <author>redaction@ex.org (La Rédaction)</author>
        <category>Afrique</category><category>Afrique</category><category><![CDATA[Mali & Niger]]></category>
      </item></channel></rss>`,
      FEED_URL,
    );
    expect(feed.title).toBe('Tom & Jerry News');
    const [item] = feed.items;
    expect(item!.title).toBe('Élections é "2024" – résultats');
    expect(item!.url).toBe('https://ex.org/a?x=1&y=2');
    expect(item!.summary).toBe('Un résumé & plus Deux');
    expect(item!.author).toBe('La Rédaction');
    expect(item!.categories).toEqual(['Afrique', 'Mali & Niger']);
    expect(item!.published).toBe('2024-06-15T10:00:00.000Z');
    expect(item!.guid).toBe('https://ex.org/a?x=1&y=2');
  });

  test('RSS: FeedBurner origLink over the redirect, content:encoded, media images, guid permalinks', async () => {
    const feed = await parseFeed(
      `<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
      <channel><title>T</title><link>https://ex.org/</link>
        <item><title>One</title><link>https://feeds.feedburner.com/~r/ex/~3/abc/</link>
          <feedburner:origLink>https://ex.org/one?utm_medium=rss</feedburner:origLink>
          <content:encoded><![CDATA[<p>Full <img src="/inline.jpg"> text</p>]]></content:encoded>
          <media:group><media:content url="https://ex.org/v.mp4" medium="video"/><media:thumbnail url="https://ex.org/thumb.jpg"/></media:group>
        </item>
        <item><title>Two</title><guid>https://ex.org/two</guid>
          <enclosure url="https://ex.org/two.mp3" type="audio/mpeg" length="1"/>
          <description>&lt;img src="/two.png" width="600"&gt; Two</description>
        </item>
        <item><title>Three</title><guid isPermaLink="false">https://ex.org/not-a-link</guid></item>
        <item><title>Relative</title><link>/four</link></item>
      </channel></rss>`,
      FEED_URL,
    );
    expect(feed.items.map((i) => [i.url, i.image])).toEqual([
      ['https://ex.org/one', 'https://ex.org/thumb.jpg'],
      ['https://ex.org/two', 'https://ex.org/two.png'],
      ['https://ex.org/four', null],
    ]);
    expect(feed.items[0]!.contentHtml).toBe('<p>Full <img src="/inline.jpg"> text</p>');
  });

  test('RSS 1.0 (RDF) with Dublin Core dates and creators', async () => {
    const feed = await parseFeed(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://ex.org/rss"><title>R</title><link>https://ex.org/</link><dc:language>ar</dc:language></channel>
        <item rdf:about="https://ex.org/1"><title>خبر</title><link>https://ex.org/1</link><dc:date>2024-01-02T03:04:05+03:00</dc:date><dc:creator>مراسل</dc:creator><dc:subject>سياسة</dc:subject></item>
      </rdf:RDF>`,
      FEED_URL,
    );
    expect(feed.format).toBe('rdf');
    expect(feed.language).toBe('ar');
    expect(feed.items[0]).toMatchObject({ url: 'https://ex.org/1', title: 'خبر', published: '2024-01-02T00:04:05.000Z', author: 'مراسل', categories: ['سياسة'] });
  });

  test('JSON Feed: relative URLs resolve against the feed URL; content_text becomes escaped HTML', async () => {
    const feed = await parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        home_page_url: 'https://news.example/',
        items: [
          { id: 1, url: '/a?utm_source=x', content_text: 'a < b & c', date_published: '2024-05-01T00:00:00Z', authors: [{ name: 'N' }] },
          { id: 2, external_url: 'https://other.example/b' },
          { id: 3, title: 'no url' },
        ],
      }),
      FEED_URL,
    );
    expect(feed.items.map((i) => i.url)).toEqual(['https://news.example/a', 'https://other.example/b']);
    expect(feed.items[0]).toMatchObject({ guid: '1', contentHtml: 'a &lt; b &amp; c', author: 'N', published: '2024-05-01T00:00:00.000Z' });
  });

  test('Atom xhtml content keeps its words; type="text" titles keep angle brackets literally', async () => {
    const feed = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://ex.org/x"/>
        <title type="text">Use &lt;br&gt; wisely</title>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>bold</b> world</p></div></content>
      </entry></feed>`,
      FEED_URL,
    );
    expect(feed.items[0]!.title).toBe('Use <br> wisely');
    expect(feed.items[0]!.contentHtml).toBe('<p>Hello <b>bold</b> world</p>');
  });
});
