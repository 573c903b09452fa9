import type { Element, ParentNode } from 'domhandler';
import { isCommentsLabel } from './furniture.js';
import { isProse, keepBlocks, SENTENCE_END } from './keep.js';
import { DEFAULT_EXTRACTION_OPTIONS, type ExtractionOptions } from './options.js';
import { classEvidence } from './patterns.js';
import { isInside } from './tree.js';
import type { Block } from './walk.js';

/**
 * Chooses the article's container; keep.ts then keeps the blocks in it that are article text.
 *
 * Every block gets a weight: its length when it reads like prose, negative when it is made of
 * links or sits in an element whose class or id says boilerplate. An element's score is the sum
 * of the weights below it, and the container is the element with the highest score: it takes in
 * as much prose and as little boilerplate as the tree allows (a maximum-sum subtree).
 */

/**
 * Class-negative elements holding most of the page's text are its frame, not boilerplate; nor is
 * an element named for something short (a "title", a "teaser") whose text is prose paragraphs.
 */
function effectiveNegatives(blocks: Block[], options: ExtractionOptions): Set<Element> {
  const chars = new Map<Element, number>();
  const prose = new Map<Element, number>();
  let total = 0;
  for (const b of blocks) {
    total += b.text.length;
    const isP = isProse(b, options);
    for (const n of b.negatives) {
      chars.set(n, (chars.get(n) ?? 0) + b.text.length);
      if (isP) prose.set(n, (prose.get(n) ?? 0) + b.text.length);
    }
  }
  // The same class on many elements that together hold most of the text is the template's own
  // wrapper (a page builder's "elementor-widget-container" around each piece of the body).
  const byClass = new Map<string, number>();
  for (const [el, c] of chars) {
    const cls = el.attribs.class;
    if (cls && !nestedInSameClass(el)) byClass.set(cls, (byClass.get(cls) ?? 0) + c);
  }
  const out = new Set<Element>();
  for (const [el, c] of chars) {
    if (c >= total * options.frameMinShare) continue;
    // ... unless the class says outright that it holds no content ("robots-nocontent", the
    // convention that tells crawlers so): a side rail and a comment form so named are not the frame.
    if (el.attribs.class && byClass.get(el.attribs.class)! >= total * options.frameMinShare && !NO_CONTENT.test(el.attribs.class)) continue;
    if ((prose.get(el) ?? 0) >= options.misnamedMinProseShare * c && classEvidence(el.attribs.class, el.attribs.id).weak) continue;
    out.add(el);
  }
  return out;
}

const NO_CONTENT = /(^|[\s_-])nocontent($|[\s_-])/i;

function nestedInSameClass(el: Element): boolean {
  for (let n = el.parent; n; n = n.parent) if ('attribs' in n && n.attribs.class === el.attribs.class) return true;
  return false;
}

/**
 * Teasers: a card's excerpt under its headline link. Either one block that opens with a long
 * link and goes on to an excerpt ("Headline First lines..."), or a short block right after a link-only block
 * (or a heading mostly made of its link) with which it shares a small element (the card) and nothing much else.
 */
function teaserFlags(blocks: Block[], chars: Map<ParentNode, number>, options: ExtractionOptions): boolean[] {
  const flags: boolean[] = [];
  // A card's headline may open with a kicker outside the link ("Editorial <a>Fraser's legacy</a>").
  const isCardHeadline = (h: Block | undefined) =>
    h !== undefined &&
    h.text.length >= options.cardHeadlineMinChars &&
    h.linkChars / h.text.length >= (h.kind === 'heading' ? options.cardHeadingMinLinkShare : options.cardHeadlineMinLinkShare);
  const inCard = (head: Block, b: Block, between: number) => {
    const common = commonAncestor(head.el, b.el, options.cardMaxLevels);
    return common !== null && (chars.get(common) ?? Infinity) <= head.text.length + between + b.text.length + options.cardSlackChars;
  };
  blocks.forEach((b, i) => {
    const len = b.text.length;
    let teaser = false;
    if (len <= options.teaserMaxChars) {
      // Cut short with an ellipsis: an excerpt. (Listicles also open items with a linked sentence,
      // but say the whole thing.)
      if (b.leadLinkChars >= options.teaserMinLeadLinkChars && b.leadLinkChars < len && /(\.\.\.|…)\s*$/.test(b.text)) teaser = true;
      // Or closed by a link to the rest ("... shot from the road on May 22. more »", "Lire la suite").
      else if (b.linkChars > 0 && b.linkChars < len && MORE_LINK.test(b.text)) teaser = true;
      else if (isCardHeadline(blocks[i - 1])) teaser = inCard(blocks[i - 1]!, b, 0);
      // Or under the card's meta line (its date, its author), itself the card's.
      else if (flags[i - 1] && isMetaLine(blocks[i - 1]!, options) && isCardHeadline(blocks[i - 2])) teaser = inCard(blocks[i - 2]!, b, blocks[i - 1]!.text.length);
    }
    flags.push(teaser);
  });
  return flags;
}

const MORE_LINK = /(\b(more|suite|plus)\s*[»›>]+|\b(read more|continue reading|lire la suite|en savoir plus|leer más|leia mais|weiterlesen)\W*|(اقرأ المزيد|المزيد)\s*[»›>]*)\s*$/iu;

/** A short line of plain text that is no sentence: a date, an author's name, both. */
const isMetaLine = (b: Block, options: ExtractionOptions) => b.text.length < options.metaLineMaxChars && b.linkChars === 0 && !SENTENCE_END.test(b.text);

/**
 * Comment threads that no class names: the element that opens with a label such as "Réagir (26
 * réactions)" or "Comments (212)", below the article's first paragraph of prose (above it, "12
 * comments" is the article's meta line). Everything in it is readers' text.
 */
function commentLabels(blocks: Block[], options: ExtractionOptions): number[] {
  let seenProse = false;
  const labels: number[] = [];
  blocks.forEach((b, i) => {
    if (seenProse && b.linkChars === 0 && isCommentsLabel(b.text)) labels.push(i);
    if (!seenProse && isProse(b, options)) seenProse = true;
  });
  return labels;
}

function commentThreadFlags(blocks: Block[], labels: number[]): boolean[] {
  const flags = blocks.map(() => false);
  if (labels.length === 0) return flags;
  // The first block under each element: a thread's element is the outermost one the label opens.
  const first = new Map<ParentNode, number>();
  blocks.forEach((b, i) => {
    for (let n: ParentNode | null = b.el; n && !first.has(n); n = n.parent) first.set(n, i);
  });
  const threads = new Set<ParentNode>();
  for (const i of labels) {
    let el: ParentNode = blocks[i]!.el;
    // A label that is a run of text inside a larger element (the article's wrapper, the thread
    // below the text) opens no element of its own: there is no thread element to name.
    if (first.get(el) !== i) continue;
    while (el.parent && first.get(el.parent) === i) el = el.parent;
    threads.add(el);
  }
  blocks.forEach((b, i) => {
    for (let n: ParentNode | null = b.el; n; n = n.parent) if (threads.has(n)) flags[i] = true;
  });
  return flags;
}

/**
 * Elements whose own paragraphs are the text: several paragraphs of prose, not in boilerplate,
 * that are runs of the element's own text or its children.
 */
function proseParents(blocks: Block[], negated: boolean[], options: ExtractionOptions): Set<ParentNode> {
  const count = new Map<ParentNode, number>();
  const add = (n: ParentNode | null) => { if (n) count.set(n, (count.get(n) ?? 0) + 1); };
  blocks.forEach((b, i) => {
    if (negated[i] || b.collapsed || !isProse(b, options)) return;
    add(b.el);
    add(b.el.parent);
  });
  const out = new Set<ParentNode>();
  for (const [n, c] of count) if (c >= options.bodyMinProse) out.add(n);
  return out;
}

function commonAncestor(a: Element, b: Element, maxUp: number): ParentNode | null {
  const seen = new Set<ParentNode>();
  let n: ParentNode | null = a;
  for (let i = 0; n && i < maxUp; i++, n = n.parent) seen.add(n);
  n = b;
  for (let i = 0; n && i < maxUp; i++, n = n.parent) if (seen.has(n)) return n;
  return null;
}

function weight(b: Block, negated: boolean, teaser: boolean, options: ExtractionOptions): number {
  const len = b.text.length;
  // Collapsed text does not choose the container: a hidden menu or dialog would pull it astray.
  if (b.collapsed) return negated ? -len : 0;
  if (negated) return -len;
  if (teaser) return -options.teaserWeight * len;
  const density = b.linkChars / len;
  // Positive class words ("content", "story") add nothing here: they choose among the blocks the
  // walk collects, and weighing them up pulled the choice towards wrappers of the whole page.
  let w = len * (1 - options.linkPenalty * density);
  // An aside in the story (see setAside) is on its subject: it may count against a container, as
  // its links do, but not for it.
  if (b.aside && w > 0) return 0;
  // Short lines without a sentence in them (labels, dates, "Share") neither make nor break a container.
  if (len < options.shortLineChars && w > 0) w *= options.shortLineWeight;
  return w;
}

export interface Selection {
  container: ParentNode | null;
  blocks: Block[];
}

export function selectArticleBlocks(blocks: Block[], titleText: string | null, options: ExtractionOptions = DEFAULT_EXTRACTION_OPTIONS): Selection {
  if (blocks.length === 0) return { container: null, blocks: [] };
  const negs = effectiveNegatives(blocks, options);
  const chars = new Map<ParentNode, number>();
  for (const b of blocks) for (let n: ParentNode | null = b.el; n; n = n.parent) chars.set(n, (chars.get(n) ?? 0) + b.text.length);
  const teasers = teaserFlags(blocks, chars, options);
  const labels = commentLabels(blocks, options);
  const inThread = commentThreadFlags(blocks, labels);
  const negated = blocks.map((b, i) => inThread[i]! || b.negatives.some((n) => negs.has(n)));
  const bodies = proseParents(blocks, negated, options);
  const score = new Map<ParentNode, number>();
  blocks.forEach((b, i) => {
    const w = weight(b, negated[i]!, teasers[i]!, options);
    for (let n: ParentNode | null = b.el; n; n = n.parent) {
      // Boilerplate set inside the text's own element (a gallery between its paragraphs, the
      // thread under them) costs the boxes around it, not that element: it is dropped from the
      // text anyway, and however long it is, it does not make the text something else.
      if (negated[i] && n !== b.el && bodies.has(n)) break;
      score.set(n, (score.get(n) ?? 0) + w);
    }
  });
  let best: ParentNode | null = null;
  let bestScore = -Infinity;
  for (const [el, s] of score) {
    if (s > bestScore + 1e-9) {
      best = el;
      bestScore = s;
    } else if (Math.abs(s - bestScore) <= 1e-9 && best && isInside(el as Element, best)) {
      best = el; // the same text in a tighter element
    }
  }
  if (!best || bestScore <= 0) return { container: null, blocks: [] };
  const container = best;
  return { container, blocks: keepBlocks(blocks, container, { negs, teasers, labels }, titleText, options) };
}

