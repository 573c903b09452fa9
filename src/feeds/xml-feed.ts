import Parser from 'rss-parser';
import { mapAtom, xhtmlConstructsAsHtml } from './atom.js';
import type { RawFeed } from './entry.js';
import { mapRss } from './rss.js';
import { repairXml } from './xml-repair.js';
import { FeedParseError, type FeedFormat } from './types.js';

type Raw = { raw: Record<string, unknown> };

/**
 * rss-parser recognises the format (RSS 0.9x/2.0, RSS 1.0/RDF, Atom) and splits channel from items;
 * the items are taken raw from its XML tree and mapped here. Its own item builders are bypassed
 * on purpose: the Atom one calls `new Date(published).toISOString()`, which throws on a date it
 * cannot read and so loses the whole feed for one bad entry, and both drop what we need (xml:base,
 * every link with its rel, media:*, enclosures, dc:*). Dates, URLs and text are read by our own
 * modules instead.
 */
class RawItemParser extends Parser<Record<string, unknown>, Raw> {
  parseItemAtom(entry: Record<string, unknown>): Raw {
    return { raw: entry };
  }
  parseItemRss(item: Record<string, unknown>): Raw {
    return { raw: item };
  }
}

/** Channel-level elements we read, copied raw (every occurrence, attributes kept) into `raw:NAME`. */
const CHANNEL_FIELDS = ['$', 'title', 'link', 'atom:link', 'atom10:link', 'language', 'dc:language', 'dc:title'];

const parser = new RawItemParser({
  // A bare <rss> without a version attribute is still RSS 2.0 in practice.
  defaultRSS: 2,
  customFields: { feed: CHANNEL_FIELDS.map((f) => [f, `raw:${f}`, { keepArray: true }]) as never },
});

/** Parses RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 into raw entries. `root` is the document element's name. */
export async function parseXmlFeed(source: string, root: string): Promise<RawFeed> {
  let out: Record<string, unknown> & { items: Raw[] };
  try {
    const xml = repairXml(source);
    out = (await parser.parseString(root === 'feed' ? xhtmlConstructsAsHtml(xml) : xml)) as never;
  } catch (err) {
    throw toParseError(err);
  }
  const channel: Record<string, unknown> = {};
  for (const f of CHANNEL_FIELDS) if (out[`raw:${f}`] !== undefined) channel[f] = out[`raw:${f}`];
  const entries = out.items.map((i) => i.raw);
  const format: FeedFormat = root === 'feed' ? 'atom' : root === 'rdf:RDF' ? 'rdf' : 'rss';
  return format === 'atom' ? mapAtom(channel, entries) : mapRss(format, channel, entries);
}

function toParseError(err: unknown): FeedParseError {
  const message = err instanceof Error ? err.message : String(err);
  if (/not recognized as RSS/i.test(message)) {
    return new FeedParseError('expected an RSS, Atom or JSON feed but got an XML document of another kind', 'not-a-feed');
  }
  // sax reports "Reason\nLine: 3\nColumn: 7\nChar: x" with 0-based lines.
  const [reason, ...rest] = message.split('\n');
  const line = /Line: (\d+)/.exec(rest.join('\n'));
  const column = /Column: (\d+)/.exec(rest.join('\n'));
  const where = line ? ` at line ${Number(line[1]) + 1}${column ? `, column ${column[1]}` : ''}` : '';
  return new FeedParseError(`malformed XML feed: ${reason?.trim() || 'unreadable XML'}${where}`, 'malformed');
}
