import { extractArticle } from '../extract/index.js';
import { applyOutletRules } from '../extract/outlet-rules.js';
import { FetchError } from '../fetch/types.js';
import type { PipelineDeps } from './deps.js';
import { feedContentText } from './feed-content-text.js';
import { observedFetch } from './observed-fetch.js';

export type ArticleResult =
  | { outcome: 'missing' | 'already-done'; articleId: string }
  | { outcome: 'extracted'; articleId: string; chars: number }
  | { outcome: 'feed-content'; articleId: string; kind: string; reason: string };

export interface FetchArticleOptions {
  /**
   * On the last attempt a transient failure is final: the feed's content is kept. Before that it
   * is thrown, so that the queue retries it with back-off.
   */
  finalAttempt: boolean;
}

/** Failures that may go away on their own: worth another try later. */
function isTransient(err: FetchError): boolean {
  if (err.kind === 'timeout' || err.kind === 'network') return true;
  return err.kind === 'http-status' && (err.httpStatus === 429 || (err.httpStatus ?? 0) >= 500);
}

/**
 * Fetches one pending article's page, extracts it and stores the result. Idempotent: an article
 * that is no longer pending is left alone, so a retried or duplicated job does no harm.
 */
export async function fetchArticle(articleId: string, deps: PipelineDeps, options: FetchArticleOptions): Promise<ArticleResult> {
  const article = await deps.store.articles.getForFetch(articleId);
  if (!article) return { outcome: 'missing', articleId };
  if (article.status !== 'pending') return { outcome: 'already-done', articleId };
  const log = deps.log.child({ articleId, feedId: article.feed_id });
  // What the search vector falls back on, read with the rest: the write need not read it again.
  const stored = { title: article.title, language: article.language };
  // Only needed when the page cannot be used: not worth parsing the feed's HTML on the hot path.
  const fallbackText = (): string | null => feedContentText(article.feed_content_html, article.summary);

  let page;
  try {
    // Only the feed's own origin was chosen by the operator; an item may link anywhere.
    const trustedUrl = article.feed_url ?? null;
    page = await observedFetch(deps.http, 'article', { url: article.url, accept: 'html', respectRobots: article.robots ?? true, trustedUrl });
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    if (isTransient(err) && !options.finalAttempt) throw err;
    await deps.store.articles.saveFallback(articleId, {
      stored,
      reason: err.message,
      kind: err.kind,
      httpStatus: err.httpStatus,
      text: fallbackText(),
    });
    log.warn({ kind: err.kind }, `article page not fetched, feed content kept: ${err.message}`);
    return { outcome: 'feed-content', articleId, kind: err.kind, reason: err.message };
  }
  if (page.status !== 'ok') {
    // We sent no validators, so a 304 is the server misbehaving: keep what the feed gave us.
    const reason = `unexpected 304 Not Modified from ${article.url}`;
    await deps.store.articles.saveFallback(articleId, { stored, reason, kind: 'http-status', httpStatus: 304, text: fallbackText() });
    return { outcome: 'feed-content', articleId, kind: 'http-status', reason };
  }

  const ruled = article.extract_rules ? applyOutletRules(page.text, article.extract_rules) : null;
  if (ruled?.contentMatched === false) {
    // The desk's selector has gone stale (the outlet changed its layout): the general extractor
    // reads the page, and the feed's health shows the miss.
    await deps.store.feeds.recordRuleMiss(article.feed_id, article.url);
    log.warn({ selector: article.extract_rules?.content }, 'content selector matched nothing: page extracted by the general rules');
  }
  const extracted = extractArticle({ html: ruled?.html ?? page.text, url: page.url });
  const extraction = {
    siteName: extracted.siteName,
    description: extracted.description,
    canonicalUrl: extracted.canonicalUrl,
    authors: extracted.authors,
    blocks: extracted.blocks.length,
    charset: page.charset,
    isArticle: extracted.isArticle,
    notArticleReason: extracted.notArticleReason,
  };
  // A brief (a few lines on a clean page) is "too little text" to be sure of, but it is still the
  // best text there is when the feed gives less: keep the page's rather than a title alone.
  const briefBeatsFeed = extracted.notArticleReason === 'too little text' && extracted.text.trim().length > (fallbackText() ?? '').trim().length;
  if ((!extracted.isArticle && !briefBeatsFeed) || extracted.text.trim() === '') {
    const reason = `page is not an article (${extracted.notArticleReason ?? 'no main text found'}): feed content kept`;
    await deps.store.articles.saveFallback(articleId, {
      stored,
      reason,
      kind: 'not-article',
      httpStatus: page.httpStatus,
      text: fallbackText(),
      html: page.text,
      finalUrl: page.url,
      extraction,
    });
    log.info(reason);
    return { outcome: 'feed-content', articleId, kind: 'not-article', reason };
  }
  await deps.store.articles.saveExtracted(articleId, {
    stored,
    finalUrl: page.url,
    httpStatus: page.httpStatus,
    html: page.text,
    title: extracted.title,
    byline: extracted.byline,
    published: extracted.published,
    modified: extracted.modified,
    language: extracted.language && extracted.languageSource ? { code: extracted.language, source: extracted.languageSource } : null,
    text: extracted.text,
    image: extracted.image,
    extraction,
  });
  log.info({ chars: extracted.text.length }, 'article extracted');
  return { outcome: 'extracted', articleId, chars: extracted.text.length };
}
