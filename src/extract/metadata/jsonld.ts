/** What JSON-LD (schema.org) says about the page's article, when it says anything. */
export interface JsonLdArticle {
  headline: string | null;
  articleBody: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  publisher: string | null;
  image: string | null;
  description: string | null;
  inLanguage: string | null;
  url: string | null;
  type: string;
}

const ARTICLE_TYPES = /^(Article|NewsArticle|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|LiveBlogPosting|ScholarlyArticle|TechArticle|Report|SocialMediaPosting|WebPage|ItemPage)$/;

type Json = Record<string, unknown>;

function objects(value: unknown, out: Json[], depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) objects(v, out, depth + 1);
    return;
  }
  const obj = value as Json;
  out.push(obj);
  if (obj['@graph']) objects(obj['@graph'], out, depth + 1);
  if (obj.mainEntity) objects(obj.mainEntity, out, depth + 1);
}

const types = (o: Json): string[] => ([] as unknown[]).concat(o['@type'] ?? []).filter((t): t is string => typeof t === 'string');

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Json;
    return str(o.url ?? o['@id'] ?? o.name ?? o['@value']);
  }
  return null;
}

function names(v: unknown): string[] {
  const out: string[] = [];
  for (const a of ([] as unknown[]).concat(v ?? [])) {
    if (typeof a === 'string') out.push(a.trim());
    else if (a && typeof a === 'object') {
      const n = (a as Json).name;
      if (typeof n === 'string') out.push(n.trim());
    }
  }
  return out.filter((n) => n !== '' && !/^https?:\/\//.test(n));
}

/**
 * Reads every `application/ld+json` script and returns the most article-like object. Broken
 * scripts are common (trailing commas, HTML comments, raw newlines): they are tried once more
 * cleaned and otherwise skipped.
 */
export function readJsonLd(scripts: string[]): JsonLdArticle | null {
  const all: Json[] = [];
  for (const s of scripts) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(s);
    } catch {
      try {
        parsed = JSON.parse(s.replace(/^\s*<!--|-->\s*$/g, '').replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
      } catch {
        continue;
      }
    }
    objects(parsed, all);
  }
  const rank = (o: Json) => {
    const t = types(o).find((x) => ARTICLE_TYPES.test(x));
    if (!t) return -1;
    return (o.articleBody ? 4 : 0) + (/Article|Posting|Report/.test(t) ? 2 : 0) + (o.headline ? 1 : 0);
  };
  let best: Json | null = null;
  for (const o of all) if (rank(o) >= 0 && (!best || rank(o) > rank(best))) best = o;
  if (!best) return null;
  const publisher = best.publisher as Json | undefined;
  return {
    type: types(best).find((x) => ARTICLE_TYPES.test(x)) ?? '',
    headline: str(best.headline) ?? str(best.name),
    articleBody: typeof best.articleBody === 'string' ? best.articleBody : null,
    authors: names(best.author ?? best.creator),
    datePublished: str(best.datePublished) ?? str(best.dateCreated),
    dateModified: str(best.dateModified),
    publisher: publisher && typeof publisher === 'object' ? str(publisher.name) : null,
    image: str(best.image) ?? str(best.thumbnailUrl),
    description: str(best.description),
    inLanguage: str(best.inLanguage),
    url: str(best.url) ?? str(best.mainEntityOfPage),
  };
}
