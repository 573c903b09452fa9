import type { TextBlock } from './types.js';
import { normaliseSpace } from './text.js';

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/**
 * JSON-LD `articleBody` replaces the DOM's text when the DOM gave much less: pages that render
 * their text with scripts, or split it into pieces the scorer could not join. When the DOM text
 * is as long, it wins: it keeps the paragraph structure and the body as the reader sees it.
 */
export function bodyFromStructuredData(articleBody: string | null, domBlocks: TextBlock[]): TextBlock[] | null {
  if (!articleBody) return null;
  // Some CMSs put HTML in articleBody; its tags are not text.
  const plain = articleBody.includes('<') ? articleBody.replace(/<\/(p|div|h\d|li)>|<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '') : articleBody;
  const paragraphs = plain.split(/\n\s*\n|\r?\n/).map(normaliseSpace).filter((p) => p !== '');
  const ldWords = words(plain);
  if (ldWords < 50) return null;
  const domWords = domBlocks.reduce((n, b) => n + words(b.text), 0);
  if (domWords >= 0.6 * ldWords) return null;
  return paragraphs.map((text) => ({ kind: 'paragraph' as const, text }));
}

/**
 * Paragraphs read from embedded application state replace the DOM's text on the same terms: only
 * when the DOM gave much less (a page its scripts draw).
 */
export function bodyFromStateParagraphs(paragraphs: string[], domBlocks: TextBlock[]): TextBlock[] | null {
  if (paragraphs.length === 0) return null;
  const stateWords = paragraphs.reduce((n, p) => n + words(p), 0);
  if (stateWords < 50) return null;
  const domWords = domBlocks.reduce((n, b) => n + words(b.text), 0);
  if (domWords >= 0.6 * stateWords) return null;
  return paragraphs.map((text) => ({ kind: 'paragraph' as const, text: normaliseSpace(text) })).filter((b) => b.text !== '');
}
