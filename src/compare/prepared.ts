import { splitSentences } from './sentences.js';
import type { CompareArticle } from './types.js';

/** An article with what every part of the comparison reads from it, computed once. */
export interface PreparedArticle {
  article: CompareArticle;
  /** Publication time, or discovery time when the article has none (ISO). */
  at: string;
  time: number;
  sentences: string[];
}

export function prepareArticle(article: CompareArticle): PreparedArticle {
  const at = article.published ?? article.discoveredAt;
  const time = Date.parse(at);
  return { article, at: new Date(Number.isNaN(time) ? 0 : time).toISOString(), time: Number.isNaN(time) ? 0 : time, sentences: splitSentences(article.text) };
}

/** Earliest first; the URL breaks ties so that the order never depends on the input's. */
export function byTime(a: PreparedArticle, b: PreparedArticle): number {
  return a.time - b.time || (a.article.url < b.article.url ? -1 : a.article.url > b.article.url ? 1 : 0);
}
