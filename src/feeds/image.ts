import * as cheerio from 'cheerio';

/**
 * The first real image of an HTML fragment (an item's content or description), for items that
 * carry no media element: many outlets only put their picture in the body. Tracking pixels
 * (1x1) and inline data: images are skipped.
 */
export function firstImageInHtml(html: string | null | undefined): string | null {
  if (!html || !/<img\b/i.test(html)) return null;
  const $ = cheerio.load(html, null, false);
  for (const el of $('img').toArray()) {
    const img = $(el);
    const src = (img.attr('src') ?? img.attr('data-src') ?? '').trim();
    if (!src || src.startsWith('data:')) continue;
    if (img.attr('width') === '1' || img.attr('height') === '1') continue;
    return src;
  }
  return null;
}
