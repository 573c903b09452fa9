import { load } from 'cheerio/slim';
import type { ExtractedArticle, ExtractInput, TextBlock } from './types.js';

export type { ExtractedArticle, ExtractInput, TextBlock } from './types.js';

/** Extracts the main text and metadata of one article page. Pure and synchronous. */
export function extractArticle(input: ExtractInput): ExtractedArticle {
  const html = typeof input.html === 'string' ? input.html : new TextDecoder().decode(input.html);
  const $ = load(html);
  $('script, style, noscript, nav, header, footer, aside, form').remove();
  const root = $('article').first().length ? $('article').first() : $('body');
  const blocks: TextBlock[] = [];
  root.find('p, h1, h2, h3, li').each((_, el) => {
    const text = $(el).text().replace(/\s+/g, ' ').trim();
    if (!text) return;
    const kind = el.tagName === 'li' ? 'list-item' : el.tagName.startsWith('h') ? 'heading' : 'paragraph';
    blocks.push({ kind, text });
  });
  const meta = (name: string) => $(`meta[property="${name}"], meta[name="${name}"]`).attr('content')?.trim() || null;
  const title = meta('og:title') ?? ($('title').text().trim() || null);
  return {
    isArticle: blocks.length > 0,
    notArticleReason: blocks.length > 0 ? null : 'no main text found',
    title,
    byline: meta('author'),
    authors: meta('author') ? [meta('author')!] : [],
    published: null,
    modified: null,
    language: $('html').attr('lang')?.slice(0, 2).toLowerCase() ?? null,
    canonicalUrl: $('link[rel="canonical"]').attr('href') ?? null,
    siteName: meta('og:site_name'),
    image: meta('og:image'),
    description: meta('description') ?? meta('og:description'),
    blocks,
    text: blocks.map((b) => b.text).join('\n\n'),
  };
}
