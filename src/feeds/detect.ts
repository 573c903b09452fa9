import { stripPreamble } from './xml-repair.js';

export type Detected =
  | { kind: 'xml-feed'; root: string }
  | { kind: 'json' }
  | { kind: 'html' }
  | { kind: 'other-xml'; root: string }
  | { kind: 'unknown' };

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:RDF']);
const HTML_ROOTS = new Set(['html', 'head', 'body', 'div', 'p', 'meta', 'link', 'script', 'title', 'table', 'br']);

/**
 * What the text is, from its first meaningful characters: the document element's name for XML
 * (after the prolog, comments, processing instructions and the doctype), a brace for JSON.
 * Content-Type headers are not consulted: servers label feeds text/html and pages text/xml.
 */
export function detectFormat(text: string): Detected {
  const s = stripPreamble(text);
  if (s.startsWith('{') || s.startsWith('[')) return { kind: 'json' };
  if (!s.startsWith('<')) return { kind: 'unknown' };
  // Skip what may precede the root element; the head of the text is enough to find it.
  const head = s.slice(0, 65536);
  const skip = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>)*/i;
  const doctype = /<!DOCTYPE\s+html\b/i.test(head.slice(0, 2048));
  const rest = head.slice(skip.exec(head)?.[0].length ?? 0);
  const name = /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
  if (!name) return doctype ? { kind: 'html' } : { kind: 'unknown' };
  if (FEED_ROOTS.has(name)) return { kind: 'xml-feed', root: name };
  if (doctype || HTML_ROOTS.has(name.toLowerCase())) return { kind: 'html' };
  return { kind: 'other-xml', root: name };
}
