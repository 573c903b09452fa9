import iconv from 'iconv-lite';

/**
 * Charset labels as pages and servers write them, mapped to the decoder browsers actually use
 * (WHATWG Encoding Standard). The important one: "iso-8859-1", "latin1" and "us-ascii" all mean
 * windows-1252, because that is what servers really send under those names (curly quotes, the
 * euro sign and the œ of French text live in 0x80-0x9F, which ISO-8859-1 leaves as controls).
 */
const ALIASES: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'x-unicode20utf8': 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  unicode: 'utf-16le',
  'windows-1252': 'windows-1252',
  'x-cp1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  iso88591: 'windows-1252',
  'iso-ir-100': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
  cp819: 'windows-1252',
  ibm819: 'windows-1252',
  'ansi_x3.4-1968': 'windows-1252',
  'windows-1256': 'windows-1256',
  'x-cp1256': 'windows-1256',
  cp1256: 'windows-1256',
  'iso-8859-6': 'iso-8859-6',
  'iso8859-6': 'iso-8859-6',
  'iso_8859-6': 'iso-8859-6',
  arabic: 'iso-8859-6',
  'asmo-708': 'iso-8859-6',
  'ecma-114': 'iso-8859-6',
  'iso-ir-127': 'iso-8859-6',
  csisolatinarabic: 'iso-8859-6',
  // Turkish and Thai: the ISO sets are subsets of the Windows ones, as with Latin-1.
  'iso-8859-9': 'windows-1254',
  latin5: 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  // GB2312 pages routinely use GBK characters; GB18030 decodes both.
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  'ks_c_5601-1987': 'euc-kr',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
};

/**
 * The decoder name for a charset label, or null when iconv-lite has no decoder for it (a typo, an
 * invented name): the caller then moves on to the next source of charset information.
 */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const key = label.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (key === '') return null;
  const alias = ALIASES[key];
  if (alias) return alias;
  return iconv.encodingExists(key) ? key : null;
}

export const isUtf16 = (charset: string): boolean => charset === 'utf-16le' || charset === 'utf-16be';
