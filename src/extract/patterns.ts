/**
 * Tag and class/id evidence for the DOM walk. Generic conventions of publishing templates (the
 * words CMS themes use for their parts), never rules keyed on one site.
 */

/** Elements whose content is never article text: skipped with everything inside. */
export const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed',
  'video', 'audio', 'picture', 'img', 'source', 'map', 'title', 'meta', 'link',
  'button', 'select', 'option', 'textarea', 'input', 'label', 'nav', 'aside', 'footer', 'figure', 'figcaption',
  'dialog', 'menu',
]);

/** Elements that flow inside a paragraph: they do not start a new block. */
export const INLINE_TAGS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font',
  'i', 'ins', 'kbd', 'mark', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong',
  'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'nobr', 'o:p',
]);

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'quote' | 'preformatted';

export function kindOfTag(tag: string): BlockKind | null {
  switch (tag) {
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
      return 'heading';
    case 'li': case 'dd': case 'dt':
      return 'list-item';
    case 'blockquote':
      return 'quote';
    case 'pre':
      return 'preformatted';
    default:
      return null;
  }
}

// Matched against each class token and the id, split on - and _ so that "c-share-bar" and
// "post_comments" are caught but "shared-content" is not mistaken for "share".
const NEGATIVE_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'footer', 'sidebar', 'widget', 'widgets', 'wdgt',
  'comment', 'comments', 'reply', 'replies', 'commentaires', 'comentarios', 'commenti', 'kommentare', 'disqus',
  'share', 'sharing', 'sharebar', 'social', 'socials', 'related', 'recommended', 'recommendations', 'promo',
  'newsletter', 'subscribe', 'subscription', 'cookie', 'cookies', 'consent', 'gdpr', 'privacy',
  'advert', 'advertisement', 'advertising', 'ad', 'ads', 'adslot', 'dfp', 'sponsor', 'sponsored', 'popup', 'modal',
  'masthead', 'toolbar', 'pullquote', 'pullout', 'caption', 'legende', 'légende', 'credit', 'credits', 'copyright',
  'outbrain', 'taboola', 'signup', 'paywall', 'video',
  'trending', 'popular', 'mostread', 'tags', 'tagcloud', 'pagination', 'pager', 'rating', 'ratings',
  'byline', 'author', 'dateline', 'timestamp', 'meta', 'skip', 'nocontent', 'banner', 'teaser', 'teasers', 'also',
  'excerpt', 'description', 'headline', 'title', 'topics', 'keywords', 'gallery', 'slideshow', 'carousel', 'login', 'follow', 'bio', 'footnote',
]);

// Negative words that name something short (a title, a teaser, a timestamp): an element so named
// that holds paragraphs of prose is misnamed, where a comment thread or a sidebar named so is not.
const WEAK_NEGATIVE_WORDS = new Set([
  'title', 'headline', 'meta', 'banner', 'also', 'skip', 'topics', 'keywords',
  'dateline', 'timestamp',
]);

// Negative words that templates also give to the wrapper of the text itself ("article_description",
// "post-footer-wrap" around a review's verdict): after a positive word in one name, they are no
// evidence of what the element is (see evidenceOf).
const WRAPPER_WORDS = new Set(['description', 'excerpt', 'footer']);

const POSITIVE_WORDS = new Set([
  'article', 'articlebody', 'body', 'content', 'entry', 'main', 'post', 'story', 'text', 'blog', 'prose', 'richtext',
]);

// Posts quoted in the article (a tweet, an Instagram post) sit in "social-media-embed" or
// "embedded-tweet" boxes: what they say is part of the story, though "social" names share bars.
const EMBED_WORDS = new Set(['embed', 'embedded', 'oembed', 'tweet']);

// A positive word followed by one of these names a measure, not the element: "body-width",
// "body-narrow-width" are as wide as the text column (a caption, a box), "text-size" sets a font.
const MEASURE_WORDS = new Set(['width', 'wide', 'narrow', 'size', 'height']);

const splitWords = (s: string) => s.toLowerCase().split(/[\s_\-:]+/);

// BEM class names ("block__element--modifier") name the element by the part after "__": in
// "article-content__copyright" the article is where it sits, the copyright is what it is; a
// modifier ("ad-unit--in-article") says where or how, not what.
function bemName(token: string): string {
  const element = token.lastIndexOf('__');
  const name = element >= 0 ? token.slice(element + 2) : token;
  const modifier = name.indexOf('--');
  return modifier > 0 ? name.slice(0, modifier) : name;
}
// A state class says what is absent: "no_caption", "no-comments", "without-ads" mark an element that
// has no caption, no thread, no ads, so the word after "no" is no evidence of what the element is.
const ABSENCE = /(^|[\s_\-:])(no|without)[_\-:]+[a-z]+/gi;
/** The words of each class token (or of the id). */
const classTokens = (s: string): string[][] => {
  s = s.replace(ABSENCE, ' ');
  const bem = s.includes('__') || s.includes('--');
  return s.split(/\s+/).map((t) => splitWords(bem ? bemName(t) : t));
};

export interface ClassEvidence {
  negative: boolean;
  positive: boolean;
  /** Names the author's line: where bylines are found. */
  author: boolean;
  /** Negative by words that name something short only (see WEAK_NEGATIVE_WORDS). */
  weak: boolean;
}

const NONE: ClassEvidence = { negative: false, positive: false, author: false, weak: false };
const AUTHOR_HINT = /(byline|author|auteur|writer|reporter)/i;
// Templates repeat the same few hundred class strings on a page: each is read once, and looked up
// as it is (joining class and id first made a new string, and a new hash, for every element).
const classCache = new Map<string, ClassEvidence>();
// Ids go in a cache of their own: an id never names the author's line, a class string may.
const idCache = new Map<string, ClassEvidence>();

function evidenceOf(text: string, cache: Map<string, ClassEvidence>, mayNameAuthor: boolean): ClassEvidence {
  const hit = cache.get(text);
  if (hit) return hit;
  let negative = false;
  let positive = false;
  let embed = false;
  let strong = false;
  for (const words of classTokens(text)) {
    // In one hyphenated name the last telling word says what the element is, the ones before it
    // where it sits: "post-body-bio" is a bio, "article-comments" a thread, so the positive words
    // before them do not count; "comment-body", positive and negative, is left as it was.
    let tokenPositive = false;
    let lastNegative = false;
    let prev = '';
    for (let word of words) {
      if (word === '') continue;
      // A compound written in two parts is the one word: "pull-out", "side-bar", "news-letter".
      if (prev !== '' && !NEGATIVE_WORDS.has(word) && NEGATIVE_WORDS.has(prev + word)) word = prev + word;
      prev = word;
      if (NEGATIVE_WORDS.has(word)) {
        negative = true;
        lastNegative = !WRAPPER_WORDS.has(word);
        if (!WEAK_NEGATIVE_WORDS.has(word)) strong = true;
      } else if (POSITIVE_WORDS.has(word)) {
        tokenPositive = true;
        lastNegative = false;
      } else if (EMBED_WORDS.has(word)) embed = true;
      else if (tokenPositive && MEASURE_WORDS.has(word)) tokenPositive = false;
    }
    if (tokenPositive && !lastNegative) positive = true;
  }
  if (embed) negative = false;
  const evidence = { negative, positive, author: mayNameAuthor && AUTHOR_HINT.test(text), weak: negative && !strong };
  if (cache.size > 20_000) cache.clear();
  cache.set(text, evidence);
  return evidence;
}

const wordEvidence = (cls: string) => evidenceOf(cls, classCache, true);
const idEvidence = (id: string) => evidenceOf(id, idCache, false);

/** Whether an element's class and id speak for or against it holding the article's text. */
export function classEvidence(cls: string | undefined, id: string | undefined): ClassEvidence {
  if (!cls) return id ? idEvidence(id) : NONE;
  const c = wordEvidence(cls);
  if (!id) return c;
  const i = idEvidence(id);
  if (!i.negative && !i.positive) return c;
  const weak = (c.weak || !c.negative) && (i.weak || !i.negative);
  return { negative: c.negative || i.negative, positive: c.positive || i.positive, author: c.author, weak: weak && (c.negative || i.negative) };
}

/** Hidden from screen readers: icons, duplicates for another layout. */
export function isAriaHidden(attribs: Record<string, string>): boolean {
  return attribs['aria-hidden'] === 'true' && !attribs.class?.includes('content');
}

// The class that stylesheets (Bootstrap's among them) set to display: none, as a token of its own.
const HIDDEN_CLASS = /(^|\s)hidden(\s|$)/;

/** Hidden by the page's own switch (hidden, display: none) until a reader opens it. */
export function isCollapsed(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs) return true;
  const cls = attribs.class;
  if (cls !== undefined && HIDDEN_CLASS.test(cls)) return true;
  const style = attribs.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}
