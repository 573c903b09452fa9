import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeBody, normalizeCharset } from '../../src/encoding/index.js';
import { htmlMetaCharset, xmlPrologCharset } from '../../src/encoding/sniff.js';

const FR = 'Sécurité au Sahel : l’armée déployée, œuvre à 5 €';
const AR = 'الإفراج عن السائقين المغاربة في مالي';
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

describe('decodeBody on fixtures (made by fixtures/make-fixtures.cjs)', () => {
  test.each([
    // file, Content-Type, kind, charset expected, text expected inside
    ['windows-1252-french.xml', 'application/rss+xml', 'feed', 'windows-1252', FR],
    ['windows-1256-arabic.html', 'text/html', 'html', 'windows-1256', AR],
    ['iso-8859-6-arabic.xml', 'text/xml', 'feed', 'iso-8859-6', AR],
    // The server stamps UTF-8 on a Latin-1 feed: the bytes are not UTF-8, the prolog is right.
    ['iso-8859-1-wrong-header.xml', 'application/xml; charset=utf-8', 'feed', 'windows-1252', 'Élysée : la sécurité régionale'],
    // A BOM outranks a header that says otherwise.
    ['utf-16le-bom.xml', 'text/xml; charset=iso-8859-1', 'feed', 'utf-16le', FR],
    ['utf-16be-bom.xml', 'text/xml', 'feed', 'utf-16be', AR],
    ['utf-8-bom.html', 'text/html; charset=windows-1252', 'html', 'utf-8', FR],
    // <meta charset> after 1,800 bytes of inline script: past the HTML standard's 1,024-byte prescan.
    ['meta-after-1k.html', 'text/html', 'html', 'windows-1256', AR],
    ['missing-charset.html', 'text/html', 'html', 'windows-1252', FR],
    ['missing-charset.xml', null, 'feed', 'windows-1252', FR],
    // Apache's old AddDefaultCharset ISO-8859-1 on a UTF-8 page.
    ['utf-8-under-latin1-header.html', 'text/html; charset=ISO-8859-1', 'html', 'utf-8', AR],
  ] as const)('%s (%s) → %s', (file, contentType, kind, charset, expected) => {
    const out = decodeBody(fixture(file), contentType, kind);
    expect(out.charset).toBe(charset);
    expect(out.text).toContain(expected);
    expect(out.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(out.text).not.toContain('\uFFFD');
    expect(out.text).toMatch(/^<[?!]/);
  });

  test('the meta really is past the first KiB, so the test proves the longer scan', () => {
    const bytes = fixture('meta-after-1k.html');
    expect(Buffer.from(bytes).indexOf('<meta')).toBeGreaterThan(1024);
    expect(htmlMetaCharset(bytes.subarray(0, 1024))).toBeNull();
    expect(htmlMetaCharset(bytes)).toBe('windows-1256');
  });
});

describe('decodeBody rules', () => {
  test('a header charset is used when the document says nothing', () => {
    const out = decodeBody(iconv.encode(`<p>${AR}</p>`, 'windows-1256'), 'text/html; charset="Windows-1256"', 'html');
    expect(out).toEqual({ text: `<p>${AR}</p>`, charset: 'windows-1256' });
  });

  test('ISO-8859-1 and latin1 decode as windows-1252, as browsers do (curly quotes, œ, €)', () => {
    const bytes = iconv.encode(FR, 'windows-1252');
    for (const label of ['ISO-8859-1', 'latin1', 'us-ascii']) {
      expect(decodeBody(bytes, `text/plain; charset=${label}`, 'robots')).toEqual({ text: FR, charset: 'windows-1252' });
    }
  });

  test('an unknown charset name falls back to the next source, then to what the bytes allow', () => {
    expect(decodeBody(Buffer.from(FR, 'utf8'), 'text/html; charset=x-klingon', 'html')).toEqual({ text: FR, charset: 'utf-8' });
    expect(decodeBody(iconv.encode(FR, 'windows-1252'), 'text/html; charset=x-klingon', 'html')).toEqual({ text: FR, charset: 'windows-1252' });
    const withMeta = iconv.encode(`<meta charset="windows-1256"><p>${AR}</p>`, 'windows-1256');
    expect(decodeBody(withMeta, 'text/html; charset=bogus-8', 'html').charset).toBe('windows-1256');
  });

  test('an ISO-8859-1 header gives way to another legacy charset the page names', () => {
    const bytes = iconv.encode(`<?xml version="1.0" encoding="windows-1256"?><rss><title>${AR}</title></rss>`, 'windows-1256');
    const out = decodeBody(bytes, 'text/xml; charset=ISO-8859-1', 'feed');
    expect(out.charset).toBe('windows-1256');
    expect(out.text).toContain(AR);
  });

  test('an explicit non-Latin header outranks the document', () => {
    const bytes = iconv.encode(`<?xml version="1.0" encoding="windows-1252"?><rss><title>${AR}</title></rss>`, 'windows-1256');
    expect(decodeBody(bytes, 'text/xml; charset=windows-1256', 'feed').text).toContain(AR);
  });

  test('pure ASCII keeps the declared charset name; nothing declared means utf-8', () => {
    expect(decodeBody(Buffer.from('<p>hello</p>'), 'text/html; charset=windows-1256', 'html')).toEqual({ text: '<p>hello</p>', charset: 'windows-1256' });
    expect(decodeBody(Buffer.from('User-agent: *\nDisallow: /x\n'), 'text/plain', 'robots').charset).toBe('utf-8');
    expect(decodeBody(new Uint8Array(0), null, 'feed')).toEqual({ text: '', charset: 'utf-8' });
  });

  test('a UTF-16 label on ASCII-based bytes is ignored', () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><rss><title>${FR}</title></rss>`;
    expect(decodeBody(Buffer.from(xml, 'utf8'), 'text/xml', 'feed')).toEqual({ text: xml, charset: 'utf-8' });
    expect(decodeBody(Buffer.from(xml, 'utf8'), 'text/xml; charset=utf-16', 'feed')).toEqual({ text: xml, charset: 'utf-8' });
  });

  test('UTF-16 without a BOM is recognised from the XML start or the header', () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><rss><title>${AR}</title></rss>`;
    expect(decodeBody(iconv.encode(xml, 'utf-16le'), 'text/xml', 'feed')).toEqual({ text: xml, charset: 'utf-16le' });
    expect(decodeBody(iconv.encode(xml, 'utf-16be'), null, 'feed')).toEqual({ text: xml, charset: 'utf-16be' });
    expect(decodeBody(iconv.encode(`<p>${FR}</p>`, 'utf-16be'), 'text/html; charset=utf-16', 'html')).toEqual({ text: `<p>${FR}</p>`, charset: 'utf-16be' });
  });

  test('a commented-out meta is not taken for the real one', () => {
    const html = `<!-- <meta charset="windows-1256"> --><meta charset="windows-1252"><p>${FR}</p>`;
    expect(decodeBody(iconv.encode(html, 'windows-1252'), null, 'html')).toEqual({ text: html, charset: 'windows-1252' });
  });
});

describe('label parsing', () => {
  test('normalizeCharset', () => {
    expect(normalizeCharset(' "UTF8" ')).toBe('utf-8');
    expect(normalizeCharset('ISO_8859-1')).toBe('windows-1252');
    expect(normalizeCharset('Arabic')).toBe('iso-8859-6');
    expect(normalizeCharset('cp1256')).toBe('windows-1256');
    expect(normalizeCharset('KOI8-R')).toBe('koi8-r');
    expect(normalizeCharset('gb2312')).toBe('gb18030');
    expect(normalizeCharset('nonsense')).toBeNull();
    expect(normalizeCharset('')).toBeNull();
  });

  test('labels resolve by the WHATWG table, as browsers read them', () => {
    expect(normalizeCharset('x-cp1251')).toBe('windows-1251');
    expect(normalizeCharset('latin2')).toBe('iso-8859-2');
    expect(normalizeCharset('csISOLatin9')).toBe('iso-8859-15');
    expect(normalizeCharset('unicode20utf8')).toBe('utf-8');
    expect(normalizeCharset('koi8')).toBe('koi8-r');
    expect(normalizeCharset('csUnicode')).toBe('utf-16le');
    expect(normalizeCharset('ISO-8859-9')).toBe('windows-1254');
    expect(normalizeCharset('TIS-620')).toBe('windows-874');
  });

  test('WHATWG decoders iconv-lite names otherwise, and names only iconv-lite knows', () => {
    // GBK and GB2312 labels decode with GB18030 (the standard's GBK decoder), four-byte sequences too.
    expect(normalizeCharset('GB_2312-80')).toBe('gb18030');
    expect(iconv.decode(Buffer.from([0x81, 0x30, 0x81, 0x30]), normalizeCharset('gbk')!)).toBe('\u0080');
    expect(normalizeCharset('iso-8859-8-i')).toBe('iso-8859-8');
    // Not built into Node's ICU, still decoded by iconv-lite.
    expect(normalizeCharset('ISO-8859-16')).toBe('iso-8859-16');
    // Labels the WHATWG table sends to its "replacement" decoder are refused, not guessed.
    expect(normalizeCharset('iso-2022-kr')).toBeNull();
  });

  test('every resolved label names a decoder iconv-lite has', () => {
    for (const label of ['latin5', 'tis-620', 'gbk', 'ks_c_5601-1987', 'sjis', 'asmo-708', 'utf-16', 'utf-16be']) {
      const name = normalizeCharset(label);
      expect(name, label).not.toBeNull();
      expect(iconv.encodingExists(name!), `${label} → ${name}`).toBe(true);
    }
  });

  test('XML prolog and meta forms', () => {
    const b = (s: string) => Buffer.from(s, 'latin1');
    expect(xmlPrologCharset(b(`\n <?xml version='1.0' encoding='Windows-1256' standalone="yes"?><rss/>`))).toBe('Windows-1256');
    expect(xmlPrologCharset(b('<?xml version="1.0"?><rss encoding="x"/>'))).toBeNull();
    expect(xmlPrologCharset(b('<rss><?xml version="1.0" encoding="latin1"?></rss>'))).toBeNull();
    expect(htmlMetaCharset(b('<META HTTP-EQUIV="Content-Type" CONTENT="text/html;charset=ISO-8859-6">'))).toBe('ISO-8859-6');
    expect(htmlMetaCharset(b('<meta content="charset=utf-8" http-equiv=content-type>'))).toBe('utf-8');
    expect(htmlMetaCharset(b('<meta charset=windows-1256/>'))).toBe('windows-1256');
    expect(htmlMetaCharset(b('<meta name="description" content="A page"><p>charset=latin1</p>'))).toBeNull();
  });
});
