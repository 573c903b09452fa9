import { z } from 'zod';
import type { ClusterArticle } from './types.js';

/** A line of `parallax cluster` input that is not an article: the message names the line. */
export class ArticleLineError extends Error {
  override name = 'ArticleLineError';
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

const lineSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  text: z.string(),
  language: z.string().min(1),
  published: z.iso.datetime({ offset: true, local: true }).or(z.iso.date()),
  outlet: z.string().optional(),
  url: z.string().optional(),
});

/**
 * Articles from JSON Lines (`{"id","title","text","language","published","outlet"?,"url"?}`), in
 * input order; blank lines are skipped. An article without a URL gets one derived from its id (the
 * duplicate finder and the event record refer to articles by URL); without an outlet, its own.
 */
export function parseArticleLines(source: string): ClusterArticle[] {
  const out: ClusterArticle[] = [];
  const seen = new Set<string>();
  source.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      throw new ArticleLineError(line, `not JSON (${(err as Error).message})`);
    }
    const parsed = lineSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ArticleLineError(line, `${issue.path.join('.') || 'article'}: ${issue.message}`);
    }
    const a = parsed.data;
    if (seen.has(a.id)) throw new ArticleLineError(line, `id "${a.id}" appears twice`);
    seen.add(a.id);
    out.push({
      id: a.id,
      url: a.url ?? `urn:parallax:article:${encodeURIComponent(a.id)}`,
      language: a.language,
      title: a.title,
      text: a.text,
      published: new Date(a.published),
      outlet: a.outlet ?? a.url ?? a.id,
    });
  });
  return out;
}
