/**
 * Every threshold of the walk (walk.ts), of choosing the container (score.ts), of keeping
 * blocks (keep.ts) and of the evidence for the not-article test (index.ts), in one table: lengths are
 * characters of a block's normalised text, shares are of those characters. The defaults are the
 * ones tuned on the benchmark's first half and the written pages (see bench/extract.ts); a change
 * to one moves the figures of `npm run bench:extract` and the hashes of bench:extract-hashes.
 */
export interface ExtractionOptions {
  // What prose is (keep.ts, score.ts).
  /** A paragraph of prose is at least this long... */
  proseMinChars: number;
  /** ...has less than this share of its text in links, and ends as a sentence does. */
  proseMaxLinkShare: number;

  // The walk (walk.ts).
  /** Nodes deeper than this are not entered: their text is lost, the stack is safe. */
  maxDepth: number;
  /** No block keeps more characters than this. */
  maxBlockChars: number;
  /** Image alt texts shorter than this ("Photo", "Logo") say nothing a caption under them could repeat. */
  captionMinAltChars: number;
  /** A caption repeating the alt text is at most this many times the alt text's length... */
  captionMaxLengthFactor: number;
  /** ...plus this many characters... */
  captionMaxExtraChars: number;
  /** ...and adds at most this many letters and digits to it (a credit). */
  captionMaxCreditChars: number;
  /** An inline element inside a sentence is a pop-up of links when it holds at least this many links... */
  popupMinLinks: number;
  /** ...at least this many visible characters... */
  popupMinChars: number;
  /** ...and at least this share of them in its links. */
  popupMinLinkShare: number;
  /** In-page links remembered as skip links: a hostile page with thousands does not pay for each. */
  maxSkipLinks: number;
  /** Forms looked at as sign-up forms, for the same reason. */
  maxSignUpForms: number;
  /** Nodes of a figure searched for the blockquote of an embedded post. */
  quotedPostSearchNodes: number;
  /** The page's <title> and each <h1> are read up to this many characters... */
  metaTextMaxChars: number;
  /** ...and at most this many <h1>s... */
  maxH1s: number;
  /** ...and at most this many elements that name the author... */
  maxAuthorTexts: number;
  /** ...each up to this many characters. */
  authorTextMaxChars: number;

  // Choosing the container (score.ts).
  /** A class-negative element holding at least this share of the page's text is its frame, not boilerplate. */
  frameMinShare: number;
  /** Nor is one named for something short whose text is at least this share prose. */
  misnamedMinProseShare: number;
  /** A teaser card's headline is at least this long... */
  cardHeadlineMinChars: number;
  /** ...and at least this share links... */
  cardHeadlineMinLinkShare: number;
  /** ...or this share for a heading, whose kicker may stand outside the link. */
  cardHeadingMinLinkShare: number;
  /** A card's headline and excerpt meet within this many levels up... */
  cardMaxLevels: number;
  /** ...in an element with at most this many characters besides theirs. */
  cardSlackChars: number;
  /** A teaser's excerpt is at most this long... */
  teaserMaxChars: number;
  /** ...and, when it opens with its headline link, that link is at least this long. */
  teaserMinLeadLinkChars: number;
  /** A card's meta line (its date, its author) is shorter than this. */
  metaLineMaxChars: number;
  /** An element with this many paragraphs of prose of its own is the text's (boilerplate inside it costs only the boxes around it). */
  bodyMinProse: number;
  /** A teaser weighs minus this share of its length. */
  teaserWeight: number;
  /** A block weighs its length times (1 - this times its link share). */
  linkPenalty: number;
  /** Lines shorter than this (labels, dates, "Share") neither make nor break a container... */
  shortLineChars: number;
  /** ...so their positive weight is taken at this share. */
  shortLineWeight: number;

  // Keeping blocks (keep.ts).
  /** A block with more than this share of links is a link list (unless it is a linked sentence). */
  maxLinkShare: number;
  /** A linked sentence has at least this many characters outside links... */
  linkedSentenceMinPlainChars: number;
  /** ...and at most this share in links. */
  linkedSentenceMaxLinkShare: number;
  /** A heading at least this long right under the headline, or over the byline, is a standfirst. */
  standfirstMinChars: number;
  /** A paragraph under the headline that is no sentence and this long... */
  dekMinChars: number;
  /** ...but shorter than this, is a dek. */
  dekMaxChars: number;
  /** List items read as the story's points in brief under the headline. */
  summaryListMaxItems: number;
  /** A heading over the text may word the title otherwise when the title has at least this many words... */
  titleRewordMinWords: number;
  /** ...the heading is at most this long... */
  titleRewordMaxChars: number;
  /** ...has at most this many words more than the title... */
  titleRewordExtraWords: number;
  /** ...and at least this share of its words are the title's. */
  titleRewordShare: number;
  /** A headline cell's first line is at most twice the title's length plus this. */
  headlineCellSlackChars: number;
  /** Its meta lines under the title are shorter than this. */
  headlineCellMaxLineChars: number;
  /** A module's label: a heading shorter than this... */
  moduleLabelMaxHeadingChars: number;
  /** ...or a line that is no sentence, shorter than this. */
  moduleLabelMaxLineChars: number;
  /** Blocks after a label looked at for the module's other blocks. */
  moduleLabelLookahead: number;
  /** A label goes with its left-out module when the module has this many other blocks (or links). */
  moduleMinOtherBlocks: number;
  /** A heading at an edge of the text shorter than this is a label. */
  edgeMaxHeadingChars: number;
  /** A line at an edge that is no sentence and shorter than this is furniture (a date, a byline). */
  edgeMaxLineChars: number;
  /** A stack of such lines parted by <br> is at most this long... */
  edgeMaxStackChars: number;
  /** ...each line shorter than this. */
  edgeMaxStackLineChars: number;
  /** Levels above the container where the rest of a split body is looked for. */
  bodyPartLevels: number;

  // The whole page (index.ts).
  /** Embedded app state is parsed for the text only when the DOM gave less than this. */
  appStateBelowChars: number;
  /** A block this long... */
  headlineLinkMinChars: number;
  /** ...with at least this share in links is a headline link (the stuff of section fronts). */
  headlineLinkMinShare: number;
  /** The not-article test reads this much of the page's and of the article's text. */
  pageSampleChars: number;
}

export const DEFAULT_EXTRACTION_OPTIONS: ExtractionOptions = {
  proseMinChars: 120,
  proseMaxLinkShare: 0.3,

  maxDepth: 400,
  maxBlockChars: 100_000,
  captionMinAltChars: 12,
  captionMaxLengthFactor: 1.5,
  captionMaxExtraChars: 80,
  captionMaxCreditChars: 60,
  popupMinLinks: 3,
  popupMinChars: 40,
  popupMinLinkShare: 0.9,
  maxSkipLinks: 200,
  maxSignUpForms: 20,
  quotedPostSearchNodes: 60,
  metaTextMaxChars: 1000,
  maxH1s: 5,
  maxAuthorTexts: 8,
  authorTextMaxChars: 300,

  frameMinShare: 0.5,
  misnamedMinProseShare: 0.8,
  cardHeadlineMinChars: 20,
  cardHeadlineMinLinkShare: 0.8,
  cardHeadingMinLinkShare: 0.6,
  cardMaxLevels: 6,
  cardSlackChars: 200,
  teaserMaxChars: 600,
  teaserMinLeadLinkChars: 25,
  metaLineMaxChars: 100,
  bodyMinProse: 3,
  teaserWeight: 0.5,
  linkPenalty: 2.5,
  shortLineChars: 25,
  shortLineWeight: 0.3,

  maxLinkShare: 0.5,
  linkedSentenceMinPlainChars: 15,
  linkedSentenceMaxLinkShare: 0.9,
  standfirstMinChars: 40,
  dekMinChars: 40,
  dekMaxChars: 250,
  summaryListMaxItems: 8,
  titleRewordMinWords: 3,
  titleRewordMaxChars: 200,
  titleRewordExtraWords: 3,
  titleRewordShare: 0.8,
  headlineCellSlackChars: 20,
  headlineCellMaxLineChars: 100,
  moduleLabelMaxHeadingChars: 80,
  moduleLabelMaxLineChars: 40,
  moduleLabelLookahead: 60,
  moduleMinOtherBlocks: 2,
  edgeMaxHeadingChars: 25,
  edgeMaxLineChars: 40,
  edgeMaxStackChars: 300,
  edgeMaxStackLineChars: 60,
  bodyPartLevels: 3,

  appStateBelowChars: 3000,
  headlineLinkMinChars: 25,
  headlineLinkMinShare: 0.8,
  pageSampleChars: 5000,
};
