import type { Element, ParentNode } from 'domhandler';
import { cutAtEndLabels, dropFurniture, isBylineLine, isDatedBylineLine, isDateline } from './furniture.js';
import { classEvidence, isCollapsed } from './patterns.js';
import { isInside } from './tree.js';
import type { Block } from './walk.js';

/**
 * Which blocks of the chosen container are the article's text, one by one: not the headline and
 * what stands under it (standfirst, dek, points in brief), not boilerplate set inside the text, not
 * link lists; with the other parts of a body split around the container and a lead set above it;
 * then furniture and short lines trimmed from the edges.
 */

const LINK_DENSITY_MAX = 0.5;

/** How a sentence ends: a line without it is a label, a date, a byline, a headline. */
export const SENTENCE_END = /[.!?…。؟»"”)]\s*$/;

/** A paragraph of prose: long, a sentence at its end, few links. */
export const isProse = (b: Block) => b.text.length >= 120 && b.linkChars < 0.3 * b.text.length && SENTENCE_END.test(b.text);

/** What choosing the container found out about the blocks, which keeping them uses too. */
export interface BlockEvidence {
  /** Elements whose negative class or id counts (see effectiveNegatives in score.ts). */
  negs: Set<Element>;
  /** Blocks that are teaser cards' excerpts. */
  teasers: boolean[];
  /** Blocks that are comment-thread labels ("Comments (12)"), by index. */
  labels: number[];
}

export function keepBlocks(blocks: Block[], container: ParentNode, { negs, teasers, labels }: BlockEvidence, titleText: string | null): Block[] {
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
  // (cutAtEndLabels cuts there) or left out with a box whose class names it
  // ("<div class="commentsCount">199 comments</div>"). Above it, it is the story's meta line.
  const labelSet = new Set(labels);
  let ended = false;
  // A heading whose class names it a title is a module's label ("Related stories"), unless it heads
  // an entry of the text: below some prose, with prose right under it in its own box (a live blog's
  // "card-live__title" over its update).
  const headsEntry = (b: Block, i: number) =>
    b.namedTitle && seenProse && i + 1 < blocks.length && isProse(blocks[i + 1]!) && b.el.parent !== null && isInside(blocks[i + 1]!.el, b.el.parent as Element);
  const kept = blocks.filter((b, i) => {
    if (!isInside(b.el, container) && !nextPages.some((p) => isInside(b.el, p))) return false;
    if (seenProse && labelSet.has(i)) ended = true;
    if (ended) return false;
    if (teasers[i] || b.repeatsAlt) return false;
    if (b.collapsed && !(isProse(b) || b.kind === 'heading')) return false;
    if (b.negatives.some((n) => negs.has(n) && n !== container && isInside(n, container) && !(n === b.el && headsEntry(b, i)))) return false;
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
  return trimEdges(dropFurniture(cutAtEndLabels(kept)));
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
