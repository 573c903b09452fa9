import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { isUtf16, normalizeCharset } from './labels.js';
import { bomCharset, contentTypeCharset, htmlMetaCharset, utf16FromXmlStart, xmlPrologCharset } from './sniff.js';

export { normalizeCharset } from './labels.js';

export type BodyKind = 'feed' | 'html' | 'robots';

export interface DecodedBody {
  text: string;
  /** The decoder actually used (normalised name, e.g. "windows-1252"), whatever the labels said. */
  charset: string;
}

/**
 * Bytes to text, in the charset the document is really in.
 *
 * Labels are read in the order browsers trust them: BOM, then the HTTP header, then what the
 * document says of itself (XML prolog for feeds, <meta> for pages). The bytes then get a veto,
 * because regional outlets mislabel often and a wrong guess turns every accented or Arabic word
 * into mojibake:
 * - bytes that are valid UTF-8 with non-ASCII in them are UTF-8, whatever a legacy label says:
 *   legacy text (French in windows-1252, Arabic in windows-1256) essentially never forms valid
 *   multi-byte UTF-8 sequences by accident, while servers stamping a default charset on UTF-8
 *   pages is common;
 * - a UTF-8 label on bytes that are not UTF-8 is skipped for the next label, then windows-1252
 *   (the charset of nearly all unlabelled legacy Western pages);
 * - a header of ISO-8859-1/windows-1252 gives way to another legacy charset named in the document:
 *   ISO-8859-1 was HTTP/1.1's default and servers still add it without knowing the content, while
 *   a page that names windows-1256 does so on purpose.
 * The BOM, if any, is stripped.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null, kind: BodyKind): DecodedBody {
  const bom = bomCharset(bytes);
  if (bom) return { text: decodeWith(bytes.subarray(bom.length), bom.charset), charset: bom.charset };

  const utf16Start = kind === 'robots' ? null : utf16FromXmlStart(bytes);
  let header = normalizeCharset(contentTypeCharset(contentType));
  // A UTF-16 label on a body with no NUL bytes at its start is wrong: that body is ASCII-based.
  if (header && isUtf16(header) && !hasNulNearStart(bytes)) header = null;
  if (utf16Start && !(header && isUtf16(header))) return { text: decodeWith(bytes, utf16Start), charset: utf16Start };
  if (header && isUtf16(header)) {
    const charset = utf16Endianness(bytes);
    return { text: decodeWith(bytes, charset), charset };
  }

  let inDocument = normalizeCharset(documentLabel(bytes, kind));
  // Read from ASCII-compatible bytes, a "UTF-16" declaration cannot be true (HTML standard: use UTF-8).
  if (inDocument && isUtf16(inDocument)) inDocument = 'utf-8';

  const charset = chooseCharset(bytes, header, inDocument);
  return { text: decodeWith(bytes, charset), charset };
}

function documentLabel(bytes: Uint8Array, kind: BodyKind): string | null {
  switch (kind) {
    case 'feed':
      return xmlPrologCharset(bytes);
    case 'html':
      // XHTML pages may declare their charset in an XML prolog only.
      return htmlMetaCharset(bytes) ?? xmlPrologCharset(bytes);
    case 'robots':
      return null;
  }
}

function chooseCharset(bytes: Uint8Array, header: string | null, inDocument: string | null): string {
  const validUtf8 = isUtf8(bytes);
  if (validUtf8 && hasNonAscii(bytes)) return 'utf-8';
  const labels = header === 'windows-1252' && inDocument && inDocument !== 'utf-8' ? [inDocument, header] : [header, inDocument];
  for (const label of labels) {
    if (label === null) continue;
    if (label === 'utf-8' && !validUtf8) continue;
    return label;
  }
  return validUtf8 ? 'utf-8' : 'windows-1252';
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // iconv-lite strips a leading U+FEFF by default: a BOM that survived a mislabel goes too.
  return iconv.decode(buf, charset);
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return true;
  return false;
}

function hasNulNearStart(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 512);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** UTF-16 without a BOM: ASCII characters put their NUL byte first in big-endian. */
function utf16Endianness(bytes: Uint8Array): 'utf-16le' | 'utf-16be' {
  let even = 0;
  let odd = 0;
  const end = Math.min(bytes.length, 512);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  return even > odd ? 'utf-16be' : 'utf-16le';
}
