/**
 * Article text carried in a page's embedded application state: the JSON a script-rendered page
 * ships for its front-end to draw (`<script id="__NEXT_DATA__">`, `window.__INITIAL_STATE__ = {...}`,
 * `Fusion.globalContent = {...}`). When the DOM holds little of the article, the text is there.
 *
 * Nothing here knows a site or a framework's schema: the body is the list in the JSON whose items
 * carry the most paragraph text (a list of content elements, a list of paragraphs), read in order.
 */

/** Scripts bigger than this are not read: the state of a news page is far smaller. */
const MAX_STATE_CHARS = 3_000_000;

// Inline scripts that assign state to a global: the assignment is how they are found.
const STATE_ASSIGNMENT = /(?:window\.|\b)(?:__[A-Z_]*STATE__|__NUXT__|__APOLLO_STATE__|Fusion\.globalContent)\s*=\s*\{/g;

/** Whether a script's attributes say it holds JSON state (read without its text). */
export function isStateScript(attribs: Record<string, string>): boolean {
  const type = attribs.type?.toLowerCase();
  return attribs.id === '__NEXT_DATA__' || type === 'application/json';
}

/** Cheap test on an inline script's text: does it assign state to a global? */
export function assignsState(script: string): boolean {
  // Frameworks assign their state at the top of the script: the rest of a large bundle is not scanned.
  const head = script.length > 2000 ? script.slice(0, 2000) : script;
  STATE_ASSIGNMENT.lastIndex = 0;
  return STATE_ASSIGNMENT.test(head);
}

/** The JSON values a script holds: the whole text when it is JSON, else each `X = {...}` assigned. */
export function stateObjects(script: string): unknown[] {
  if (script.length > MAX_STATE_CHARS) return [];
  const trimmed = script.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const v = tryParse(trimmed);
    return v === undefined ? [] : [v];
  }
  const out: unknown[] = [];
  STATE_ASSIGNMENT.lastIndex = 0;
  for (let m = STATE_ASSIGNMENT.exec(script); m; m = STATE_ASSIGNMENT.exec(script)) {
    const start = m.index + m[0].length - 1;
    const end = matchingBrace(script, start);
    if (end < 0) continue;
    const v = tryParse(script.slice(start, end + 1));
    if (v !== undefined) out.push(v);
    STATE_ASSIGNMENT.lastIndex = end + 1;
  }
  return out;
}

function tryParse(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

/** Index of the brace closing the object opened at `start`, strings and escapes respected; -1 if none. */
function matchingBrace(s: string, start: number): number {
  let depth = 0;
  let quote = 0;
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

// Fields whose string is an item's text (a paragraph's "content", an embed's "html").
const TEXT_KEYS = new Set(['content', 'text', 'html', 'body', 'value', 'paragraph', 'raw_oembed']);

const stripTags = (s: string) =>
  s.includes('<') ? s.replace(/<\/(p|div|h\d|li|blockquote)>|<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'") : s;

/** An item's text: the item itself when a string, else its text fields (two levels down at most). */
function itemText(item: unknown, depth = 0): string {
  if (typeof item === 'string') return stripTags(item).trim();
  if (!item || typeof item !== 'object' || Array.isArray(item) || depth > 1) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
    if (!TEXT_KEYS.has(k)) continue;
    const t = typeof v === 'string' ? stripTags(v).trim() : itemText(v, depth + 1);
    if (t) parts.push(t);
  }
  return parts.join('\n');
}

/** Reads like a paragraph: several words and a sentence in it, not a URL or an identifier. */
const isParagraph = (t: string) => t.length >= 40 && t.includes(' ') && /[.!?…。؟"”»]/.test(t) && !/^https?:\/\/\S+$/.test(t);

/**
 * The article's paragraphs from embedded state: the array whose items hold the most paragraph
 * text, when at least three of its items are paragraphs. Empty when there is no such list.
 */
export function paragraphsFromState(values: unknown[]): string[] {
  let best: string[] = [];
  let bestChars = 0;
  const stack: unknown[] = [...values];
  let visited = 0;
  while (stack.length && visited++ < 200_000) {
    const v = stack.pop();
    if (!v || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      const texts: string[] = [];
      let paragraphs = 0;
      let chars = 0;
      for (const item of v) {
        const t = itemText(item);
        if (!t) continue;
        texts.push(t);
        if (isParagraph(t)) {
          paragraphs++;
          chars += t.length;
        }
      }
      if (paragraphs >= 3 && chars > bestChars) {
        best = texts;
        bestChars = chars;
      }
      for (const item of v) if (item && typeof item === 'object') stack.push(item);
    } else {
      for (const x of Object.values(v as Record<string, unknown>)) if (x && typeof x === 'object') stack.push(x);
    }
  }
  // Items that are names, not text ("p", "text-block") drop out; short lines of text stay.
  return best
    .flatMap((t) => t.split(/\n+/))
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter((t) => t !== '' && !/^[\w-]{1,20}$/.test(t));
}
