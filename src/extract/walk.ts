import type { AnyNode, Document, Element } from 'domhandler';
import { assignsState, isStateScript } from './app-state.js';
import { asksForEmail, isDataRow, isImageBox, signUpBox } from './boxes.js';
import { emptyRawMeta, noticeElement, type RawMeta } from './metadata/raw.js';
import { DEFAULT_EXTRACTION_OPTIONS, type ExtractionOptions } from './options.js';
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
 * image whose alt is "Izaskun Lesaka.".
 */
// Some templates write the caption's markup into the alt text, escaped ("points.&lt;br /&gt;Where he
// went"): the tags are not words of the caption.
const altTextKey = (s: string) => s.replace(/<[^<>]{0,40}>/g, ' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
function repeatsAltText(text: string, alt: string, options: ExtractionOptions): boolean {
  if (text.length > alt.length * options.captionMaxLengthFactor + options.captionMaxExtraChars) return false;
  const k = altTextKey(text);
  return k.startsWith(alt) && k.length - alt.length <= options.captionMaxCreditChars;
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

/** The text run being collected for the next block: what a mark saves and a roll back restores. */
interface Run {
  /** Length of `parts` (the run's pieces of text). */
  parts: number;
  partChars: number;
  visibleChars: number;
  /** Characters of visible text inside links. */
  linkChars: number;
  /** Characters of link text before any text outside a link. */
  leadLinkChars: number;
  leadOpen: boolean;
}

/** An inline element's entry into a running block: the run as it stood, to be taken back. */
interface InlineMark {
  run: Run;
  links: number;
  /** Blocks flushed before entry: once the run has been flushed, there is nothing to take back. */
  flushes: number;
}

/** Everything the walk changes as it goes, in one place. */
interface WalkState {
  readonly limits: WalkLimits;
  readonly options: ExtractionOptions;
  readonly raw: RawMeta;
  readonly blocks: Block[];
  readonly stack: Frame[];
  /** The run's pieces of text; `run.parts` of them belong to it. */
  readonly parts: string[];
  run: Run;
  /** Links entered so far, and blocks flushed so far: a mark compares them. */
  links: number;
  flushes: number;
  linkDepth: number;
  silentDepth: number;
  fallbackDepth: number;
  muteDepth: number;
  /** The alt text of the last image, until the next block is pushed. */
  altKey: string | null;
  /** In-page links that open a run of text, by the id they point to, with the block count then. */
  readonly skipLinks: Map<string, { link: Element; at: number }>;
  /** The box around the last sign-up form (see signUpBox): blocks inside it are set aside. */
  signUp: Element | null;
  formsLeft: number;
  /** Tables judged data or layout, so that each is judged once and not row by row. */
  readonly dataTables: Map<Element, boolean>;
}

const emptyRun = (): Run => ({ parts: 0, partChars: 0, visibleChars: 0, linkChars: 0, leadLinkChars: 0, leadOpen: true });

/**
 * One pass over the document, without recursion: text blocks in document order and the raw
 * metadata. Everything after depends on these two only, so the tree is walked once.
 */
export function walkDocument(
  doc: Document,
  limits: WalkLimits,
  options: ExtractionOptions = DEFAULT_EXTRACTION_OPTIONS,
): { blocks: Block[]; raw: RawMeta; timedOut: boolean } {
  const state: WalkState = {
    limits,
    options,
    raw: emptyRawMeta(),
    blocks: [],
    stack: [],
    parts: [],
    run: emptyRun(),
    links: 0,
    flushes: 0,
    linkDepth: 0,
    silentDepth: 0,
    fallbackDepth: 0,
    muteDepth: 0,
    altKey: null,
    skipLinks: new Map(),
    signUp: null,
    formsLeft: options.maxSignUpForms,
    dataTables: new Map(),
  };
  const timedOut = !traverse(doc, limits.deadline, (node, depth) => enter(state, node, depth), () => exit(state));
  flush(state);
  return { blocks: state.blocks, raw: state.raw, timedOut };
}

/** Depth-first over the tree without recursion; false when the deadline cut it short. */
function traverse(root: Document, deadline: number, enter: (node: AnyNode, depth: number) => boolean, exit: () => void): boolean {
  let node: AnyNode | null = root.children[0] ?? null;
  let depth = 1;
  let visited = 0;
  while (node) {
    // The clock is read once every 1024 nodes: reading it costs more than a node.
    if ((++visited & 1023) === 0 && performance.now() > deadline) return false;
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
  return true;
}

/** Adds a piece of text to the run (over what a roll back took back, if anything). */
function appendPart(state: WalkState, text: string, chars: number): void {
  state.parts.length = state.run.parts;
  state.parts.push(text);
  state.run.parts++;
  state.run.partChars += chars;
}

function blockFrame(stack: Frame[]): Frame | undefined {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.isBlock) return stack[i];
  return undefined;
}

/** Ends the running text: a block of the innermost block element, when it has visible text. */
function flush(state: WalkState): void {
  const run = state.run;
  if (run.partChars === 0) return;
  state.flushes++;
  const frame = blockFrame(state.stack);
  const parts = state.parts;
  parts.length = run.parts;
  const text = run.visibleChars > 0 && frame ? normaliseSpace(run.parts === 1 ? parts[0]! : parts.join('')) : '';
  if (text !== '' && frame) {
    const repeatsAlt = state.altKey !== null && repeatsAltText(text, state.altKey, state.options);
    state.altKey = null;
    state.blocks.push({
      text,
      kind: frame.kind,
      el: frame.el,
      tag: frame.el.name,
      linkChars: Math.min(run.linkChars, text.length),
      leadLinkChars: run.leadLinkChars,
      negatives: frame.negatives,
      inHeader: frame.inHeader,
      collapsed: frame.collapsed,
      repeatsAlt,
      aside: state.signUp && isInside(frame.el, state.signUp) ? state.signUp : null,
      namedTitle: frame.namedTitle,
      fallback: frame.fallback,
    });
  }
  state.run = emptyRun();
}

/**
 * A span in the middle of a sentence that holds nothing but several links is a pop-up (a hover
 * card listing a person's other articles, hidden until pointed at): its text leaves the sentence.
 */
function dropIfLinkList(state: WalkState, mark: InlineMark): void {
  const { run, options } = state;
  const visible = run.visibleChars - mark.run.visibleChars;
  const isPopup =
    state.flushes === mark.flushes &&
    state.links - mark.links >= options.popupMinLinks &&
    visible >= options.popupMinChars &&
    run.linkChars - mark.run.linkChars >= options.popupMinLinkShare * visible;
  if (!isPopup) return;
  state.run = { ...mark.run };
  appendPart(state, ' ', 1);
}

function enterText(state: WalkState, data: string): void {
  const { run, limits } = state;
  if (run.partChars >= limits.maxBlockChars || !state.stack.length || state.silentDepth !== 0 || state.muteDepth !== 0) return;
  const text = data.length + run.partChars > limits.maxBlockChars ? data.slice(0, limits.maxBlockChars - run.partChars) : data;
  const visible = text.trim().length;
  if (visible === 0) {
    // White space between tags: one space keeps words apart, the rest is noise.
    if (run.partChars > 0 && state.parts[run.parts - 1] !== ' ') appendPart(state, ' ', 1);
    return;
  }
  // In <pre>, line ends are the text's own: a line end, and a blank line a paragraph break.
  const kept = state.stack[state.stack.length - 1]!.kind === 'preformatted' && text.includes('\n') ? text.replace(/\r?\n/g, LINE_BREAK) : text;
  appendPart(state, kept, text.length);
  run.visibleChars += visible;
  if (state.linkDepth > 0) {
    run.linkChars += visible;
    if (run.leadOpen) run.leadLinkChars += visible;
  } else run.leadOpen = false;
}

/** Scripts give structured data and embedded state; nothing of them is text. */
function readScript(el: Element, raw: RawMeta): void {
  const type = el.attribs.type?.toLowerCase();
  if (type?.includes('ld+json')) raw.jsonLd.push(textOfScript(el));
  else if (isStateScript(el.attribs)) raw.appState.push(textOfScript(el));
  else if (!el.attribs.src && (!type || type.includes('javascript'))) {
    const script = textOfScript(el);
    if (assignsState(script)) raw.appState.push(script);
  }
}

/** Skip links (read before skipping: they are often hidden from sight) and the boxes they point over. */
function noticeSkipLinks(state: WalkState, el: Element): void {
  const a = el.attribs;
  if (a.id !== undefined && state.skipLinks.size > 0) {
    const skip = state.skipLinks.get(a.id);
    if (skip) setAside(state.blocks, skip.link, skip.at, el);
  }
  if (el.name === 'a' && state.run.visibleChars === 0 && a.href !== undefined && a.href.length > 1 && a.href[0] === '#' && state.skipLinks.size < state.options.maxSkipLinks) {
    state.skipLinks.set(a.href.slice(1), { link: el, at: state.blocks.length });
  }
}

/** A sign-up form sets aside the box around it, with the blocks already read in that box. */
function noticeSignUpForm(state: WalkState, form: Element): void {
  if (state.formsLeft-- <= 0 || !asksForEmail(form)) return;
  const box = signUpBox(form, state.blocks);
  if (!box) return;
  state.signUp = box;
  const blocks = state.blocks;
  for (let i = blocks.length - 1; i >= 0 && isInside(blocks[i]!.el, box); i--) blocks[i]!.aside = box;
}

// Returns whether to go into the node's children.
function enter(state: WalkState, node: AnyNode, depth: number): boolean {
  if (node.type === 'text') {
    enterText(state, node.data);
    return false;
  }
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return false;
  const el = node as Element;
  const name = el.name;
  const raw = state.raw;
  // A <noscript>'s markup is a second version of the page: its metadata, headings and scripts
  // are not the page's.
  const inFallback = state.fallbackDepth > 0;
  if (!inFallback) noticeElement(el, raw);
  if (name === 'script') {
    if (!inFallback) readScript(el, raw);
    return false;
  }
  if (name === 'title') {
    if (raw.title === null) raw.title = textOf(el, state.options.metaTextMaxChars);
    return false;
  }
  if (name === 'br') {
    appendPart(state, LINE_BREAK, 1);
    return false;
  }
  if (name === 'h1' && raw.h1s.length < state.options.maxH1s && !inFallback) raw.h1s.push({ text: textOf(el, state.options.metaTextMaxChars), el });
  const a = el.attribs;
  const evidence = classEvidence(a.class, a.id);
  if (raw.authorTexts.length < state.options.maxAuthorTexts && !inFallback && (a.itemprop === 'author' || a.rel === 'author' || evidence.author)) {
    const t = textOf(el, state.options.authorTextMaxChars);
    if (t) raw.authorTexts.push(t);
  }
  noticeSkipLinks(state, el);
  if (name === 'form' && !inFallback) noticeSignUpForm(state, el);
  const quotedPost = name === 'figure' && holdsQuote(el, state.options.quotedPostSearchNodes);
  const hiddenUntilOpened = isCollapsed(a);
  const collapsed = hiddenUntilOpened && COLLAPSIBLE.has(name) && a['aria-hidden'] !== 'true';
  const fallback = name === 'noscript' && state.silentDepth === 0;
  if ((SKIP_TAGS.has(name) && !quotedPost && !fallback) || depth > state.limits.maxDepth || (!collapsed && (hiddenUntilOpened || isAriaHidden(a))) || (name === 'div' && isImageBox(el))) {
    // A skipped element still separates the text around it, unless it sits in a line of text
    // as an image or a form control does.
    if (!INLINE_TAGS.has(name) && !INLINE_SKIPPED.has(name)) flush(state);
    if (name === 'img' && !inFallback) state.altKey = a.alt && a.alt.length >= state.options.captionMinAltChars ? altTextKey(a.alt) : null;
    return false;
  }
  const parent = state.stack[state.stack.length - 1];
  // A data table's cells are parts of their row's line, parted by a bar.
  const cellOfRow = parent?.dataRow === true && (name === 'td' || name === 'th');
  if (cellOfRow && state.run.partChars > 0) appendPart(state, ' | ', 3);
  const isBlock = !INLINE_TAGS.has(name) && !cellOfRow;
  const strongPositive = a.itemprop === 'articleBody' || a.itemprop === 'articlebody' || name === 'article' || name === 'main';
  const negative = evidence.negative && !strongPositive && !evidence.positive;
  // A heading whose class only names it a title or headline: a module's label, or an entry's title
  // (keep.ts tells them apart by what follows).
  const namedTitle = negative && evidence.weak && kindOfTag(name) === 'heading';
  if (isBlock) flush(state);
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
    voice: name === 'blockquote' && state.muteDepth > 0,
    mark: isBlock || name === 'a' || state.run.visibleChars === 0 ? null : { run: { ...state.run }, links: state.links, flushes: state.flushes },
    dataRow: name === 'tr' && isDataRow(el, state.dataTables),
    namedTitle: namedTitle || (parent?.namedTitle ?? false),
  };
  // A heading's kind wins over the list item or quote it sits in; a paragraph inherits.
  if (kindOfTag(name) === null && parent && parent.kind !== 'paragraph') frame.kind = parent.kind;
  state.stack.push(frame);
  if (frame.isLink) {
    state.linkDepth++;
    state.links++;
  }
  if (frame.silent) state.silentDepth++;
  if (fallback) state.fallbackDepth++;
  if (frame.mute) state.muteDepth++;
  if (frame.voice) state.muteDepth--;
  return true;
}

function exit(state: WalkState): void {
  const frame = state.stack[state.stack.length - 1]!;
  if (frame.isBlock) flush(state);
  else if (frame.mark) dropIfLinkList(state, frame.mark);
  if (frame.isLink) state.linkDepth--;
  if (frame.silent) state.silentDepth--;
  if (frame.el.name === 'noscript') state.fallbackDepth--;
  if (frame.mute) state.muteDepth--;
  if (frame.voice) state.muteDepth++;
  state.stack.pop();
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
function holdsQuote(figure: Element, maxNodes: number): boolean {
  const stack: AnyNode[] = [...figure.children];
  for (let seen = 0; stack.length && seen < maxNodes; seen++) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    if ((n as Element).name === 'blockquote') return true;
    stack.push(...(n as Element).children);
  }
  return false;
}
