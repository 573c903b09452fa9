import { absoluteUrl } from './canonical-url.js';
import { detectFormat } from './detect.js';
import type { RawFeed } from './entry.js';
import { parseJsonFeed } from './json-feed.js';
import { normalizeEntry } from './normalize-item.js';
import { plainText } from './text.js';
import { FeedParseError, type FeedItem, type ParsedFeed, type ParsedFeedEntries } from './types.js';
import { parseXmlFeed } from './xml-feed.js';

export { FeedParseError } from './types.js';
export type { FeedEntry, FeedFormat, FeedItem, ParsedFeed, ParsedFeedEntries } from './types.js';
export { canonicalUrl } from './canonical-url.js';
export { parseDate } from './dates.js';

/**
 * Parses an RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1 document (already decoded to text)
 * fetched from `feedUrl`, and normalises its items. Items without a usable link are dropped;
 * an item whose canonical URL repeats an earlier one is dropped (the first is kept).
 * Throws FeedParseError: 'empty', 'not-a-feed' (HTML page, other XML or JSON, plain text) or 'malformed'.
 */
export async function parseFeed(text: string, feedUrl: string): Promise<ParsedFeed> {
  const { entries, ...feed } = await parseFeedEntries(text, feedUrl);
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const { url } = entry;
    if (url === null || seen.has(url)) continue;
    seen.add(url);
    items.push({ ...entry, url, guid: entry.guid ?? url });
  }
  return { ...feed, items };
}

/** Like parseFeed, but every entry in feed order, link-less ones and duplicates included. */
export async function parseFeedEntries(text: string, feedUrl: string): Promise<ParsedFeedEntries> {
  if (text.replace(/^\ufeff/, '').trim() === '') {
    throw new FeedParseError('the feed is empty: the server returned no content', 'empty');
  }
  const raw = await parseRaw(text);
  const link = absoluteUrl(raw.link, ...raw.bases, feedUrl);
  return {
    format: raw.format,
    title: plainText(raw.title),
    link,
    language: raw.language?.trim() || null,
    entries: raw.entries.map((e) => normalizeEntry(e, link, feedUrl)),
  };
}

async function parseRaw(text: string): Promise<RawFeed> {
  const detected = detectFormat(text);
  switch (detected.kind) {
    case 'xml-feed':
      return parseXmlFeed(text, detected.root);
    case 'json':
      return parseJsonFeed(text);
    case 'html':
      throw new FeedParseError('expected an RSS, Atom or JSON feed but got an HTML page', 'not-a-feed');
    case 'other-xml':
      throw new FeedParseError(`expected an RSS, Atom or JSON feed but got an XML document whose root element is <${detected.root}>`, 'not-a-feed');
    case 'unknown':
      throw new FeedParseError(`expected an RSS, Atom or JSON feed but got text starting "${preview(text)}"`, 'not-a-feed');
  }
}

function preview(text: string): string {
  const s = text.trim().replace(/\s+/g, ' ');
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
