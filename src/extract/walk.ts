import type { AnyNode, Document, Element } from 'domhandler';
import { assignsState, isStateScript } from './app-state.js';
import { asksForEmail, isDataRow, isImageBox, signUpBox } from './boxes.js';
import { emptyRawMeta, noticeElement, type RawMeta } from './metadata/raw.js';
import { classEvidence, INLINE_TAGS, isAriaHidden, isCollapsed, kindOfTag, SKIP_TAGS, type BlockKind } from './patterns.js';
import { isInside } from './tree.js';
import { LINE_BREAK, normaliseSpace, textOf } from './text.js';

/** Elements that hide a part of the text until a reader opens it; hidden spans, menus and the like stay skipped. */
const COLLAPSIBLE = new Set(['div', 'section', 'article', 'p']);

/** Skipped elements that sit inside a line of text: they do not end the paragraph around them. */
const INLINE_SKIPPED = new Set(['img', 'svg', 'picture', 'input', 'button', 'label', 'select', 'textarea', 'math']);

/**
 * A caption set as a paragraph of its own under the image (no <figure>, no class that says so)
 * repeats the image's alt text, at times with a credit after it: "Izaskun Lesaka." under an
 * image whose alt is "Izaskun Lesaka.". Alt texts shorter than this ("Photo", "Logo") say nothing.
 */
const MIN_ALT = 12;
// Some templates write the caption's markup into the alt text, escaped ("points.&lt;br /&gt;Where he
// went"): the tags are not words of the caption.
const altTextKey = (s: string) => s.replace(/<[^<>]{0,40}>/g, ' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
function repeatsAltText(text: string, alt: string): boolean {
  if (text.length > alt.length * 1.5 + 80) return false;
  const k = altTextKey(text);
  return k.startsWith(alt) && k.length - alt.length <= 60;
}

/** A run of text the walk found: one paragraph, heading or list item, with its evidence. */
export interface Block {
  text: string;
  kind: BlockKind;
  /** The block element holding this text (for an inline run, the element around it). */
  el: Element;
  tag: string;
  /** Characters of the text inside links. */
  linkChars: number;
  /** Elements above this block whose class or id speaks against article text, outermost first. */
  negatives: readonly Element[];
  /** Characters of link text before any text outside a link: a card's headline link. */
  leadLinkChars: number;
  /** Whether the block sits inside a `<header>`: page or article header. */
  inHeader: boolean;
  /** Inside an element hidden until a reader opens it (a "read more", the next page of the story). */
  collapsed: boolean;
  /** The first text after an image that says what the image's alt text says: the image's caption. */
  repeatsAlt: boolean;
  /** The box around this block that a skip link over it sets aside from the text (see setAside). */
  aside: Element | null;
  /** A heading whose class names it a title ("entry__title"): a module's or an entry's (see keep.ts). */
  namedTitle: boolean;
  /**
   * Inside <noscript>: what the page shows a reader without scripts. Read only when the page gives
   * no text otherwise (a stream of stories its scripts fill in, with the story as the fallback).
   */
  fallback: boolean;
}

export interface WalkLimits {
  /** Give up walking after this time (a hostile page cannot stall a worker). */
  deadline: number;
  /** Nodes deeper than this are not entered: their text is lost, the stack is safe. */
  maxDepth: number;
  /** No block keeps more characters than this. */
  maxBlockChars: number;
}

interface Frame {
  el: Element;
  isBlock: boolean;
  isLink: boolean;
  kind: BlockKind;
  negatives: readonly Element[];
  inHeader: boolean;
  collapsed: boolean;
  fallback: boolean;
  /** Inside `<head>`: walked for metadata, never for text. */
  silent: boolean;
  /** A figure around a quoted post: only the quote inside it is read (see holdsQuote). */
  mute: boolean;
  /** A blockquote inside such a figure. */
  voice: boolean;
  /** For an inline element inside a running block: the collected text as it stood on entry. */
  mark: InlineMark | null;
  /** A table row of short cells, read as one block (see isDataRow). */
  dataRow: boolean;
  /** Inside a heading whose class names it a title (see Block.namedTitle). */
  namedTitle: boolean;
}

interface InlineMark {
  parts: number;
  partChars: number;
  visibleChars: number;
  linkChars: number;
  leadLinkChars: number;
  leadOpen: boolean;
  links: number;
  /** Blocks flushed before entry: once the run has been flushed, there is nothing to take back. */
  flushes: number;
}

/**
 * One pass over the document, without recursion: text blocks in document order and the raw
 * metadata. Everything after depends on these two only, so the tree is walked once.
 */
export function walkDocument(doc: Document, limits: WalkLimits): { blocks: Block[]; raw: RawMeta; timedOut: boolean } {
  const raw = emptyRawMeta();
  const blocks: Block[] = [];
  const stack: Frame[] = [];
  let parts: string[] = [];
  let partChars = 0;
  let visibleChars = 0;
  let linkChars = 0;
  let linkDepth = 0;
  let leadLinkChars = 0;
  let leadOpen = true;
  let links = 0;
  let flushes = 0;
  let silentDepth = 0;
  let fallbackDepth = 0;
  let muteDepth = 0;
  let visited = 0;
  let timedOut = false;
  // The alt text of the last image, until the next block is pushed.
  let altKey: string | null = null;
  // In-page links that open a run of text, by the id they point to, with the block count then.
  const skipLinks = new Map<string, { link: Element; at: number }>();
  // The box around the last sign-up form (see signUpBox): blocks inside it are set aside.
  let signUp: Element | null = null;
  // A page has a sign-up form or two; a hostile one with thousands must not pay for each.
  let formsLeft = 20;
  // Tables judged data or layout, so that each is judged once and not row by row.
  const dataTables = new Map<Element, boolean>();

  const top = (): Frame | undefined => stack[stack.length - 1];
  const blockFrame = (): Frame | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.isBlock) return stack[i];
    return undefined;
  };
  const flush = () => {
    if (partChars === 0) return;
    flushes++;
    const frame = blockFrame();
    const text = visibleChars > 0 && frame ? normaliseSpace(parts.length === 1 ? parts[0]! : parts.join('')) : '';
    if (text !== '' && frame) {
      const repeatsAlt = altKey !== null && repeatsAltText(text, altKey);
      altKey = null;
      blocks.push({
        text,
        kind: frame.kind,
        el: frame.el,
        tag: frame.el.name,
        linkChars: Math.min(linkChars, text.length),
        leadLinkChars,
        negatives: frame.negatives,
        inHeader: frame.inHeader,
        collapsed: frame.collapsed,
        repeatsAlt,
        aside: signUp && isInside(frame.el, signUp) ? signUp : null,
        namedTitle: frame.namedTitle,
        fallback: frame.fallback,
      });
    }
    parts = [];
    partChars = 0;
    visibleChars = 0;
    linkChars = 0;
    leadLinkChars = 0;
    leadOpen = true;
  };

  // A span in the middle of a sentence that holds nothing but several links is a pop-up (a hover
  // card listing a person's other articles, hidden until pointed at): its text leaves the sentence.
  const dropIfLinkList = (m: InlineMark) => {
    const visible = visibleChars - m.visibleChars;
    if (flushes !== m.flushes || links - m.links < 3 || visible < 40 || linkChars - m.linkChars < 0.9 * visible) return;
    parts.length = m.parts;
    parts.push(' ');
    partChars = m.partChars + 1;
    visibleChars = m.visibleChars;
    linkChars = m.linkChars;
    leadLinkChars = m.leadLinkChars;
    leadOpen = m.leadOpen;
  };

  // Returns whether to go into the node's children.
  const enter = (node: AnyNode, depth: number): boolean => {
    if (node.type === 'text') {
      if (partChars < limits.maxBlockChars && stack.length && silentDepth === 0 && muteDepth === 0) {
        const data = node.data.length + partChars > limits.maxBlockChars ? node.data.slice(0, limits.maxBlockChars - partChars) : node.data;
        const visible = data.trim().length;
        if (visible === 0) {
          // White space between tags: one space keeps words apart, the rest is noise.
          if (partChars > 0 && parts[parts.length - 1] !== ' ') {
            parts.push(' ');
            partChars += 1;
          }
          return false;
        }
        // In <pre>, line ends are the text's own: a line end, and a blank line a paragraph break.
        const kept = stack[stack.length - 1]!.kind === 'preformatted' && data.includes('\n') ? data.replace(/\r?\n/g, LINE_BREAK) : data;
        parts.push(kept);
        partChars += data.length;
        visibleChars += visible;
        if (linkDepth > 0) {
          linkChars += visible;
          if (leadOpen) leadLinkChars += visible;
        } else leadOpen = false;
      }
      return false;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return false;
    const el = node as Element;
    const name = el.name;
    // A <noscript>'s markup is a second version of the page: its metadata, headings and scripts
    // are not the page's.
    const inFallback = fallbackDepth > 0;
    if (!inFallback) noticeElement(el, raw);
    if (name === 'script') {
      if (inFallback) return false;
      const type = el.attribs.type?.toLowerCase();
      if (type?.includes('ld+json')) raw.jsonLd.push(textOfScript(el));
      else if (isStateScript(el.attribs)) raw.appState.push(textOfScript(el));
      else if (!el.attribs.src && (!type || type.includes('javascript'))) {
        const script = textOfScript(el);
        if (assignsState(script)) raw.appState.push(script);
      }
      return false;
    }
    if (name === 'title') {
      if (raw.title === null) raw.title = textOf(el, 1000);
      return false;
    }
    if (name === 'br') {
      parts.push(LINE_BREAK);
      partChars += 1;
      return false;
    }
    if (name === 'h1' && raw.h1s.length < 5 && !inFallback) raw.h1s.push({ text: textOf(el, 1000), el });
    const a = el.attribs;
    const evidence = classEvidence(a.class, a.id);
    if (raw.authorTexts.length < 8 && !inFallback && (a.itemprop === 'author' || a.rel === 'author' || evidence.author)) {
      const t = textOf(el, 300);
      if (t) raw.authorTexts.push(t);
    }
    // Skip links are often hidden from sight (a "hidden" or "sr-only" class): read before skipping.
    if (a.id !== undefined && skipLinks.size > 0) {
      const skip = skipLinks.get(a.id);
      if (skip) setAside(blocks, skip.link, skip.at, el);
    }
    if (name === 'a' && visibleChars === 0 && a.href !== undefined && a.href.length > 1 && a.href[0] === '#' && skipLinks.size < 200) {
      skipLinks.set(a.href.slice(1), { link: el, at: blocks.length });
    }
    if (name === 'form' && !inFallback && formsLeft-- > 0 && asksForEmail(el)) {
      const box = signUpBox(el, blocks);
      if (box) {
        signUp = box;
        for (let i = blocks.length - 1; i >= 0 && isInside(blocks[i]!.el, box); i--) blocks[i]!.aside = box;
      }
    }
    const quotedPost = name === 'figure' && holdsQuote(el);
    const hiddenUntilOpened = isCollapsed(a);
    const collapsed = hiddenUntilOpened && COLLAPSIBLE.has(name) && a['aria-hidden'] !== 'true';
    const fallback = name === 'noscript' && silentDepth === 0;
    if ((SKIP_TAGS.has(name) && !quotedPost && !fallback) || depth > limits.maxDepth || (!collapsed && (hiddenUntilOpened || isAriaHidden(a))) || (name === 'div' && isImageBox(el))) {
      // A skipped element still separates the text around it, unless it sits in a line of text
      // as an image or a form control does.
      if (!INLINE_TAGS.has(name) && !INLINE_SKIPPED.has(name)) flush();
      if (name === 'img' && !inFallback) altKey = a.alt && a.alt.length >= MIN_ALT ? altTextKey(a.alt) : null;
      return false;
    }
    const parent = top();
    // A data table's cells are parts of their row's line, parted by a bar.
    const cellOfRow = parent?.dataRow === true && (name === 'td' || name === 'th');
    if (cellOfRow && partChars > 0) {
      parts.push(' | ');
      partChars += 3;
    }
    const isBlock = !INLINE_TAGS.has(name) && !cellOfRow;
    const strongPositive = a.itemprop === 'articleBody' || a.itemprop === 'articlebody' || name === 'article' || name === 'main';
    const negative = evidence.negative && !strongPositive && !evidence.positive;
    // A heading whose class only names it a title or headline: a module's label, or an entry's title
    // (keep.ts tells them apart by what follows).
    const namedTitle = negative && evidence.weak && kindOfTag(name) === 'heading';
    if (isBlock) flush();
    const frame: Frame = {
      el,
      isBlock,
      isLink: name === 'a' && a.href !== undefined,
      kind: kindOfTag(name) ?? parent?.kind ?? 'paragraph',
      negatives: negative ? [...(parent?.negatives ?? []), el] : parent?.negatives ?? [],
      inHeader: name === 'header' || (parent?.inHeader ?? false),
      collapsed: collapsed || (parent?.collapsed ?? false),
      fallback: fallback || (parent?.fallback ?? false),
      silent: name === 'head',
      mute: quotedPost,
      voice: name === 'blockquote' && muteDepth > 0,
      mark:
        isBlock || name === 'a' || visibleChars === 0
          ? null
          : { parts: parts.length, partChars, visibleChars, linkChars, leadLinkChars, leadOpen, links, flushes },
      dataRow: name === 'tr' && isDataRow(el, dataTables),
      namedTitle: namedTitle || (parent?.namedTitle ?? false),
    };
    // A heading's kind wins over the list item or quote it sits in; a paragraph inherits.
    if (kindOfTag(name) === null && parent && parent.kind !== 'paragraph') frame.kind = parent.kind;
    stack.push(frame);
    if (frame.isLink) {
      linkDepth++;
      links++;
    }
    if (frame.silent) silentDepth++;
    if (fallback) fallbackDepth++;
    if (frame.mute) muteDepth++;
    if (frame.voice) muteDepth--;
    return true;
  };

  const exit = () => {
    const frame = stack[stack.length - 1]!;
    if (frame.isBlock) flush();
    else if (frame.mark) dropIfLinkList(frame.mark);
    if (frame.isLink) linkDepth--;
    if (frame.silent) silentDepth--;
    if (frame.el.name === 'noscript') fallbackDepth--;
    if (frame.mute) muteDepth--;
    if (frame.voice) muteDepth++;
    stack.pop();
  };

  const root = doc;
  let node: AnyNode | null = root.children[0] ?? null;
  let depth = 1;
  while (node) {
    if ((++visited & 1023) === 0 && performance.now() > limits.deadline) {
      timedOut = true;
      break;
    }
    const descend = enter(node, depth);
    if (descend && 'children' in node && node.children.length > 0) {
      node = node.children[0]!;
      depth++;
      continue;
    }
    if (descend) exit();
    while (node) {
      if (node.next) {
        node = node.next;
        break;
      }
      node = node.parent;
      depth--;
      if (!node || node === root) {
        node = null;
        break;
      }
      exit();
    }
  }
  flush();
  return { blocks, raw, timedOut };
}

/**
 * A box that opens with a link to the element right after it ("Continue reading the main story",
 * "Skip advertisement") and then a heading of its own is an aside the page tells its readers they
 * may skip: an analysis, a timeline, a fact box or a pull quote set inside the story, which is not
 * the story's own text. (A link that opens a run of paragraphs, "Jump to recipe" over a blog post's
 * story, has no heading after it.)
 */
function setAside(blocks: Block[], link: Element, at: number, target: Element): void {
  let box = target.prev;
  while (box && box.type !== 'tag') box = box.prev;
  if (!box || INLINE_TAGS.has((box as Element).name) || !isInside(link, box as Element)) return;
  const first = blocks[at];
  if (!first || !isInside(first.el, box as Element) || (at > 0 && isInside(blocks[at - 1]!.el, box as Element))) return;
  const heading = first.kind === 'heading' ? first : blocks[at + 1];
  if (!heading || heading.kind !== 'heading' || !isInside(heading.el, box as Element)) return;
  for (let i = at; i < blocks.length; i++) if (isInside(blocks[i]!.el, box as Element)) blocks[i]!.aside = box as Element;
}

function textOfScript(el: Element): string {
  let s = '';
  for (const c of el.children) if (c.type === 'text') s += c.data;
  return s;
}

/**
 * Embedded posts (a tweet, an Instagram post) come as a <blockquote> inside a <figure>: what they
 * say is part of the story, where the rest of a figure (image, caption, credit) is not.
 */
function holdsQuote(figure: Element): boolean {
  const stack: AnyNode[] = [...figure.children];
  for (let seen = 0; stack.length && seen < 60; seen++) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    if ((n as Element).name === 'blockquote') return true;
    stack.push(...(n as Element).children);
  }
  return false;
}
