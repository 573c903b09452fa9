const ASCII = /^[\x00-\x7f]*$/;

/**
 * Case and accent folding for Latin scripts: NFKC first (ligatures, full-width forms), then NFD so
 * accents become separate marks we can drop ("libération" and "liberation" must meet: outlets and
 * feeds lose accents in titles and URLs).
 */
export function foldLatin(text: string): string {
  // ASCII is unchanged by both normalisations and has no marks: most words of most texts are.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[œ]/g, 'oe');
}
