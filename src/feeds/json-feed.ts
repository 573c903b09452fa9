import { emptyEntry, type RawEntry, type RawFeed } from './entry.js';
import { FeedParseError } from './types.js';

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). */
export function parseJsonFeed(source: string): RawFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(source.replace(/^\ufeff/, ''));
  } catch (err) {
    throw new FeedParseError(`malformed JSON feed: ${err instanceof Error ? err.message : String(err)}`, 'malformed');
  }
  if (!isObject(doc) || !(Array.isArray(doc['items']) || /jsonfeed\.org/.test(str(doc['version']) ?? ''))) {
    throw new FeedParseError('expected an RSS, Atom or JSON feed but got a JSON document that is not a JSON Feed', 'not-a-feed');
  }
  const items = Array.isArray(doc['items']) ? doc['items'].filter(isObject) : [];
  return {
    format: 'json',
    title: str(doc['title']),
    link: str(doc['home_page_url']),
    language: str(doc['language']),
    bases: [],
    entries: items.map(mapItem),
  };
}

function mapItem(item: Record<string, unknown>): RawEntry {
  const entry = emptyEntry([]);
  // external_url is the page the item is about (a link blog's target): used only when the item has no page of its own.
  entry.links = [str(item['url']), str(item['external_url'])].filter((u): u is string => u !== null);
  const id = item['id'];
  entry.id = typeof id === 'number' ? String(id) : str(id);
  entry.title = str(item['title']);
  entry.published = str(item['date_published']);
  entry.updated = str(item['date_modified']);
  entry.summary = str(item['summary']);
  // content_text is the full content as plain text: escaped, it is valid HTML of the same words.
  entry.contentHtml = str(item['content_html']) ?? escapeHtml(str(item['content_text']));
  // 1.1 has `authors`; 1.0's single `author` is deprecated but still written by many generators.
  const authors = Array.isArray(item['authors']) ? item['authors'] : item['author'] ? [item['author']] : [];
  entry.authors = authors.filter(isObject).map((a) => str(a['name'])).filter((n): n is string => n !== null);
  entry.categories = Array.isArray(item['tags']) ? item['tags'].map(str).filter((t): t is string => t !== null) : [];
  const attachments = Array.isArray(item['attachments']) ? item['attachments'].filter(isObject) : [];
  entry.images = [
    str(item['image']),
    str(item['banner_image']),
    ...attachments.filter((a) => /^image\//i.test(str(a['mime_type']) ?? '')).map((a) => str(a['url'])),
  ].filter((u): u is string => u !== null);
  return entry;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function escapeHtml(s: string | null): string | null {
  return s === null ? null : s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
