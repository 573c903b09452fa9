import { formsOf } from '../alerts/matcher.js';

/** Where a snippet is cut from a text, and how long it may be. */
export interface SnippetOptions {
  /** Characters at most, before the ellipses. */
  maxLength: number;
  /** Characters kept before the first highlighted word when a passage is cut. */
  leadIn: number;
}

export const DEFAULT_SNIPPET_OPTIONS: SnippetOptions = { maxLength: 240, leadIn: 60 };

export interface Snippet {
  text: string;
  /** [start, end) of each highlighted word in `text`, in order. */
  marks: [number, number][];
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
// Sentences end at . ! ? and the Arabic question mark, or at a line break.
const SENTENCE = /[^\n.!?؟]+[.!?؟]*/gu;

// A word's form does not depend on its neighbours, and news repeats its words: remember them.
const FORM_CACHE_LIMIT = 100_000;
const formCache = new Map<string, string[]>();

function wordForms(word: string, language: string): string[] {
  const key = `${language}\u0000${word}`;
  let forms = formCache.get(key);
  if (!forms) {
    if (formCache.size >= FORM_CACHE_LIMIT) formCache.clear();
    formCache.set(key, (forms = formsOf(word, language)));
  }
  return forms;
}

/** Offsets of the words of `text` whose form is one of `highlight`. */
function markWords(text: string, language: string, highlight: ReadonlySet<string>): [number, number][] {
  const marks: [number, number][] = [];
  for (const m of text.matchAll(WORD)) {
    if (wordForms(m[0], language).some((f) => highlight.has(f))) marks.push([m.index, m.index + m[0].length]);
  }
  return marks;
}

/**
 * The passage of a text that shows why it matched: the sentence with the most distinct highlighted
 * words (the opening when none is), cut to `maxLength` around its first one, with the words marked.
 */
export function makeSnippet(text: string, language: string, highlight: ReadonlySet<string>, options: SnippetOptions = DEFAULT_SNIPPET_OPTIONS): Snippet {
  let best = { start: 0, end: Math.min(text.length, options.maxLength), score: 0 };
  for (const s of text.matchAll(SENTENCE)) {
    const words = new Set(markWords(s[0], language, highlight).map(([a, b]) => s[0].slice(a, b).toLowerCase()));
    if (words.size > best.score) best = { start: s.index, end: s.index + s[0].length, score: words.size };
  }
  let { start, end } = best;
  const marksIn = (a: number, b: number) => markWords(text.slice(a, b), language, highlight);
  if (end - start > options.maxLength) {
    const first = marksIn(start, end)[0];
    if (first && first[0] > options.leadIn) start += first[0] - options.leadIn;
    end = Math.min(end, start + options.maxLength);
  }
  // Never cut inside a word.
  while (start > 0 && /[\p{L}\p{M}\p{N}]/u.test(text[start - 1]!) && /[\p{L}\p{M}\p{N}]/u.test(text[start]!)) start++;
  while (end < text.length && /[\p{L}\p{M}\p{N}]/u.test(text[end - 1]!) && /[\p{L}\p{M}\p{N}]/u.test(text[end]!)) end--;
  const before = start > 0 ? '… ' : '';
  const after = end < text.length ? ' …' : '';
  const body = text.slice(start, end).trim();
  const lead = text.slice(start, end).length - text.slice(start, end).trimStart().length;
  const marks = marksIn(start + lead, start + lead + body.length).map(([a, b]): [number, number] => [a + before.length, b + before.length]);
  return { text: `${before}${body}${after}`, marks };
}
