/**
 * Fixes the XML mistakes real feeds make that a strict parser refuses but whose meaning is plain,
 * as browsers and Miniflux tolerate them: a bare "&" in text ("Tom & Jerry", query strings in
 * links), control characters pasted from word processors, whitespace or junk (a PHP warning)
 * before the document. Broken structure (unclosed elements) is left alone and still fails.
 */

// Characters XML 1.0 forbids anywhere, even escaped: C0 controls other than tab, LF and CR, and
// the non-characters U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const INVALID_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

// A CDATA section is skipped whole (its "&" are literal); any other "&" must start a reference.
const BARE_AMPERSAND = /<!\[CDATA\[[\s\S]*?\]\]>|&(?!(?:[A-Za-z][A-Za-z0-9._-]*|#[0-9]+|#x[0-9A-Fa-f]+);)/g;

export function repairXml(source: string): string {
  let xml = stripPreamble(source);
  if (INVALID_CHARS.test(xml)) xml = xml.replace(INVALID_CHARS, '');
  return xml.replace(BARE_AMPERSAND, (m) => (m === '&' ? '&amp;' : m));
}

/** Drops a BOM and anything before the first markup: leading blank lines or a server's warning text. */
export function stripPreamble(source: string): string {
  let s = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  s = s.trimStart();
  if (s.startsWith('<')) return s;
  const start = s.search(/<\?xml|<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]/);
  return start > 0 && start < 4096 ? s.slice(start) : s;
}
