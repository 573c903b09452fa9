/** One block of an article's main text, in document order. */
export interface TextBlock {
  kind: 'paragraph' | 'heading' | 'list-item' | 'quote' | 'preformatted';
  text: string;
}

/** What the extraction stage makes of one HTML page. */
export interface ExtractedArticle {
  /** False for index pages, galleries, error pages, consent walls: callers fall back to the feed's content. */
  isArticle: boolean;
  /** Why the page was judged not to be an article (null when it is one). */
  notArticleReason: string | null;
  title: string | null;
  byline: string | null;
  authors: string[];
  /** ISO 8601 with offset normalised to UTC, or null. */
  published: string | null;
  modified: string | null;
  /** ISO 639-1 code, or null when neither the declared nor the detected language is known. */
  language: string | null;
  /**
   * How `language` was found: `text` (confident detection from the main text), `page` (the page's
   * declaration, unconfirmed by the text), `guess` (weak detection, nothing declared), or null.
   */
  languageSource: 'text' | 'page' | 'guess' | null;
  canonicalUrl: string | null;
  siteName: string | null;
  image: string | null;
  description: string | null;
  blocks: TextBlock[];
  /** Blocks joined by blank lines ("\n\n"). */
  text: string;
}

export interface ExtractInput {
  /** Decoded HTML, or raw bytes (then the extractor sniffs <meta charset>). */
  html: string | Uint8Array;
  /** The page's URL, for resolving relative links and URL date patterns. */
  url: string;
}
