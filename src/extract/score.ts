import type { Element, ParentNode } from 'domhandler';
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

/** Class-negative elements holding most of the page's text are its frame, not boilerplate. */
function effectiveNegatives(blocks: Block[]): Set<Element> {
  const chars = new Map<Element, number>();
  let total = 0;
  for (const b of blocks) {
    total += b.text.length;
    for (const n of b.negatives) chars.set(n, (chars.get(n) ?? 0) + b.text.length);
  }
  const out = new Set<Element>();
  for (const [el, c] of chars) if (c < total * 0.5) out.add(el);
  return out;
}

function weight(b: Block, negated: boolean): number {
  const len = b.text.length;
  if (negated) return -len;
  const density = b.linkChars / len;
  let w = len * (1 - 2.5 * density);
  if (w > 0 && b.positives > 0) w *= 1.25;
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
  const score = new Map<ParentNode, number>();
  const depthOf = new Map<ParentNode, number>();
  for (const b of blocks) {
    const negated = b.negatives.some((n) => negs.has(n));
    const w = weight(b, negated);
    let d = 0;
    for (let n: ParentNode | null = b.el; n; n = n.parent) {
      score.set(n, (score.get(n) ?? 0) + w);
      d++;
    }
    // Depth counted from the block up; turned into depth from the root below.
    if (!depthOf.has(b.el)) depthOf.set(b.el, d);
  }
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
  const kept = blocks.filter((b) => {
    if (!isInside(b.el, container)) return false;
    if (b.negatives.some((n) => negs.has(n) && n !== container && isInside(n, container))) return false;
    if (b.linkChars / b.text.length > LINK_DENSITY_MAX) return false;
    if (b.inHeader && !containerInHeader) return false;
    if (b.kind === 'heading' && titleKey && key(b.text) === titleKey) return false;
    return true;
  });
  return { container, blocks: kept };
}

function headerAbove(node: ParentNode): boolean {
  for (let n: ParentNode | null = node; n; n = n.parent) if ('name' in n && n.name === 'header') return true;
  return false;
}

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
