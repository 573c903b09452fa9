import { load } from 'cheerio';

/**
 * A desk's own rules for one outlet whose pages the general extractor gets wrong (config/feeds.yaml,
 * a feed's `extract:` block), after Miniflux's per-site scraper rules: where the story is and what
 * to drop around it. The general extractor still reads the result (furniture, captions, metadata).
 */
export interface OutletExtractRules {
  /** CSS selector of the story's element; every match is kept, in page order. */
  content?: string;
  /** CSS selectors of elements to drop before extraction (related stories, share bars...). */
  remove?: string[];
}

export interface RuledPage {
  /** The page as the general extractor should read it. */
  html: string;
  /** false when `content` matched nothing on this page: the rule has gone stale, the whole page is used. */
  contentMatched: boolean | null;
}

/** Checks a selector as cheerio will read it; returns the parser's complaint, or null. */
export function selectorProblem(selector: string): string | null {
  try {
    load('<p></p>')(selector);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Applies an outlet's rules to its page: the removed elements dropped, the story's element alone kept. */
export function applyOutletRules(html: string, rules: OutletExtractRules): RuledPage {
  if (!rules.content && !rules.remove?.length) return { html, contentMatched: null };
  const $ = load(html);
  for (const s of rules.remove ?? []) $(s).remove();
  if (!rules.content) return { html: $.html(), contentMatched: null };
  const story = $(rules.content);
  if (story.length === 0) return { html: $.html(), contentMatched: false };
  // The head stays: title, language, dates and JSON-LD are read from it.
  const body = story.toArray().map((el) => $.html(el)).join('\n');
  return { html: `<!doctype html><html${$('html').attr('lang') ? ` lang="${$('html').attr('lang')}"` : ''}><head>${$('head').html() ?? ''}</head><body><article>${body}</article></body></html>`, contentMatched: true };
}
