import { paragraphsFromState, stateObjects } from './app-state.js';
import { languageChoice } from './language.js';
import { buildMetadata } from './metadata/index.js';
import { readJsonLd } from './metadata/jsonld.js';
import { MIN_ARTICLE_CHARS, notArticleReason } from './not-article.js';
import { DEFAULT_EXTRACTION_OPTIONS, type ExtractionOptions } from './options.js';
import { parseHtmlWithin } from './parse.js';
import { bodyFromPlainText } from './plain-text.js';
import { selectArticleBlocks } from './score.js';
import { bodyFromStateParagraphs, bodyFromStructuredData } from './structured-body.js';
import type { ExtractedArticle, ExtractInput, TextBlock } from './types.js';
import { walkDocument } from './walk.js';

export type { ExtractedArticle, ExtractInput, TextBlock } from './types.js';

const charsOf = (blocks: { text: string }[]) => blocks.reduce((n, b) => n + b.text.length, 0);

export interface ExtractOptions {
  /** Wall-clock budget for the walk over one page, in milliseconds (parsing is capped by size). */
  timeBudgetMs?: number;
  /** The walk's and the selection's thresholds (see options.ts). */
  thresholds?: ExtractionOptions;
}

/**
 * Extracts the main text and metadata of one page. Pure and synchronous: HTML in (decoded, or
 * bytes whose `<meta charset>` is honoured), a typed record out. The tree is parsed once and
 * walked once; everything after works on the blocks and metadata that walk collected.
 */
export function extractArticle(input: ExtractInput, options: ExtractOptions = {}): ExtractedArticle {
  // One budget for the parse and the walk: either can be what a hostile page makes slow.
  const deadline = performance.now() + (options.timeBudgetMs ?? 2000);
  const thresholds = options.thresholds ?? DEFAULT_EXTRACTION_OPTIONS;
  const parsed = parseHtmlWithin(input.html, deadline);
  const walk = walkDocument(parsed.doc, { deadline, maxDepth: thresholds.maxDepth, maxBlockChars: thresholds.maxBlockChars }, thresholds);
  const ld = readJsonLd(walk.raw.jsonLd);
  const meta = buildMetadata(walk.raw, ld, input.url);
  // What <noscript> holds is read only when the page has no article's text without it.
  const fallback = walk.blocks.some((b) => b.fallback);
  const pageBlocks = fallback ? walk.blocks.filter((b) => !b.fallback) : walk.blocks;
  let selection = selectArticleBlocks(pageBlocks, meta.title, thresholds);
  if (fallback && charsOf(selection.blocks) < MIN_ARTICLE_CHARS) {
    const withFallback = selectArticleBlocks(walk.blocks, meta.title, thresholds);
    if (charsOf(withFallback.blocks) >= MIN_ARTICLE_CHARS) selection = withFallback;
  }
  // A block written as paragraphs between <br><br> (pages without <p>) gives one block each.
  let blocks: TextBlock[] = selection.blocks.flatMap((b) => b.text.split('\n\n').map((text) => ({ kind: b.kind, text })));
  if (blocks.length === 0) blocks = bodyFromPlainText(parsed.doc) ?? blocks;
  const structured = bodyFromStructuredData(ld?.articleBody ?? null, blocks);
  if (structured) blocks = structured;
  // Embedded state is parsed only when the DOM gave little: parsing it costs more than the walk.
  else if (walk.raw.appState.length > 0 && blocks.reduce((n, b) => n + b.text.length, 0) < thresholds.appStateBelowChars) {
    const fromState = bodyFromStateParagraphs(paragraphsFromState(walk.raw.appState.flatMap(stateObjects)), blocks);
    if (fromState) blocks = fromState;
  }
  const text = blocks.map((b) => b.text).join('\n\n');

  let pageChars = 0;
  let pageLinkChars = 0;
  let pageText = '';
  let headlineLinks = 0;
  for (const b of pageBlocks) {
    pageChars += b.text.length;
    pageLinkChars += b.linkChars;
    if (b.text.length >= thresholds.headlineLinkMinChars && b.linkChars >= thresholds.headlineLinkMinShare * b.text.length) headlineLinks++;
    if (pageText.length < thresholds.pageSampleChars) pageText += b.text + '\n';
  }
  const reason = parsed.timedOut || walk.timedOut
    ? 'extraction time cap reached'
    : notArticleReason({
        title: meta.title,
        h1: walk.raw.h1s[0]?.text ?? null,
        ogType: walk.raw.meta.get('og:type')?.[0] ?? null,
        jsonLdType: ld?.type ?? null,
        textChars: text.length,
        pageChars,
        pageLinkChars,
        headlineLinks,
        pageText,
        text: text.slice(0, thresholds.pageSampleChars),
      });
  const language = languageChoice(meta.declaredLanguages, text || pageText);
  return {
    isArticle: reason === null,
    notArticleReason: reason,
    title: meta.title,
    byline: meta.byline,
    authors: meta.authors,
    published: meta.published,
    modified: meta.modified,
    language: language.language,
    languageSource: language.source,
    canonicalUrl: meta.canonicalUrl,
    siteName: meta.siteName,
    image: meta.image,
    description: meta.description,
    blocks,
    text,
  };
}
