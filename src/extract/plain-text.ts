import type { Document } from 'domhandler';
import { normaliseSpace } from './text.js';
import type { TextBlock } from './types.js';

/**
 * A page that is text with no markup at all (a plain-text story served as a page, a wire's bare
 * copy): it has no elements for the walk to read, and its paragraphs are parted by blank lines.
 * Null when the document holds any element.
 */
export function bodyFromPlainText(doc: Document): TextBlock[] | null {
  let text = '';
  for (const node of doc.children) {
    if (node.type === 'text') text += node.data;
    else if (node.type !== 'comment' && node.type !== 'directive') return null;
  }
  // Text, not bytes that decoded to something: mostly letters.
  const visible = text.replace(/\s+/g, '');
  const letters = visible.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20 || letters < 0.5 * visible.length) return null;
  const paragraphs = text.split(/\r?\n\s*\r?\n/).map(normaliseSpace).filter((p) => p !== '');
  return paragraphs.length > 0 ? paragraphs.map((p) => ({ kind: 'paragraph' as const, text: p })) : null;
}
