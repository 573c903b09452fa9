import { createHash } from 'node:crypto';
import type { Token } from '../text/index.js';

/**
 * Hash of the words of a text after folding: two copies that differ only in punctuation, case,
 * spacing, accents or Arabic spelling variants are exact copies for us.
 */
export function contentHash(tokens: readonly Token[]): string {
  return createHash('sha256')
    .update(tokens.map((t) => t.word).join(' '))
    .digest('hex');
}
