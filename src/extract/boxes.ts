import type { AnyNode, Element } from 'domhandler';
import { INLINE_TAGS } from './patterns.js';
import { isInside } from './tree.js';

/**
 * Boxes the walk knows by what they are made of, not by their class: a data table (read row by
 * row), a figure written without <figure> (left out), a newsletter's sign-up box (set aside).
 */

/** What makes a cell part of the page's layout rather than a datum: it holds blocks of its own. */
const LAYOUT_IN_CELL = new Set(['p', 'div', 'table', 'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'form', 'iframe']);

/**
 * A row of a data table (results, a timetable, figures by region): a table of two rows or more,
 * each of two cells or more, every cell a short run of text without blocks of its own. Layout
 * tables, which old templates build pages from, hold paragraphs, lists and other tables in some
 * cell, or long text; one row of two cells is a layout's line ("Comments | Threshold").
 */
export function isDataRow(tr: Element, tables: Map<Element, boolean>): boolean {
  const section = tr.parent as Element | null;
  const table = section && SECTIONS.has(section.name) ? (section.parent as Element | null) : section;
  if (!table || table.name !== 'table') return false;
  let known = tables.get(table);
  if (known === undefined) {
    known = isDataTable(table);
    tables.set(table, known);
  }
  return known;
}

function isDataTable(table: Element): boolean {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.type !== 'tag') continue;
    const el = child as Element;
    if (el.name === 'tr') rows.push(el);
    // The head row in a <thead> of its own counts with the body's.
    else if (SECTIONS.has(el.name)) for (const r of el.children) if (r.type === 'tag' && (r as Element).name === 'tr') rows.push(r as Element);
  }
  if (rows.length < 2 || rows.length > 500) return false;
  let budget = 20_000;
  for (const tr of rows) {
    let cells = 0;
    for (const cell of tr.children) {
      if (cell.type !== 'tag') continue;
      const { name } = cell as Element;
      if (name !== 'td' && name !== 'th') return false;
      cells++;
      let chars = 0;
      const stack: AnyNode[] = [...(cell as Element).children];
      while (stack.length) {
        if (--budget < 0) return false;
        const n = stack.pop()!;
        if (n.type === 'text') chars += n.data.trim().length;
        else if (n.type === 'tag') {
          if (LAYOUT_IN_CELL.has((n as Element).name)) return false;
          stack.push(...(n as Element).children);
        }
      }
      if (chars > 300) return false;
    }
    if (cells < 2) return false;
  }
  return true;
}
const SECTIONS = new Set(['thead', 'tbody', 'tfoot']);

/**
 * A box of images with a line or two under them and nothing else (a figure written without
 * <figure>: images, a caption, a credit). Its text says what the pictures show, not the story.
 * At most 200 characters (white space aside): a paragraph of the story set beside an image in a
 * box of its own is longer as a rule, and it is the mistake that costs more.
 */
export function isImageBox(el: Element): boolean {
  let images = 0;
  let texts = 0;
  for (const c of el.children) {
    if (c.type === 'text') {
      if (c.data.trim() !== '') return false;
      continue;
    }
    if (c.type !== 'tag') continue;
    const child = c as Element;
    if (child.name === 'img' || child.name === 'picture') images++;
    else if (child.name === 'p' || child.name === 'span' || child.name === 'small' || child.name === 'em') {
      if (child.children.some((g) => g.type === 'tag' && !INLINE_TAGS.has((g as Element).name) && (g as Element).name !== 'br')) return false;
      texts++;
    } else if (child.name !== 'br' && child.name !== 'a' && child.name !== 'noscript') return false;
  }
  return images > 0 && texts > 0 && texts <= 3 && !visibleCharsOver(el, 200);
}

const EMAIL_FIELD = /e-?mail|courriel|البريد/i;

/** A form with a field for an e-mail address: a newsletter's sign-up, whatever its language. */
export function asksForEmail(form: Element): boolean {
  const stack: AnyNode[] = [...form.children];
  for (let seen = 0; stack.length && seen < 80; seen++) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    const el = n as Element;
    if (el.name === 'input') {
      const { type, name, id, placeholder } = el.attribs;
      if (type?.toLowerCase() === 'email' || (type?.toLowerCase() !== 'hidden' && EMAIL_FIELD.test(`${name ?? ''} ${id ?? ''} ${placeholder ?? ''}`))) return true;
    }
    stack.push(...el.children);
  }
  return false;
}

/**
 * The box a sign-up form sits in, with its pitch and its small print ("The morning briefing" /
 * "Get the news at 7 every morning." / form / "By signing up you accept..."): the largest element
 * around the form that holds little text and few of the blocks read so far. A form set straight
 * into the story's own element has no such box; the form alone is skipped then.
 */
export function signUpBox(form: Element, blocks: readonly { el: Element }[]): Element | null {
  let box: Element | null = null;
  let levels = 0;
  for (let p = form.parent; p && p.type === 'tag' && !BOX_STOPS.has((p as Element).name) && levels++ < 6; p = p.parent) {
    if (visibleCharsOver(p as Element, 300)) break;
    let inside = 0;
    for (let i = blocks.length - 1; i >= 0 && isInside(blocks[i]!.el, p as Element); i--) inside++;
    if (inside > 4) break;
    box = p as Element;
  }
  return box;
}
const BOX_STOPS = new Set(['body', 'html', 'article', 'main']);

/**
 * Whether an element holds more than `limit` characters of text, white space not counted (scripts
 * and styles are not walked into). An element of more than 2,000 nodes counts as holding more: a
 * hostile page's empty wrappers must not be walked over and over.
 */
function visibleCharsOver(el: Element, limit: number): boolean {
  let n = 0;
  const stack: AnyNode[] = [el];
  for (let seen = 0; stack.length; seen++) {
    if (seen > 2000) return true;
    const node = stack.pop()!;
    if (node.type === 'text') {
      n += node.data.replace(/\s+/g, '').length;
      if (n > limit) return true;
    } else if ('children' in node && node.type === 'tag') stack.push(...(node as Element).children);
  }
  return false;
}
