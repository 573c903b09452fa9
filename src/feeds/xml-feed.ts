import { Parser } from 'xml2js';
import { mapAtom, xhtmlConstructsAsHtml } from './atom.js';
import type { RawFeed } from './entry.js';
import { mapRss } from './rss.js';
import { repairXml } from './xml-repair.js';
import { FeedParseError, type FeedFormat } from './types.js';

type Node = Record<string, unknown>;
type FeedTree = { channel: Node; items: Node[] };

/**
 * xml2js reads the XML into element trees (every child an array, attributes under `$`, text
 * under `_`: see xml-nodes.ts), and atom.ts and rss.ts map them. Feed libraries built on it
 * (rss-parser) lose whole feeds over details, such as one unreadable Atom date, a <link> without
 * attributes or an RSS document without <channel>, and drop what we need (xml:base, every link
 * with its rel, media:*, dc:*); so only the parser is used, with its documented defaults.
 */
const xmlParser = new Parser({ explicitArray: true, attrkey: '$', charkey: '_' });

/** The channel (or Atom feed) element and its items, from a document whose root is `root`. */
function feedTree(document: Node, root: string): FeedTree {
  const top = asNode(document[root]);
  switch (root) {
    case 'feed':
      return { channel: top, items: asNodes(top['entry']) };
    case 'rdf:RDF':
      return { channel: asNode(asNodes(top['channel'])[0]), items: asNodes(top['item']) };
    default: {
      const channel = asNode(asNodes(top['channel'])[0]);
      return { channel, items: asNodes(channel['item']) };
    }
  }
}

function asNode(v: unknown): Node {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {};
}

function asNodes(v: unknown): Node[] {
  return Array.isArray(v) ? v.map(asNode) : [];
}

/** Parses RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 into raw entries. `root` is the document element's name. */
export async function parseXmlFeed(source: string, root: string): Promise<RawFeed> {
  let document: Node;
  try {
    const xml = repairXml(source);
    const parsed = await xmlParser.parseStringPromise(root === 'feed' ? xhtmlConstructsAsHtml(xml) : xml);
    if (parsed === null) throw new Error('no document element');
    document = asNode(parsed);
  } catch (err) {
    throw toParseError(err);
  }
  // An empty root element (<rss/>) is not taken for a feed, nor is a root other than the one detected.
  if (!document[root]) throw notAFeed();
  const built = feedTree(document, root);
  const format: FeedFormat = root === 'feed' ? 'atom' : root === 'rdf:RDF' ? 'rdf' : 'rss';
  return format === 'atom' ? mapAtom(built.channel, built.items) : mapRss(format, built.channel, built.items);
}

function notAFeed(): FeedParseError {
  return new FeedParseError('expected an RSS, Atom or JSON feed but got an XML document of another kind', 'not-a-feed');
}

function toParseError(err: unknown): FeedParseError {
  const message = err instanceof Error ? err.message : String(err);
  // sax reports "Reason\nLine: 3\nColumn: 7\nChar: x" with 0-based lines.
  const [reason, ...rest] = message.split('\n');
  const line = /Line: (\d+)/.exec(rest.join('\n'));
  const column = /Column: (\d+)/.exec(rest.join('\n'));
  const where = line ? ` at line ${Number(line[1]) + 1}${column ? `, column ${column[1]}` : ''}` : '';
  return new FeedParseError(`malformed XML feed: ${reason?.trim() || 'unreadable XML'}${where}`, 'malformed');
}
