import { byTime, type PreparedArticle } from './prepared.js';
import { sentenceKey } from './sentence-key.js';
import type { Account, AccountCopy } from './types.js';

/** The independent accounts of an event: originals, each with its copies, and who is whose copy. */
export interface AccountGroups {
  /** Originals, earliest first. */
  originals: PreparedArticle[];
  /** Article id -> id of the original account it belongs to (itself for an original). */
  originalOf: Map<string, string>;
}

/**
 * Follows duplicateOf to the article at the root (a copy of a copy belongs to the first original).
 * A copy whose original is not in the event, or a cycle, makes the article its own account.
 */
export function groupAccounts(articles: readonly PreparedArticle[]): AccountGroups {
  const byId = new Map(articles.map((a) => [a.article.id, a]));
  const originalOf = new Map<string, string>();
  for (const a of articles) {
    let current = a;
    const seen = new Set<string>([a.article.id]);
    while (current.article.duplicateOf !== null) {
      const next = byId.get(current.article.duplicateOf);
      if (!next || seen.has(next.article.id)) break;
      seen.add(next.article.id);
      current = next;
    }
    originalOf.set(a.article.id, current.article.id);
  }
  const originals = articles.filter((a) => originalOf.get(a.article.id) === a.article.id).sort(byTime);
  return { originals, originalOf };
}

/** Sentences of `a` whose key is not among `b`'s. */
function missingFrom(a: readonly string[], b: readonly string[]): string[] {
  const keys = new Set(b.map(sentenceKey));
  return a.filter((s) => !keys.has(sentenceKey(s)));
}

function copyOf(copy: PreparedArticle, original: PreparedArticle): AccountCopy {
  const c = copy.article;
  return {
    url: c.url,
    outlet: c.outlet,
    country: c.country,
    language: c.language,
    published: c.published,
    added: missingFrom(copy.sentences, original.sentences),
    dropped: missingFrom(original.sentences, copy.sentences),
  };
}

export function buildAccounts(articles: readonly PreparedArticle[], groups: AccountGroups): Account[] {
  return groups.originals.map((original) => {
    const o = original.article;
    const copies = articles
      .filter((a) => a !== original && groups.originalOf.get(a.article.id) === o.id)
      .sort(byTime)
      .map((copy) => copyOf(copy, original));
    return { url: o.url, outlet: o.outlet, country: o.country, language: o.language, title: o.title, published: o.published, copies };
  });
}
