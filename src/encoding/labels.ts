import iconv from 'iconv-lite';

/**
 * WHATWG encodings whose decoder iconv-lite knows by another name. The Encoding Standard decodes
 * GBK with the GB18030 decoder (GB2312 pages routinely use GBK and GB18030 characters), and
 * ISO-8859-8-I is ISO-8859-8 whose text is in logical order, which decoding does not see.
 */
const ICONV_DECODER: Record<string, string> = {
  gbk: 'gb18030',
  'iso-8859-8-i': 'iso-8859-8',
};

/**
 * The decoder name for a charset label, or null when iconv-lite has no decoder for it (a typo, an
 * invented name): the caller then moves on to the next source of charset information.
 *
 * Labels are resolved as browsers resolve them, by the WHATWG Encoding Standard's table, which
 * Node's TextDecoder implements. That table carries the mislabel rules that matter most:
 * "iso-8859-1", "latin1" and "us-ascii" all mean windows-1252 (curly quotes, the euro sign and
 * French œ live in 0x80-0x9F, which ISO-8859-1 leaves as controls), ISO-8859-9 and TIS-620 mean
 * their Windows supersets, "utf-16" means little-endian. Names the table lacks but iconv-lite
 * decodes (e.g. "iso-8859-16", which Node's ICU does not build) are kept as written.
 */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const key = label.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (key === '') return null;
  const whatwg = whatwgEncoding(key);
  const name = whatwg === null ? key : (ICONV_DECODER[whatwg] ?? whatwg);
  return iconv.encodingExists(name) ? name : null;
}

/** The WHATWG encoding a label names, or null when the label is not in the table (or Node cannot decode it). */
function whatwgEncoding(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

export const isUtf16 = (charset: string): boolean => charset === 'utf-16le' || charset === 'utf-16be';
