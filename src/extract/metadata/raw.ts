import type { Element } from 'domhandler';

/** What the DOM walk notices for metadata, before any of it is interpreted. */
export interface RawMeta {
  /** `<meta>` content by lower-cased name, property or itemprop; every value kept, in order. */
  meta: Map<string, string[]>;
  /** `<link rel=...>` hrefs by lower-cased rel token. */
  links: Map<string, string[]>;
  title: string | null;
  htmlLang: string | null;
  jsonLd: string[];
  /** Scripts holding embedded application state (JSON, or assignments of it to a global). */
  appState: string[];
  /** `datetime` of `<time>` elements and `datePublished`/`dateModified` microdata, in order. */
  times: { value: string; prop: string | null }[];
  /** Text of elements marked as the author (itemprop, rel=author, class byline/author). */
  authorTexts: string[];
  h1s: { text: string; el: Element }[];
}

export function emptyRawMeta(): RawMeta {
  return { meta: new Map(), links: new Map(), title: null, htmlLang: null, jsonLd: [], appState: [], times: [], authorTexts: [], h1s: [] };
}

function add(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Called for every element the walk meets, including skipped ones (`<head>` is skipped for text). */
export function noticeElement(el: Element, raw: RawMeta): void {
  const a = el.attribs;
  switch (el.name) {
    case 'meta': {
      const content = a.content;
      if (content === undefined) return;
      for (const key of [a.name, a.property, a.itemprop, a['http-equiv']]) if (key) add(raw.meta, key.toLowerCase().trim(), content.trim());
      return;
    }
    case 'link':
      if (a.rel && a.href) for (const rel of a.rel.toLowerCase().split(/\s+/)) add(raw.links, rel, a.href.trim());
      return;
    case 'html':
      if (a.lang || a['xml:lang']) raw.htmlLang = (a.lang || a['xml:lang'])!.trim();
      return;
    case 'time':
      if (a.datetime) raw.times.push({ value: a.datetime, prop: a.itemprop ?? null });
      return;
  }
  const prop = a.itemprop;
  if (prop === 'datePublished' || prop === 'dateModified' || prop === 'dateCreated') {
    const v = a.content ?? a.datetime;
    if (v) raw.times.push({ value: v, prop });
  }
}
