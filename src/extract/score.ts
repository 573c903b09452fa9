import type { Element, ParentNode } from 'domhandler';
import { cutAtComments, dropFurniture, isBylineLine, isCommentsLabel, isDatedBylineLine, isDateline } from './furniture.js';
import { classEvidence, isCollapsed } from './patterns.js';
import type { Block } from './walk.js';

/**
 * Chooses the article's container and the blocks in it that are article text.
 *
 * Every block gets a weight: its length when it reads like prose, negative when it is made of
 * links or sits in an element whose class or id says boilerplate. An element's score is the sum
 * of the weights below it, and the container is the element with the highest score: it takes in
 * as much prose and as little boilerplate as the tree allows (a maximum-sum subtree). Within it,
 * blocks are then kept one by one.
 */

const LINK_DENSITY_MAX = 0.5;

/** A paragraph of prose: long, a sentence at its end, few links. */
const isProse = (b: Block) => b.text.length >= 120 && b.linkChars < 0.3 * b.text.length && SENTENCE_END.test(b.text);

/**
 * Class-negative elements holding most of the page's text are its frame, not boilerplate; nor is
 * an element named for something short (a "title", a "teaser") whose text is prose paragraphs.
 */
function effectiveNegatives(blocks: Block[]): Set<Element> {
  const chars = new Map<Element, number>();
  const prose = new Map<Element, number>();
  let total = 0;
  for (const b of blocks) {
    total += b.text.length;
    const isP = isProse(b);
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
    if (c >= total * 0.5) continue;
    // ... unless the class says outright that it holds no content ("robots-nocontent", the
    // convention that tells crawlers so): a side rail and a comment form so named are not the frame.
    if (el.attribs.class && byClass.get(el.attribs.class)! >= total * 0.5 && !NO_CONTENT.test(el.attribs.class)) continue;
    if ((prose.get(el) ?? 0) >= 0.8 * c && classEvidence(el.attribs.class, el.attribs.id).weak) continue;
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
function teaserFlags(blocks: Block[], chars: Map<ParentNode, number>): boolean[] {
  const flags: boolean[] = [];
  // A card's headline may open with a kicker outside the link ("Editorial <a>Fraser's legacy</a>").
  const isCardHeadline = (h: Block | undefined) =>
    h !== undefined && h.text.length >= 20 && h.linkChars / h.text.length >= (h.kind === 'heading' ? 0.6 : 0.8);
  const inCard = (head: Block, b: Block, between: number) => {
    const common = commonAncestor(head.el, b.el, 6);
    return common !== null && (chars.get(common) ?? Infinity) <= head.text.length + between + b.text.length + 200;
  };
  blocks.forEach((b, i) => {
    const len = b.text.length;
    let teaser = false;
    if (len <= 600) {
      // Cut short with an ellipsis: an excerpt. (Listicles also open items with a linked sentence,
      // but say the whole thing.)
      if (b.leadLinkChars >= 25 && b.leadLinkChars < len && /(\.\.\.|…)\s*$/.test(b.text)) teaser = true;
      else if (isCardHeadline(blocks[i - 1])) teaser = inCard(blocks[i - 1]!, b, 0);
      // Or under the card's meta line (its date, its author), itself the card's.
      else if (flags[i - 1] && isMetaLine(blocks[i - 1]!) && isCardHeadline(blocks[i - 2])) teaser = inCard(blocks[i - 2]!, b, blocks[i - 1]!.text.length);
    }
    flags.push(teaser);
  });
  return flags;
}

/** A short line of plain text that is no sentence: a date, an author's name, both. */
const isMetaLine = (b: Block) => b.text.length < 100 && b.linkChars === 0 && !SENTENCE_END.test(b.text);

/**
 * Comment threads that no class names: the element that opens with a label such as "Réagir (26
 * réactions)" or "Comments (212)", below the article's first paragraph of prose (above it, "12
 * comments" is the article's meta line). Everything in it is readers' text.
 */
function commentLabels(blocks: Block[]): number[] {
  let seenProse = false;
  const labels: number[] = [];
  blocks.forEach((b, i) => {
    if (seenProse && b.linkChars === 0 && isCommentsLabel(b.text)) labels.push(i);
    if (!seenProse && isProse(b)) seenProse = true;
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
const MIN_BODY_PROSE = 3;
function proseParents(blocks: Block[], negated: boolean[]): Set<ParentNode> {
  const count = new Map<ParentNode, number>();
  const add = (n: ParentNode | null) => { if (n) count.set(n, (count.get(n) ?? 0) + 1); };
  blocks.forEach((b, i) => {
    if (negated[i] || b.collapsed || !isProse(b)) return;
    add(b.el);
    add(b.el.parent);
  });
  const out = new Set<ParentNode>();
  for (const [n, c] of count) if (c >= MIN_BODY_PROSE) out.add(n);
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

function weight(b: Block, negated: boolean, teaser: boolean): number {
  const len = b.text.length;
  // Collapsed text does not choose the container: a hidden menu or dialog would pull it astray.
  if (b.collapsed) return negated ? -len : 0;
  if (negated) return -len;
  if (teaser) return -0.5 * len;
  const density = b.linkChars / len;
  let w = len * (1 - 2.5 * density);
  if (w > 0 && b.positives > 0) w *= 1.25;
  // An aside in the story (see setAside) is on its subject: it may count against a container, as
  // its links do, but not for it.
  if (b.aside && w > 0) return 0;
  // Short lines without a sentence in them (labels, dates, "Share") neither make nor break a container.
  if (len < 25 && w > 0) w *= 0.3;
  return w;
}

export function isInside(node: Element, container: ParentNode): boolean {
  for (let n: ParentNode | null = node; n; n = n.parent) if (n === container) return true;
  return false;
}

export interface Selection {
  container: ParentNode | null;
  blocks: Block[];
}

export function selectArticleBlocks(blocks: Block[], titleText: string | null): Selection {
  if (blocks.length === 0) return { container: null, blocks: [] };
  const negs = effectiveNegatives(blocks);
  const chars = new Map<ParentNode, number>();
  for (const b of blocks) for (let n: ParentNode | null = b.el; n; n = n.parent) chars.set(n, (chars.get(n) ?? 0) + b.text.length);
  const teasers = teaserFlags(blocks, chars);
  const labels = commentLabels(blocks);
  const inThread = commentThreadFlags(blocks, labels);
  const negated = blocks.map((b, i) => inThread[i]! || b.negatives.some((n) => negs.has(n)));
  const bodies = proseParents(blocks, negated);
  const score = new Map<ParentNode, number>();
  blocks.forEach((b, i) => {
    const w = weight(b, negated[i]!, teasers[i]!);
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
  const containerInHeader = headerAbove(container);
  const titleKey = titleText ? key(titleText) : null;
  const titleWords = new Set(titleText ? wordsOf(titleText) : []);
  const nextPages = splitBodyParts(container);
  let seenProse = false;
  let headlineAt = -2;
  let summaryEnd = -1;
  // Headings in a <header> below the text's first paragraph: a section's title, or a module's label.
  const sectionTitles = new Set<Block>();
  const linkedSentences = new Set<Block>();
  // A comments label below the text's first paragraph ends the text, whether it is kept
  // (cutAtComments cuts there) or left out with a box whose class names it
  // ("<div class="commentsCount">199 comments</div>"). Above it, it is the story's meta line.
  const labelSet = new Set(labels);
  let ended = false;
  const kept = blocks.filter((b, i) => {
    if (!isInside(b.el, container) && !nextPages.some((p) => isInside(b.el, p))) return false;
    if (seenProse && labelSet.has(i)) ended = true;
    if (ended) return false;
    if (teasers[i] || b.repeatsAlt) return false;
    if (b.collapsed && !(isProse(b) || b.kind === 'heading')) return false;
    if (b.negatives.some((n) => negs.has(n) && n !== container && isInside(n, container))) return false;
    if (b.aside && b.aside !== container && isInside(b.aside, container)) return false;
    if (b.linkChars / b.text.length > LINK_DENSITY_MAX) {
      if (!isLinkedSentence(b)) return false;
      linkedSentences.add(b);
    }
    if (b.inHeader && !containerInHeader && !inEntryHeader(b.el, container)) {
      if (!seenProse || b.kind !== 'heading') return false;
      sectionTitles.add(b);
    }
    // The headline, as the title gives it or as the page's <h1> over the text (the title may word it otherwise).
    if ((titleKey && isHeadlineCell(b.text, titleKey)) || (!seenProse && (b.tag === 'h1' || (b.kind === 'heading' && wordsFromTitle(b.text, titleWords))))) {
      headlineAt = i;
      return false;
    }
    // A long heading right under the headline is its standfirst (<h1>Olivia Munn: Queen of the
    // Uncool</h1><h2>The Web and cable star has achieved fame by targeting nerdy guys...</h2>): a
    // sub-heading of the text comes after some of it.
    if (i === headlineAt + 1 && b.kind === 'heading' && b.text.length >= 40) return false;
    // So is a list right under the headline and over the byline: the story's points in brief
    // ("<h1>...</h1><ul><li>Banker wants to inspire young people</li>...</ul><p>By Associated Press</p>").
    if (i === headlineAt + 1 && b.kind === 'list-item') summaryEnd = summaryListEnd(blocks, i);
    if (i < summaryEnd) return false;
    // So is a line right under the headline that is no sentence (a dek without its full stop): the text's own
    // paragraphs end in one.
    if (i === headlineAt + 1 && b.kind === 'paragraph' && b.text.length >= 40 && b.text.length < 250 && !b.text.includes('\n') && !SENTENCE_END.test(b.text)) return false;
    // So is a long heading over the byline: the text starts below it.
    if (!seenProse && b.kind === 'heading' && b.text.length >= 40 && i + 1 < blocks.length && isBylineLine(blocks[i + 1]!.text)) return false;
    if (isProse(b)) seenProse = true;
    return true;
  });
  if (sectionTitles.size > 0) dropEmptySections(kept, sectionTitles);
  // Below the last paragraph, such a sentence is the sign-off ("Follow us on <a>Twitter</a>.", "For
  // inquiries, contact <a>the desk</a>."): only text around it makes it part of the text.
  if (linkedSentences.size > 0) {
    let end = kept.length;
    while (end > 0 && !(isProse(kept[end - 1]!) && !linkedSentences.has(kept[end - 1]!))) end--;
    for (let k = kept.length - 1; k >= end; k--) if (linkedSentences.has(kept[k]!)) kept.splice(k, 1);
  }
  dropModuleLabels(blocks, kept);
  kept.unshift(...leadAbove(blocks, kept, negs));
  return { container, blocks: trimEdges(dropFurniture(cutAtComments(kept))) };
}

/** Where a list that starts at `start` ends, when a byline or a dateline follows it; else -1. */
function summaryListEnd(blocks: Block[], start: number): number {
  const list = blocks[start]!.el.parent;
  let j = start;
  while (j < blocks.length && j - start < 8 && blocks[j]!.kind === 'list-item' && blocks[j]!.el.parent === list) j++;
  const next = blocks[j];
  return next && (isBylineLine(next.text) || isDateline(next.text) || isDatedBylineLine(next.text)) ? j : -1;
}

/**
 * A sentence of the text whose second half is a link ("Earlier this week, <a>Google banned a
 * pornography app for Google Glass.</a>"): it opens in plain words, not a label ("Read more:",
 * "MORE:") and not a link, and it ends as a sentence does, where a link's headline does not.
 */
const LABEL_START = /^[^.!?:]{0,40}:\s/;
// A full stop, not a closing bracket: "» Copa: Serrano bate o Ipiranga (30/04/2018)" is a link's headline and its date.
const FULL_STOP = /[.!?…。؟]["”»’)]?\s*$/;
function isLinkedSentence(b: Block): boolean {
  return b.leadLinkChars === 0 && b.text.length - b.linkChars >= 15 && b.linkChars <= 0.9 * b.text.length && FULL_STOP.test(b.text) && !LABEL_START.test(b.text);
}

/**
 * Templates put the lead paragraph above the image, in the article's header or a "lead" box of
 * its own, where it is cut off from the body's container. Prose that runs straight into the body
 * (nothing between but links: a share bar) and opens with a dateline, or is dressed in the same
 * class as the body's paragraphs, is the story's first paragraph; a standfirst placed there reads
 * the same but has neither.
 */
// "NIAMEY —", "Kayes, 14 août (AFP) –", "BAMAKO (Reuters) -": a news story's first paragraph opens so, a dek never does.
const OPENS_WITH_DATELINE = /^\p{Lu}[\p{L}.' ]{1,30}(,[^—–-]{1,30})?(\s*\([^)]{1,30}\))?\s*[—–-]\s/u;
function leadAbove(blocks: Block[], kept: Block[], negs: Set<Element>): Block[] {
  const first = kept[0];
  if (!first) return [];
  const bodyClasses = new Set(kept.map((b) => b.el.attribs.class).filter((c) => c !== undefined && c !== ''));
  const out: Block[] = [];
  for (let i = blocks.indexOf(first) - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.linkChars / b.text.length > LINK_DENSITY_MAX) continue;
    const opensStory = OPENS_WITH_DATELINE.test(b.text) || bodyClasses.has(b.el.attribs.class ?? '');
    if (!isProse(b) || !opensStory || b.negatives.some((n) => negs.has(n))) break;
    out.unshift(b);
  }
  return out;
}

/**
 * A live blog's entries are <article>s side by side inside the container, each with a <header>
 * holding its time and title: those are part of the text, where the story's own header is not.
 */
function inEntryHeader(el: Element, container: ParentNode): boolean {
  let n: ParentNode | null = el;
  while (n && !('name' in n && n.name === 'header')) n = n.parent;
  for (n = n?.parent ?? null; n && n !== container; n = n.parent) if ('name' in n && n.name === 'article') return hasSiblingArticle(n as Element);
  return false;
}

/**
 * A <header> below the story's first paragraph heads a section of it ("<section><header><h2>Features
 * and tools</h2></header><p>..."): its heading stays when the text after it is in that section. A
 * module of links dropped from the text ("Other People Are Reading") has nothing after its label.
 */
function dropEmptySections(kept: Block[], titles: Set<Block>): void {
  for (let k = kept.length - 1; k >= 0; k--) {
    const b = kept[k]!;
    if (!titles.has(b)) continue;
    let header: ParentNode | null = b.el;
    while (header && !('name' in header && header.name === 'header')) header = header.parent;
    const next = kept[k + 1];
    if (!header?.parent || !next || !isInside(next.el, header.parent)) kept.splice(k, 1);
  }
}

/**
 * A label heads the module it sits in ("Story Tools", "Browse Issues", "RELATED TOPICS" over a list
 * of links): when the module's other blocks were all left out, so is its label. (A sub-heading that
 * shares a wrapper with nothing but an image's caption stays: its section is the text after it.)
 */
const isLabel = (b: Block) => b.kind === 'heading' ? b.text.length < 80 : b.text.length < 40 && !SENTENCE_END.test(b.text);
function dropModuleLabels(blocks: Block[], kept: Block[]): void {
  const keptSet = new Set(kept);
  const drop = new Set<Block>();
  let i = 0;
  for (const b of kept) {
    if (!isLabel(b)) continue;
    while (blocks[i] !== b) i++;
    const module = b.el.parent;
    if (!module) continue;
    let others = 0;
    let links = 0;
    let keptOther = false;
    for (let j = i + 1; j < blocks.length && j <= i + 60 && isInside(blocks[j]!.el, module); j++) {
      others++;
      if (blocks[j]!.linkChars > 0.5 * blocks[j]!.text.length) links++;
      if (keptSet.has(blocks[j]!)) { keptOther = true; break; }
    }
    if (!keptOther && (others >= 2 || links > 0)) drop.add(b);
  }
  if (drop.size > 0) for (let k = kept.length - 1; k >= 0; k--) if (drop.has(kept[k]!)) kept.splice(k, 1);
}

/** One of several <article>s side by side: a feed's entry, not the story's own article. */
function hasSiblingArticle(article: Element): boolean {
  return (article.parent?.children ?? []).some((c) => c !== article && c.type === 'tag' && (c as Element).name === 'article');
}

/**
 * The rest of a body split around the container: siblings of the same tag and classes, at the
 * container's level or one of its two nearest ancestors'.
 * - Hidden ones are a story paged on one page, the next pages waiting for the reader to turn to
 *   them, whatever their class.
 * - Visible ones are the body's other parts, cut apart by a rail of related links or an ad
 *   (`div.article_body.entry-content` twice, a side rail between). Their classes must say they hold
 *   text (article, body, content, ...) and nothing against it, so a grid's other column or the
 *   next teaser card never qualify.
 * Their blocks still pass the same filters as the container's.
 */
function splitBodyParts(container: ParentNode): Element[] {
  const parts: Element[] = [];
  let node: ParentNode | null = container;
  for (let level = 0; level < 3 && node && 'attribs' in node && node.parent; level++, node = node.parent) {
    const el: Element = node;
    const classes = (el.attribs.class ?? '').split(/\s+/).filter((c) => c !== '');
    if (classes.length === 0) continue;
    const evidence = classEvidence(el.attribs.class, undefined);
    const textClass = evidence.positive && !evidence.negative;
    for (const c of el.parent!.children) {
      if (c === el || c.type !== 'tag') continue;
      const sibling = c as Element;
      if (sibling.name !== el.name) continue;
      const own = new Set((sibling.attribs.class ?? '').split(/\s+/));
      if (!classes.every((x) => own.has(x))) continue;
      if (isCollapsed(sibling.attribs) ? level === 0 : textClass) parts.push(sibling);
    }
  }
  return parts;
}

function headerAbove(node: ParentNode): boolean {
  for (let n: ParentNode | null = node; n; n = n.parent) if ('name' in n && n.name === 'header') return true;
  return false;
}

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** How a sentence ends: a line without it is a label, a date, a byline, a headline. */
const SENTENCE_END = /[.!?…。؟»"”)]\s*$/;

const wordsOf = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
/**
 * A heading worded as a shorter or longer form of the title ("FDA Panel Votes to Change
 * Restrictions on Avandia" under the title "FDA Panel Votes to Change Tight Restrictions on
 * Diabetes Drug Avandia"): nearly all its words are the title's.
 */
function wordsFromTitle(text: string, titleWords: Set<string>): boolean {
  if (titleWords.size < 3 || text.length > 200) return false;
  const words = wordsOf(text);
  if (words.length < 3 || words.length > titleWords.size + 3) return false;
  return words.filter((w) => titleWords.has(w)).length >= 0.8 * words.length;
}

/**
 * The headline, as a heading, or in a <font> or a table cell with its meta lines under it
 * ("Published on 03/03/2025 | Read 1,482 times"): the title, then only short lines that are no sentence.
 */
function isHeadlineCell(text: string, titleKey: string): boolean {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  // Most blocks are paragraphs far longer than any title: not worth normalising.
  if (first.length < titleKey.length || first.length > 2 * titleKey.length + 20 || key(first) !== titleKey) return false;
  return end < 0 || text.slice(end + 1).split('\n').every((l) => l.length < 100 && !SENTENCE_END.test(l));
}

// Dates, bylines, labels ("Advertisement", "Comments", "Related") that open or close the
// container: short, no sentence in them.
function isEdgeJunk(b: Block): boolean {
  if (b.kind === 'heading') return b.text.length < 25;
  if (b.text.length < 40 && !SENTENCE_END.test(b.text)) return true;
  // A stack of such lines parted by <br>: "Editor's Choice / Main Category: Cancer / Article Date: 07 Jun 2013".
  return b.text.length < 300 && b.text.includes('\n') && b.text.split('\n').every((l) => l.length < 60 && !SENTENCE_END.test(l));
}

function trimEdges(blocks: Block[]): Block[] {
  let start = 0;
  let end = blocks.length;
  while (start < end && isEdgeJunk(blocks[start]!)) start++;
  while (end > start && (isEdgeJunk(blocks[end - 1]!) || blocks[end - 1]!.kind === 'heading')) end--;
  return blocks.slice(start, end);
}
