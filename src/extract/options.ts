/**
 * Every threshold of the walk (walk.ts) and of keeping blocks (keep.ts), in one table: lengths are
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
}

export const DEFAULT_EXTRACTION_OPTIONS: ExtractionOptions = {
  proseMinChars: 120,
  proseMaxLinkShare: 0.3,

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
};
