import type { Document } from 'domhandler';
import { parseHtml } from './parse.js';
import { selectArticleBlocks } from './score.js';
import type { ExtractedArticle, ExtractInput, TextBlock } from './types.js';
import { walkDocument } from './walk.js';

export type { ExtractedArticle, ExtractInput, TextBlock } from './types.js';

export interface ExtractOptions {
  /** Wall-clock budget for one page after parsing, in milliseconds. */
  timeBudgetMs?: number;
}

/** Extracts the main text and metadata of one article page. Pure and synchronous. */
export function extractArticle(input: ExtractInput, options: ExtractOptions = {}): ExtractedArticle {
  const $ = parseHtml(input.html);
  const doc = $.root()[0] as unknown as Document;
  const { blocks: all, raw } = walkDocument(doc, {
    deadline: performance.now() + (options.timeBudgetMs ?? 2000),
    maxDepth: 400,
    maxBlockChars: 100_000,
  });
  const title = raw.meta.get('og:title')?.[0] ?? raw.title;
  const { blocks } = selectArticleBlocks(all, title);
  const out: TextBlock[] = blocks.map((b) => ({ kind: b.kind, text: b.text }));
  return {
    isArticle: out.length > 0,
    notArticleReason: out.length > 0 ? null : 'no main text found',
    title,
    byline: null,
    authors: [],
    published: null,
    modified: null,
    language: raw.htmlLang?.slice(0, 2).toLowerCase() ?? null,
    canonicalUrl: raw.links.get('canonical')?.[0] ?? null,
    siteName: raw.meta.get('og:site_name')?.[0] ?? null,
    image: raw.meta.get('og:image')?.[0] ?? null,
    description: raw.meta.get('description')?.[0] ?? null,
    blocks: out,
    text: out.map((b) => b.text).join('\n\n'),
  };
}
