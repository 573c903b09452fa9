import Parser from 'rss-parser';
import { mapAtom, xhtmlConstructsAsHtml } from './atom.js';
import type { RawFeed } from './entry.js';
import { mapRss } from './rss.js';
import { repairXml } from './xml-repair.js';
import { FeedParseError, type FeedFormat } from './types.js';

type Node = Record<string, unknown>;
type Built = { channel: Node; items: Node[] };

/**
 * rss-parser parses the XML (xml2js) and recognises the format (Atom, RSS 2.0, RSS 0.9x, RSS 1.0/RDF,
 * and a bare <rss> as 2.0); its builders are replaced so that the channel and the items come back
 * as raw element trees, mapped by atom.ts and rss.ts. Its own builders lose feeds over details:
 * the Atom one calls `new Date(published).toISOString()`, which throws on one unreadable date, and
 * reads `link.$.rel`, which throws on a <link> without attributes; the RSS ones throw on a feed
 * without <channel>. They also drop what we need (xml:base, every link with its rel, media:*,
 * dc:*). Dates, URLs and text are read by our own modules.
 */
class RawTreeParser extends Parser<Node, Node> {
  buildAtomFeed(xmlObj: Node): Built {
    const feed = asNode(xmlObj['feed']);
    return { channel: feed, items: asNodes(feed['entry']) };
  }
  buildRSS2(xmlObj: Node): Built {
    const channel = asNode(asNodes(asNode(xmlObj['rss'])['channel'])[0]);
    return { channel, items: asNodes(channel['item']) };
  }
  buildRSS0_9(xmlObj: Node): Built {
    return this.buildRSS2(xmlObj);
  }
  buildRSS1(xmlObj: Node): Built {
    const rdf = asNode(xmlObj['rdf:RDF']);
    return { channel: asNode(asNodes(rdf['channel'])[0]), items: asNodes(rdf['item']) };
  }
}

function asNode(v: unknown): Node {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {};
}

function asNodes(v: unknown): Node[] {
  return Array.isArray(v) ? v.map(asNode) : [];
}

// A bare <rss> without a version attribute is still RSS 2.0 in practice.
const parser = new RawTreeParser({ defaultRSS: 2 });

/** Parses RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 into raw entries. `root` is the document element's name. */
export async function parseXmlFeed(source: string, root: string): Promise<RawFeed> {
  let built: Built;
  try {
    const xml = repairXml(source);
    built = (await parser.parseString(root === 'feed' ? xhtmlConstructsAsHtml(xml) : xml)) as unknown as Built;
  } catch (err) {
    throw toParseError(err);
  }
  const format: FeedFormat = root === 'feed' ? 'atom' : root === 'rdf:RDF' ? 'rdf' : 'rss';
  return format === 'atom' ? mapAtom(built.channel, built.items) : mapRss(format, built.channel, built.items);
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
