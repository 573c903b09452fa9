import { chooseAuthors } from './authors.js';
import { dateFromUrl, normaliseDate } from './dates.js';
import type { JsonLdArticle } from './jsonld.js';
import type { RawMeta } from './raw.js';
import { chooseTitle } from './title.js';

export interface PageMetadata {
  title: string | null;
  authors: string[];
  byline: string | null;
  published: string | null;
  modified: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  image: string | null;
  description: string | null;
  /** Declared languages, most trusted first (JSON-LD, `<html lang>`, http-equiv, og:locale). */
  declaredLanguages: (string | null)[];
}

const first = (raw: RawMeta, ...keys: string[]): string | null => {
  for (const k of keys) {
    const v = raw.meta.get(k)?.find((x) => x !== '');
    if (v) return v;
  }
  return null;
};

function resolveUrl(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function firstDate(candidates: (string | null | undefined)[]): string | null {
  for (const c of candidates) {
    const d = normaliseDate(c);
    if (d) return d;
  }
  return null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

export function buildMetadata(raw: RawMeta, ld: JsonLdArticle | null, url: string): PageMetadata {
  const siteName = first(raw, 'og:site_name', 'application-name', 'twitter:site') ?? ld?.publisher ?? null;
  const title = chooseTitle({
    jsonLd: ld?.headline ?? null,
    og: first(raw, 'og:title'),
    twitter: first(raw, 'twitter:title'),
    html: raw.title,
    h1s: raw.h1s.map((h) => h.text),
    siteName: siteName?.replace(/^@/, '') ?? null,
    host: hostOf(url),
  });
  const authors = chooseAuthors({
    jsonLd: ld?.authors ?? [],
    meta: [...(raw.meta.get('author') ?? []), ...(raw.meta.get('article:author') ?? []), ...(raw.meta.get('dc.creator') ?? []), ...(raw.meta.get('sailthru.author') ?? [])],
    dom: raw.authorTexts,
  });
  const timeProp = (p: string) => raw.times.find((t) => t.prop === p)?.value;
  const published = firstDate([
    ld?.datePublished,
    first(raw, 'article:published_time', 'og:published_time', 'datepublished', 'publishdate', 'pubdate', 'publish-date', 'dc.date.issued', 'dc.date', 'date', 'sailthru.date', 'parsely-pub-date', 'article.published'),
    timeProp('datePublished'),
    raw.times.find((t) => t.prop === null)?.value,
  ]) ?? dateFromUrl(url);
  const modified = firstDate([ld?.dateModified, first(raw, 'article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dc.date.modified'), timeProp('dateModified')]);
  return {
    title,
    authors,
    byline: authors.length > 0 ? authors.join(', ') : null,
    published,
    modified,
    canonicalUrl: resolveUrl(raw.links.get('canonical')?.[0] ?? first(raw, 'og:url') ?? ld?.url ?? null, url),
    siteName,
    image: resolveUrl(first(raw, 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ?? ld?.image ?? null, url),
    description: first(raw, 'description', 'og:description', 'twitter:description') ?? ld?.description ?? null,
    declaredLanguages: [ld?.inLanguage ?? null, raw.htmlLang, first(raw, 'content-language', 'dc.language'), first(raw, 'og:locale')],
  };
}
