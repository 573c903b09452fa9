import { type Document, DomHandler } from 'domhandler';
import { Parser } from 'htmlparser2';
import { decodeBody } from '../encoding/index.js';

/** Pages longer than this are cut: nothing a newsroom publishes needs more, a hostile page gets no further. */
export const MAX_HTML_CHARS = 3_000_000;
/**
 * Characters parsed between two looks at the clock. Most pages go in one piece; once the page is
 * nested deeper than any real page is, in small ones: at worst (500,000 open elements) about 0.3 s each.
 */
const SHALLOW_CHUNK = 262_144;
const DEEP_CHUNK = 16_384;
const DEEP = 1_000;

/** The tree builder, telling how deep the parse is (its stack of open elements). */
class DepthHandler extends DomHandler {
  get depth(): number {
    return this.tagStack.length;
  }
}

/**
 * Bytes to text as the fetcher decodes them (src/encoding): BOM, then `<meta charset>`, with the
 * bytes' veto (valid UTF-8 stays UTF-8 whatever a legacy label says; latin-1 labels read as
 * windows-1252). The extractor has no HTTP header to go on.
 */
export function decodeHtml(bytes: Uint8Array): string {
  return decodeBody(bytes, null, 'html').text;
}

/**
 * Parses with htmlparser2's `parseDocument`: the parser cheerio/slim itself uses (six times faster
 * than parse5 on news pages), called directly because `load` costs more than the parse. Each `load`
 * declares a fresh class whose closures hold the document; V8 keeps classes' hidden maps in the old
 * generation, so every page's whole tree survives the young-generation collections and is copied
 * out (`--trace-gc` over 5 x 181 benchmark pages: 1.5 s of scavenges with `load`, 0.12 s without).
 * Parse alone, one core: `load` 240 to 330 pages/s, `parseDocument` 660 to 800 (same minute). The tree is the same
 * domhandler tree cheerio wraps, so `cheerio.load(doc)` still works on it for any caller that wants
 * selectors; the extraction walk does not need them.
 */
export function parseHtmlWithin(html: string | Uint8Array, deadline: number): { doc: Document; timedOut: boolean } {
  let text = typeof html === 'string' ? html : decodeHtml(html);
  if (text.length > MAX_HTML_CHARS) text = text.slice(0, MAX_HTML_CHARS);
  // parseDocument, fed in chunks so that the clock is read between them: htmlparser2's parser keeps
  // its stack of open elements in an array it unshifts, so each tag costs as much as the page is
  // deep, and a page of 100,000 nested <div>s (500 KB) takes seconds; 600,000 (3 MB) a minute and
  // more. Whatever is parsed when the time is up is what the walk reads.
  const handler = new DepthHandler();
  const parser = new Parser(handler);
  let timedOut = false;
  for (let at = 0; at < text.length; ) {
    // A first piece of 256 KB reaches 50,000 open elements at most: about 0.7 s.
    const size = handler.depth < DEEP ? SHALLOW_CHUNK : DEEP_CHUNK;
    parser.write(text.slice(at, at + size));
    at += size;
    if (at < text.length && performance.now() > deadline) {
      timedOut = true;
      break;
    }
  }
  parser.end();
  return { doc: handler.root, timedOut };
}

/** The whole page's tree, however long it takes (within MAX_HTML_CHARS). */
export function parseHtml(html: string | Uint8Array): Document {
  return parseHtmlWithin(html, Infinity).doc;
}
