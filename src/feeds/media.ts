import { attr, children, type XmlNode } from './xml-nodes.js';

const IMAGE_EXT = /\.(jpe?g|png|gif|webp|avif)(\?|#|$)/i;

/**
 * Image candidates of an RSS item or Atom entry, best first: Media RSS thumbnails and image
 * contents (also inside media:group), image enclosures (RSS <enclosure>, Atom rel="enclosure"),
 * itunes:image. Video or audio media are not images even when they are the only media.
 */
export function mediaImages(node: unknown): string[] {
  const out: string[] = [];
  const groups = [node, ...children(node, 'media:group')];
  for (const g of groups) for (const t of children(g, 'media:thumbnail')) push(out, attr(t, 'url'));
  for (const g of groups) {
    for (const c of children(g, 'media:content')) {
      if (isImage(c, 'medium', 'type', 'url')) push(out, attr(c, 'url'));
      // A video's media:content may carry its poster as a nested thumbnail.
      for (const t of children(c, 'media:thumbnail')) push(out, attr(t, 'url'));
    }
  }
  for (const e of children(node, 'enclosure')) if (isImage(e, null, 'type', 'url')) push(out, attr(e, 'url'));
  for (const l of children(node, 'link')) {
    if (attr(l, 'rel') === 'enclosure' && isImage(l, null, 'type', 'href')) push(out, attr(l, 'href'));
  }
  for (const i of children(node, 'itunes:image')) push(out, attr(i, 'href'));
  return out;
}

function isImage(n: XmlNode, mediumAttr: string | null, typeAttr: string, urlAttr: string): boolean {
  const medium = mediumAttr ? attr(n, mediumAttr) : null;
  if (medium) return medium === 'image';
  const type = attr(n, typeAttr);
  if (type) return type.toLowerCase().startsWith('image/');
  return IMAGE_EXT.test(attr(n, urlAttr) ?? '');
}

function push(out: string[], url: string | null): void {
  const u = url?.trim();
  if (u && !out.includes(u)) out.push(u);
}
