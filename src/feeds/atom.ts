import { emptyEntry, type RawEntry, type RawFeed } from './entry.js';
import { mediaImages } from './media.js';
import { attr, childText, children, text, type XmlNode } from './xml-nodes.js';

/** Atom 1.0 and 0.3 (RFC 4287; 0.3 named dates issued/modified and content had a `mode`). */
export function mapAtom(feed: Record<string, unknown>, entries: Record<string, unknown>[]): RawFeed {
  const feedBase = attr(feed as XmlNode, 'xml:base');
  const bases = feedBase ? [feedBase] : [];
  return {
    format: 'atom',
    title: contentOf(children(feed, 'title')[0]),
    link: alternateLinks(feed)[0] ?? null,
    language: attr(feed as XmlNode, 'xml:lang'),
    bases,
    entries: entries.map((e) => mapEntry(e, bases)),
  };
}

function mapEntry(e: Record<string, unknown>, feedBases: string[]): RawEntry {
  const base = attr(e as XmlNode, 'xml:base');
  const entry = emptyEntry(base ? [base, ...feedBases] : feedBases);
  entry.links = alternateLinks(e);
  entry.id = childText(e, 'id');
  entry.title = contentOf(children(e, 'title')[0]);
  entry.published = childText(e, 'published', 'issued', 'created', 'dc:date');
  entry.updated = childText(e, 'updated', 'modified');
  entry.summary = contentOf(children(e, 'summary')[0]);
  entry.contentHtml = contentOf(children(e, 'content')[0]);
  entry.authors = [...children(e, 'author'), ...children(e, 'contributor')]
    .map((a) => childText(a, 'name') ?? childText(a, 'email'))
    .filter((a): a is string => a !== null);
  if (entry.authors.length === 0) entry.authors = children(e, 'dc:creator').map((c) => text(c)?.trim() ?? '').filter(Boolean);
  entry.categories = children(e, 'category')
    // label is the human-readable form (RFC 4287 4.2.2); term is often a slug or a URI.
    .map((c) => attr(c, 'label')?.trim() || attr(c, 'term')?.trim() || text(c)?.trim() || '')
    .filter(Boolean);
  entry.images = mediaImages(e);
  return entry;
}

/**
 * The entry's web page: rel="alternate" (the default when rel is absent), text/html first when
 * there are several. A link may carry its own xml:base, applied here.
 */
function alternateLinks(node: unknown): string[] {
  const links = children(node, 'link').filter((l) => {
    const rel = attr(l, 'rel');
    return rel === null || rel === '' || rel === 'alternate';
  });
  const html = links.filter((l) => /html/i.test(attr(l, 'type') ?? 'text/html'));
  return [...html, ...links.filter((l) => !html.includes(l))]
    .map((l) => {
      const href = attr(l, 'href')?.trim() ?? text(l)?.trim() ?? '';
      const base = attr(l, 'xml:base');
      if (!base || !href) return href;
      try {
        return new URL(href, base).href;
      } catch {
        return href;
      }
    })
    .filter(Boolean);
}

/**
 * An Atom text construct: type="html" holds escaped HTML (already unescaped by the XML parser),
 * type="xhtml" holds markup as elements, type="text" or none holds text. Atom 0.3's
 * mode="base64" is decoded; mode="escaped" is like html.
 */
function contentOf(node: XmlNode | undefined): string | null {
  if (node === undefined) return null;
  const value = text(node);
  if (value === null) return null;
  if (attr(node, 'mode') === 'base64') {
    return Buffer.from(value, 'base64').toString('utf8').trim() || null;
  }
  const type = (attr(node, 'type') ?? 'text').toLowerCase();
  // Plain text is escaped so that normalisation (which reads fields as HTML) keeps it literally:
  // a title "Use <br> tags" must not lose its words.
  if (type === 'text' || type === 'text/plain') return escapeHtml(value).trim() || null;
  return value.trim() || null;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const XHTML_CONSTRUCT =
  /<((?:atom:)?(?:content|summary|title|subtitle|rights))(\s[^>]*?\btype\s*=\s*["']xhtml["'][^>]*)>([\s\S]*?)<\/\1\s*>/g;

/**
 * Rewrites Atom type="xhtml" text constructs as type="html" with the markup in a CDATA section,
 * before parsing. The XML tree keeps an element's text apart from its child elements, so
 * "<p>Hello <b>bold</b> world</p>" would come back as "Hello  world" plus "bold": reading the
 * markup as a string keeps it whole and in order. The wrapping xhtml <div> is not content
 * (RFC 4287 3.1.1.3) and is removed.
 */
export function xhtmlConstructsAsHtml(xml: string): string {
  if (!/type\s*=\s*["']xhtml["']/.test(xml)) return xml;
  return xml.replace(XHTML_CONSTRUCT, (_m, name: string, attrs: string, inner: string) => {
    const unwrapped = /^\s*<(?:xhtml:)?div\b[^>]*>([\s\S]*)<\/(?:xhtml:)?div>\s*$/.exec(inner)?.[1] ?? inner;
    const html = unwrapped.replace(/<(\/?)xhtml:/g, '<$1').replace(/\]\]>/g, ']]]]><![CDATA[>');
    return `<${name}${attrs.replace(/\btype\s*=\s*["']xhtml["']/, 'type="html"')}><![CDATA[${html}]]></${name}>`;
  });
}
