import type { Element, ParentNode } from 'domhandler';
import { cutAtEndLabels, dropFurniture, isBylineLine, isDatedBylineLine, isDateline } from './furniture.js';
import { DEFAULT_EXTRACTION_OPTIONS, type ExtractionOptions } from './options.js';
import { classEvidence, isCollapsed } from './patterns.js';
import { isInside } from './tree.js';
import type { Block } from './walk.js';

/**
 * Which blocks of the chosen container are the article's text, one by one: not the headline and
 * what stands under it (standfirst, dek, points in brief), not boilerplate set inside the text, not
 * link lists; with the other parts of a body split around the container and a lead set above it;
 * then furniture and short lines trimmed from the edges.
 */

/** How a sentence ends: a line without it is a label, a date, a byline, a headline. */
export const SENTENCE_END = /[.!?…。؟»"”)]\s*$/;

/** A paragraph of prose: long, a sentence at its end, few links. */
export const isProse = (b: Block, options: ExtractionOptions = DEFAULT_EXTRACTION_OPTIONS) =>
  b.text.length >= options.proseMinChars && b.linkChars < options.proseMaxLinkShare * b.text.length && SENTENCE_END.test(b.text);

/** What choosing the container found out about the blocks, which keeping them uses too. */
export interface BlockEvidence {
  /** Elements whose negative class or id counts (see effectiveNegatives in score.ts). */
  negs: Set<Element>;
  /** Blocks that are teaser cards' excerpts. */
  teasers: boolean[];
  /** Blocks that are comment-thread labels ("Comments (12)"), by index. */
  labels: number[];
}

export function keepBlocks(
  blocks: Block[],
  container: ParentNode,
  evidence: BlockEvidence,
  titleText: string | null,
  options: ExtractionOptions = DEFAULT_EXTRACTION_OPTIONS,
): Block[] {
  const page = pageContext(blocks, container, evidence, titleText, options);
  const marked = withoutTrailingLinkedSentences(withoutEmptySections(scanBlocks(page)), options);
  const kept = withoutModuleLabels(blocks, marked.map((k) => k.block), options);
  const withLead = [...leadAbove(blocks, kept, evidence.negs, options), ...kept];
  return trimEdges(dropFurniture(cutAtEndLabels(withLead)), options);
}

/** What the scan over the blocks reads but never changes. */
interface PageContext {
  blocks: Block[];
  container: ParentNode;
  evidence: BlockEvidence;
  options: ExtractionOptions;
  containerInHeader: boolean;
  titleKey: string | null;
  titleWords: Set<string>;
  /** The other parts of a body split around the container (see splitBodyParts). */
  nextPages: Element[];
  labels: Set<number>;
}

function pageContext(blocks: Block[], container: ParentNode, evidence: BlockEvidence, titleText: string | null, options: ExtractionOptions): PageContext {
  return {
    blocks,
    container,
    evidence,
    options,
    containerInHeader: headerAbove(container),
    titleKey: titleText ? key(titleText) : null,
    titleWords: new Set(titleText ? wordsOf(titleText) : []),
    nextPages: splitBodyParts(container, options),
    labels: new Set(evidence.labels),
  };
}

/** Where the scan stands: what the blocks above the current one have shown. */
interface ScanState {
  /** A kept block of prose above: the text has started. */
  seenProse: boolean;
  /** A comments label below the text's start was passed: the text has ended. */
  ended: boolean;
  /** The index of the last headline, and the end of the list of points in brief under it. */
  headlineAt: number;
  summaryEnd: number;
}

/** A kept block, with what later steps must know of it. */
interface Marked {
  block: Block;
  /** A heading in a <header> below the text's first paragraph: a section's title, or a module's label. */
  sectionTitle: boolean;
  /** A sentence whose second half is a link (see isLinkedSentence). */
  linkedSentence: boolean;
}

/** The blocks of the container that are the text, one by one, each judged on what came above it. */
function scanBlocks(page: PageContext): Marked[] {
  const kept: Marked[] = [];
  let scan: ScanState = { seenProse: false, ended: false, headlineAt: -2, summaryEnd: -1 };
  page.blocks.forEach((b, i) => {
    const step = judgeBlock(page, b, i, scan);
    scan = step.scan;
    if (step.kept) kept.push(step.kept);
  });
  return kept;
}

function judgeBlock(page: PageContext, b: Block, i: number, scan: ScanState): { kept: Marked | null; scan: ScanState } {
  const { options } = page;
  const drop = (next: ScanState = scan) => ({ kept: null, scan: next });
  if (!inBody(page, b)) return drop();
  // A comments label below the text's first paragraph ends the text, whether it is kept
  // (cutAtEndLabels cuts there) or left out with a box whose class names it
  // ("<div class="commentsCount">199 comments</div>"). Above it, it is the story's meta line.
  if (scan.ended || (scan.seenProse && page.labels.has(i))) return drop({ ...scan, ended: true });
  if (isSetInsideText(page, b, i, scan.seenProse)) return drop();
  const linkedSentence = b.linkChars / b.text.length > options.maxLinkShare;
  if (linkedSentence && !isLinkedSentence(b, options)) return drop();
  const sectionTitle = b.inHeader && !page.containerInHeader && !inEntryHeader(b.el, page.container);
  if (sectionTitle && (!scan.seenProse || b.kind !== 'heading')) return drop();
  if (isHeadline(page, b, scan.seenProse)) return drop({ ...scan, headlineAt: i });
  const underHeadline = i === scan.headlineAt + 1;
  const summaryEnd = underHeadline && b.kind === 'list-item' ? summaryListEnd(page.blocks, i, options) : scan.summaryEnd;
  const next = summaryEnd === scan.summaryEnd ? scan : { ...scan, summaryEnd };
  if (i < summaryEnd || isStandfirst(page, b, i, underHeadline, scan.seenProse)) return drop(next);
  const kept = { block: b, sectionTitle, linkedSentence };
  return { kept, scan: isProse(b, options) && !next.seenProse ? { ...next, seenProse: true } : next };
}

function inBody(page: PageContext, b: Block): boolean {
  return isInside(b.el, page.container) || page.nextPages.some((p) => isInside(b.el, p));
}

/** Boilerplate set inside the text: teasers, captions, hidden menus, class-negative boxes, asides. */
function isSetInsideText(page: PageContext, b: Block, i: number, seenProse: boolean): boolean {
  const { container, evidence, options } = page;
  if (evidence.teasers[i] || b.repeatsAlt) return true;
  if (b.collapsed && !(isProse(b, options) || b.kind === 'heading')) return true;
  if (b.negatives.some((n) => evidence.negs.has(n) && n !== container && isInside(n, container) && !(n === b.el && headsEntry(page, b, i, seenProse)))) return true;
  return b.aside !== null && b.aside !== container && isInside(b.aside, container);
}

/**
 * A heading whose class names it a title is a module's label ("Related stories"), unless it heads
 * an entry of the text: below some prose, with prose right under it in its own box (a live blog's
 * "card-live__title" over its update).
 */
function headsEntry(page: PageContext, b: Block, i: number, seenProse: boolean): boolean {
  const next = page.blocks[i + 1];
  return b.namedTitle && seenProse && next !== undefined && isProse(next, page.options) && b.el.parent !== null && isInside(next.el, b.el.parent as Element);
}

/** The headline, as the title gives it or as the page's <h1> over the text (the title may word it otherwise). */
function isHeadline(page: PageContext, b: Block, seenProse: boolean): boolean {
  if (page.titleKey && isHeadlineCell(b.text, page.titleKey, page.options)) return true;
  return !seenProse && (b.tag === 'h1' || (b.kind === 'heading' && wordsFromTitle(b.text, page.titleWords, page.options)));
}

/** What stands under the headline and over the text: a standfirst, a dek. */
function isStandfirst(page: PageContext, b: Block, i: number, underHeadline: boolean, seenProse: boolean): boolean {
  const { options } = page;
  // A long heading right under the headline is its standfirst (<h1>Olivia Munn: Queen of the
  // Uncool</h1><h2>The Web and cable star has achieved fame by targeting nerdy guys...</h2>): a
  // sub-heading of the text comes after some of it.
  if (underHeadline && b.kind === 'heading' && b.text.length >= options.standfirstMinChars) return true;
  // So is a line right under the headline that is no sentence (a dek without its full stop): the text's own
  // paragraphs end in one.
  if (underHeadline && b.kind === 'paragraph' && b.text.length >= options.dekMinChars && b.text.length < options.dekMaxChars && !b.text.includes('\n') && !SENTENCE_END.test(b.text)) return true;
  // So is a long heading over the byline: the text starts below it.
  const next = page.blocks[i + 1];
  return !seenProse && b.kind === 'heading' && b.text.length >= options.standfirstMinChars && next !== undefined && isBylineLine(next.text);
}

/**
 * A <header> below the story's first paragraph heads a section of it ("<section><header><h2>Features
 * and tools</h2></header><p>..."): its heading stays when the text after it is in that section. A
 * module of links dropped from the text ("Other People Are Reading") has nothing after its label.
 */
function withoutEmptySections(kept: Marked[]): Marked[] {
  const out: Marked[] = [];
  // From the end: whether a title stays depends on the block that stays after it.
  for (let k = kept.length - 1; k >= 0; k--) {
    const m = kept[k]!;
    if (m.sectionTitle && !headsNext(m.block, out[out.length - 1]?.block)) continue;
    out.push(m);
  }
  return out.reverse();
}

function headsNext(title: Block, next: Block | undefined): boolean {
  let header: ParentNode | null = title.el;
  while (header && !('name' in header && header.name === 'header')) header = header.parent;
  return header?.parent !== null && header?.parent !== undefined && next !== undefined && isInside(next.el, header.parent);
}

/**
 * Below the last paragraph, a linked sentence is the sign-off ("Follow us on <a>Twitter</a>.", "For
 * inquiries, contact <a>the desk</a>."): only text around it makes it part of the text.
 */
function withoutTrailingLinkedSentences(kept: Marked[], options: ExtractionOptions): Marked[] {
  let end = kept.length;
  while (end > 0 && !(isProse(kept[end - 1]!.block, options) && !kept[end - 1]!.linkedSentence)) end--;
  return kept.filter((m, k) => k < end || !m.linkedSentence);
}

/** Where a list that starts at `start` ends, when a byline or a dateline follows it; else -1. */
function summaryListEnd(blocks: Block[], start: number, options: ExtractionOptions): number {
  const list = blocks[start]!.el.parent;
  let j = start;
  while (j < blocks.length && j - start < options.summaryListMaxItems && blocks[j]!.kind === 'list-item' && blocks[j]!.el.parent === list) j++;
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
function isLinkedSentence(b: Block, options: ExtractionOptions): boolean {
  return b.leadLinkChars === 0 && b.text.length - b.linkChars >= options.linkedSentenceMinPlainChars && b.linkChars <= options.linkedSentenceMaxLinkShare * b.text.length && FULL_STOP.test(b.text) && !LABEL_START.test(b.text);
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
function leadAbove(blocks: Block[], kept: Block[], negs: Set<Element>, options: ExtractionOptions): Block[] {
  const first = kept[0];
  if (!first) return [];
  const bodyClasses = new Set(kept.map((b) => b.el.attribs.class).filter((c) => c !== undefined && c !== ''));
  const out: Block[] = [];
  for (let i = blocks.indexOf(first) - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.linkChars / b.text.length > options.maxLinkShare) continue;
    const opensStory = OPENS_WITH_DATELINE.test(b.text) || bodyClasses.has(b.el.attribs.class ?? '');
    if (!isProse(b, options) || !opensStory || b.negatives.some((n) => negs.has(n))) break;
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
 * A label heads the module it sits in ("Story Tools", "Browse Issues", "RELATED TOPICS" over a list
 * of links): when the module's other blocks were all left out, so is its label. (A sub-heading that
 * shares a wrapper with nothing but an image's caption stays: its section is the text after it.)
 */
const isLabel = (b: Block, options: ExtractionOptions) =>
  b.kind === 'heading' ? b.text.length < options.moduleLabelMaxHeadingChars : b.text.length < options.moduleLabelMaxLineChars && !SENTENCE_END.test(b.text);
function withoutModuleLabels(blocks: Block[], kept: Block[], options: ExtractionOptions): Block[] {
  const keptSet = new Set(kept);
  const drop = new Set<Block>();
  let i = 0;
  for (const b of kept) {
    if (!isLabel(b, options)) continue;
    while (blocks[i] !== b) i++;
    if (headsEmptyModule(blocks, i, keptSet, options)) drop.add(b);
  }
  return drop.size > 0 ? kept.filter((b) => !drop.has(b)) : kept;
}

/** Whether none of the other blocks of the label's module was kept, and they are several or links. */
function headsEmptyModule(blocks: Block[], at: number, kept: Set<Block>, options: ExtractionOptions): boolean {
  const module = blocks[at]!.el.parent;
  if (!module) return false;
  let others = 0;
  let links = 0;
  for (let j = at + 1; j < blocks.length && j <= at + options.moduleLabelLookahead && isInside(blocks[j]!.el, module); j++) {
    others++;
    if (blocks[j]!.linkChars > options.maxLinkShare * blocks[j]!.text.length) links++;
    if (kept.has(blocks[j]!)) return false;
  }
  return others >= options.moduleMinOtherBlocks || links > 0;
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
function splitBodyParts(container: ParentNode, options: ExtractionOptions): Element[] {
  const parts: Element[] = [];
  let node: ParentNode | null = container;
  for (let level = 0; level < options.bodyPartLevels && node && 'attribs' in node && node.parent; level++, node = node.parent) {
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
function wordsFromTitle(text: string, titleWords: Set<string>, options: ExtractionOptions): boolean {
  if (titleWords.size < options.titleRewordMinWords || text.length > options.titleRewordMaxChars) return false;
  const words = wordsOf(text);
  if (words.length < options.titleRewordMinWords || words.length > titleWords.size + options.titleRewordExtraWords) return false;
  return words.filter((w) => titleWords.has(w)).length >= options.titleRewordShare * words.length;
}

/**
 * The headline, as a heading, or in a <font> or a table cell with its meta lines under it
 * ("Published on 03/03/2025 | Read 1,482 times"): the title, then only short lines that are no sentence.
 */
function isHeadlineCell(text: string, titleKey: string, options: ExtractionOptions): boolean {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  // Most blocks are paragraphs far longer than any title: not worth normalising.
  if (first.length < titleKey.length || first.length > 2 * titleKey.length + options.headlineCellSlackChars || key(first) !== titleKey) return false;
  return end < 0 || text.slice(end + 1).split('\n').every((l) => l.length < options.headlineCellMaxLineChars && !SENTENCE_END.test(l));
}

// Dates, bylines, labels ("Advertisement", "Comments", "Related") that open or close the
// container: short, no sentence in them.
function isEdgeJunk(b: Block, options: ExtractionOptions): boolean {
  if (b.kind === 'heading') return b.text.length < options.edgeMaxHeadingChars;
  if (b.text.length < options.edgeMaxLineChars && !SENTENCE_END.test(b.text)) return true;
  // A stack of such lines parted by <br>: "Editor's Choice / Main Category: Cancer / Article Date: 07 Jun 2013".
  return (
    b.text.length < options.edgeMaxStackChars &&
    b.text.includes('\n') &&
    b.text.split('\n').every((l) => l.length < options.edgeMaxStackLineChars && !SENTENCE_END.test(l))
  );
}

function trimEdges(blocks: Block[], options: ExtractionOptions): Block[] {
  let start = 0;
  let end = blocks.length;
  while (start < end && isEdgeJunk(blocks[start]!, options)) start++;
  while (end > start && (isEdgeJunk(blocks[end - 1]!, options) || blocks[end - 1]!.kind === 'heading')) end--;
  return blocks.slice(start, end);
}
