/**
 * Reading the element tree xml2js produces: every child is an array, an element with attributes
 * is `{ $: attrs, _: text }`, one with only text is a plain string, an empty one is ''. These
 * helpers hide those shapes from the format mappers.
 */
export type XmlNode = string | { $?: Record<string, string>; _?: string; [child: string]: unknown };
export type XmlElement = Exclude<XmlNode, string>;

/** All children named `name` (e.g. 'link', 'media:content'). */
export function children(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const v = (node as Record<string, unknown>)[name];
  return Array.isArray(v) ? (v as XmlNode[]) : [];
}

export function child(node: unknown, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

export function attr(node: XmlNode | undefined, name: string): string | null {
  if (!node || typeof node === 'string') return null;
  const v = node.$?.[name];
  return typeof v === 'string' ? v : null;
}

/**
 * Text content of an element. Elements that hold markup as child elements (Atom type="xhtml")
 * are serialised back to XML so that their words are not lost.
 */
export function text(node: XmlNode | undefined): string | null {
  if (node === undefined || node === null) return null;
  if (typeof node === 'string') return node;
  if (typeof node._ === 'string' && Object.keys(node).every((k) => k === '_' || k === '$')) return node._;
  const inner = serialiseChildren(node);
  return inner === '' ? null : inner;
}

/** Text of the first child named `name`, trimmed, or null when absent or blank. */
export function childText(node: unknown, ...names: string[]): string | null {
  for (const name of names) {
    for (const c of children(node, name)) {
      const t = text(c)?.trim();
      if (t) return t;
    }
  }
  return null;
}

export function allChildTexts(node: unknown, name: string): string[] {
  return children(node, name)
    .map((c) => text(c)?.trim() ?? '')
    .filter((t) => t !== '');
}

// xml2js keeps an element's text apart from its child elements, so mixed content comes back
// with the text first and the elements after: order within a paragraph is approximate, words are kept.
function serialiseChildren(node: XmlElement): string {
  let out = typeof node._ === 'string' ? escapeText(node._) : '';
  for (const [name, value] of Object.entries(node)) {
    if (name === '$' || name === '_' || !Array.isArray(value)) continue;
    for (const c of value as XmlNode[]) out += serialiseElement(name, c);
  }
  return out;
}

function serialiseElement(name: string, node: XmlNode): string {
  if (typeof node === 'string') return node === '' ? `<${name}/>` : `<${name}>${escapeText(node)}</${name}>`;
  const attrs = Object.entries(node.$ ?? {})
    .filter(([k]) => k !== 'xmlns' && !k.startsWith('xmlns:'))
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  const inner = serialiseChildren(node);
  return inner === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>`;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}
