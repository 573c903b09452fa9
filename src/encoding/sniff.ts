/**
 * Where a document says what charset it is in, each read without decoding the document first:
 * the byte-order mark, the HTTP Content-Type header, the XML prolog and the HTML <meta> tags.
 * Each returns the label as written (or null); `normalizeCharset` maps it to a decoder.
 */

/** The BOM's charset and its length in bytes, or null. A BOM outranks everything (WHATWG). */
export function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

/** `charset=` of a Content-Type header value ("text/html; charset="ISO-8859-1""). */
export function contentTypeCharset(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("([^"]*)"|[^\s;]+)/i.exec(contentType);
  if (!m) return null;
  return (m[2] ?? m[1] ?? '').trim() || null;
}

/** The first `limit` bytes as a string of one char per byte: enough to match ASCII markup. */
function asciiHead(bytes: Uint8Array, limit: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, limit)).toString('latin1');
}

/**
 * UTF-16 without a BOM still shows itself in an XML document: `<?` with a NUL beside each byte.
 * (A document that starts this way cannot be in any ASCII-compatible charset.)
 */
export function utf16FromXmlStart(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  return null;
}

/** `encoding="..."` of an XML declaration at the very start (after optional whitespace). */
export function xmlPrologCharset(bytes: Uint8Array): string | null {
  const head = asciiHead(bytes, 512);
  const decl = /^\s*<\?xml\s[^>]*?\?>/.exec(head);
  if (!decl) return null;
  const m = /\sencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(decl[0]);
  return m ? (m[1] ?? m[2] ?? '').trim() || null : null;
}

/**
 * How far into an HTML page a <meta> charset is looked for. The HTML standard's prescan stops at
 * 1024 bytes, but real pages put a kilobyte or more of inline script, style and SEO tags before
 * it (Miniflux met exactly this), and the meta is still clearly meant for the page. 4 KiB finds
 * those while staying inside <head> on any page we have seen.
 */
export const HTML_META_SCAN_BYTES = 4096;

/** `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">`. */
export function htmlMetaCharset(bytes: Uint8Array): string | null {
  // Comments may hold an old, commented-out meta: skip them as the standard's prescan does.
  const head = asciiHead(bytes, HTML_META_SCAN_BYTES).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const tag of head.matchAll(/<meta\s[^>]*>/gi)) {
    const attrs = tag[0];
    const direct = /\scharset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/;]+))/i.exec(attrs);
    if (direct) return (direct[1] ?? direct[2] ?? direct[3] ?? '').trim() || null;
    if (/\shttp-equiv\s*=\s*["']?content-type/i.test(attrs)) {
      const content = /\scontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs);
      // `content` is a Content-Type value, sometimes with the type left out ("charset=utf-8").
      const charset = contentTypeCharset(`;${content?.[1] ?? content?.[2] ?? ''}`);
      if (charset) return charset;
    }
  }
  return null;
}
