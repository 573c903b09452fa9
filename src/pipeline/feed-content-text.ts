import * as cheerio from 'cheerio';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, div, br';

/**
 * Plain text of a feed entry's HTML content, paragraphs separated by blank lines: what an article
 * keeps when its page cannot be used.
 */
export function feedContentText(html: string | null, summary: string | null): string | null {
  if (html && html.trim() !== '') {
    const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } }, false);
    $('script, style, noscript, iframe').remove();
    $(BLOCKS).each((_, el) => {
      $(el).before('\n\n');
      $(el).after('\n\n');
    });
    const text = $.root()
      .text()
      .split(/\n{2,}/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p !== '')
      .join('\n\n');
    if (text !== '') return text;
  }
  return summary && summary.trim() !== '' ? summary.trim() : null;
}
