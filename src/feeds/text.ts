import * as cheerio from 'cheerio';

/** Block-level elements whose boundaries separate words ("<p>One</p><p>Two</p>" is "One Two", not "OneTwo"). */
const BLOCK = 'p,div,br,li,ul,ol,h1,h2,h3,h4,h5,h6,blockquote,tr,td,th,table,section,article,figure,figcaption,hr,dd,dt,pre';

/**
 * Plain text from a feed field that may hold HTML: entities decoded, tags stripped, script and
 * style dropped, whitespace collapsed to single spaces. Titles are often entity-escaped twice by
 * publishers' CMSs; one HTML decode after the XML one gives what a reader of the site sees.
 */
export function plainText(value: string | null | undefined): string {
  if (!value) return '';
  // Most titles have neither tags nor entities: skip the HTML parser for them.
  if (!/[<&]/.test(value)) return collapse(value);
  const $ = cheerio.load(value, null, false);
  $('script,style,noscript,template').remove();
  $(BLOCK).each((_, el) => {
    $(el).before(' ').after(' ');
  });
  return collapse($.root().text());
}

/** Plain text or null when nothing is left. */
export function plainTextOrNull(value: string | null | undefined): string | null {
  const t = plainText(value);
  return t === '' ? null : t;
}

function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}
