import { absoluteUrl, canonicalUrl } from './canonical-url.js';
import { parseDate } from './dates.js';
import type { RawEntry } from './entry.js';
import { firstImageInHtml } from './image.js';
import { plainText, plainTextOrNull } from './text.js';
import type { FeedEntry } from './types.js';

/** Where relative URLs of an entry are resolved: its xml:base chain, else the site link, then the feed URL. */
export function entryBases(entry: RawEntry, siteLink: string | null, feedUrl: string): string[] {
  // xml:base resolves against the document's own URL (XML Base, RFC 3986); without one, relative
  // links are written relative to the site, which the feed's link names.
  return entry.bases.length > 0 ? [...entry.bases, feedUrl] : [siteLink ?? '', feedUrl];
}

/** One raw entry normalised; `url` is null when none of its links is usable (it cannot become an article). */
export function normalizeEntry(entry: RawEntry, siteLink: string | null, feedUrl: string): FeedEntry {
  const bases = entryBases(entry, siteLink, feedUrl);
  let url: string | null = null;
  for (const link of entry.links) {
    url = canonicalUrl(link, ...bases);
    if (url) break;
  }
  const published = parseDate(entry.published);
  const updated = parseDate(entry.updated);
  const contentHtml = entry.contentHtml?.trim() || null;
  let image: string | null = null;
  for (const c of entry.images) {
    image = absoluteUrl(c, ...bases);
    if (image) break;
  }
  // Parsing HTML for an <img> is the costly fallback: only for items with no media element.
  image ??= absoluteUrl(firstImageInHtml(contentHtml), ...bases) ?? absoluteUrl(firstImageInHtml(entry.summary), ...bases);
  return {
    url,
    guid: entry.id?.trim() || url,
    title: plainText(entry.title),
    // Atom requires <updated> but not <published>: an entry that only says when it was last
    // changed is dated by that rather than left undated. Still never invented.
    published: published ?? updated,
    updated,
    summary: plainTextOrNull(entry.summary),
    contentHtml,
    author: authorOf(entry.authors),
    categories: uniq(entry.categories.map((c) => plainText(c))),
    image,
  };
}

/**
 * The first author as a name. RSS 2.0's <author> is an e-mail address, often "jo@x.org (Jo Doe)",
 * "Jo Doe (jo@x.org)" or "Jo Doe <jo@x.org>": the name is what an analyst wants, the address only
 * when it is all there is.
 */
export function authorOf(authors: string[]): string | null {
  for (const raw of authors) {
    const a = plainText(raw.replace(/</g, '&lt;'));
    if (!a) continue;
    const paren = /^\S+@\S+\s*\((.+)\)$/.exec(a);
    if (paren) return paren[1]!.trim();
    const nameFirst = /^(.+?)\s*\(\S+@\S+\)$/.exec(a);
    if (nameFirst) return nameFirst[1]!.trim();
    const angle = /^(.+?)\s*<\S+@\S+>$/.exec(a);
    if (angle) return angle[1]!.replace(/^"|"$/g, '').trim();
    return a;
  }
  return null;
}

function uniq(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
