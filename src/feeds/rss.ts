import { emptyEntry, type RawEntry, type RawFeed } from './entry.js';
import { mediaImages } from './media.js';
import { allChildTexts, attr, childText, children, text } from './xml-nodes.js';

/**
 * RSS 0.9x/2.0 and RSS 1.0 (RDF), with the extensions real feeds lean on: Dublin Core (dates,
 * creators, subjects), content:encoded, atom:link, FeedBurner's original link, Media RSS.
 */
export function mapRss(format: 'rss' | 'rdf', channel: Record<string, unknown>, items: Record<string, unknown>[]): RawFeed {
  const base = attr(channel as never, 'xml:base');
  const bases = base ? [base] : [];
  return {
    format,
    title: childText(channel, 'title', 'dc:title'),
    link: siteLink(channel),
    language: childText(channel, 'language', 'dc:language'),
    bases,
    entries: items.map((i) => mapItem(i, bases)),
  };
}

function siteLink(channel: Record<string, unknown>): string | null {
  // <link> text first; an atom:link rel="alternate" stands in when the channel has no <link>.
  for (const l of children(channel, 'link')) {
    const t = text(l)?.trim() || attr(l, 'href');
    if (t) return t;
  }
  for (const name of ['atom:link', 'atom10:link']) {
    for (const l of children(channel, name)) if ((attr(l, 'rel') ?? 'alternate') === 'alternate' && attr(l, 'href')) return attr(l, 'href');
  }
  return null;
}

function mapItem(item: Record<string, unknown>, channelBases: string[]): RawEntry {
  const base = attr(item as never, 'xml:base');
  const entry = emptyEntry(base ? [base, ...channelBases] : channelBases);
  const links: string[] = [];
  // FeedBurner rewrites <link> to its click-counting redirect and keeps the real one here.
  links.push(...allChildTexts(item, 'feedburner:origLink'));
  for (const l of children(item, 'link')) {
    const href = text(l)?.trim() || attr(l, 'href');
    if (href && (attr(l, 'rel') ?? 'alternate') === 'alternate') links.push(href);
  }
  for (const name of ['atom:link', 'atom10:link']) {
    for (const l of children(item, name)) if ((attr(l, 'rel') ?? 'alternate') === 'alternate' && attr(l, 'href')) links.push(attr(l, 'href')!);
  }
  const guidNode = children(item, 'guid')[0];
  const guid = text(guidNode)?.trim() || null;
  // A guid is a permalink unless it says otherwise (RSS 2.0 spec), and only a URL can be one.
  if (guid && attr(guidNode, 'isPermaLink') !== 'false' && /^https?:\/\//i.test(guid)) links.push(guid);
  entry.links = links;
  entry.id = guid ?? childText(item, 'atom:id');
  entry.title = childText(item, 'title', 'dc:title', 'atom:title');
  entry.published = childText(item, 'pubDate', 'dc:date', 'atom:published', 'published', 'dcterms:issued', 'dcterms:created');
  // dc:date is the one date of many RDF feeds: it dates the last change as much as the publication.
  entry.updated = childText(item, 'atom:updated', 'updated', 'dcterms:modified', 'dc:date');
  entry.summary = childText(item, 'description', 'dc:description', 'atom:summary', 'itunes:summary', 'itunes:subtitle');
  entry.contentHtml = childText(item, 'content:encoded', 'atom:content', 'content');
  entry.authors = [
    ...allChildTexts(item, 'author'),
    ...allChildTexts(item, 'dc:creator'),
    // Not a Dublin Core element, but written by enough generators to be worth reading.
    ...allChildTexts(item, 'dc:author'),
    ...children(item, 'atom:author').map((a) => childText(a, 'atom:name', 'name', 'atom:email', 'email') ?? ''),
    ...allChildTexts(item, 'itunes:author'),
  ].filter(Boolean);
  entry.categories = [
    ...allChildTexts(item, 'category'),
    ...allChildTexts(item, 'itunes:keywords').flatMap((k) => k.split(',')),
    ...allChildTexts(item, 'dc:subject'),
    ...children(item, 'atom:category').map((c) => attr(c, 'label')?.trim() || attr(c, 'term')?.trim() || ''),
  ].map((c) => c.trim());
  entry.images = mediaImages(item);
  return entry;
}
