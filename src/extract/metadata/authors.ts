/**
 * Author names from what the page declares (JSON-LD, `<meta name=author>`, article:author) and
 * what its byline elements say, cleaned of "By", roles and dates.
 */
export function chooseAuthors(c: { jsonLd: string[]; meta: string[]; dom: string[] }): string[] {
  for (const source of [c.jsonLd, c.meta, c.dom]) {
    const names = dedupe(source.flatMap(splitNames));
    if (names.length > 0) return names.slice(0, 10);
  }
  return [];
}

function splitNames(raw: string): string[] {
  if (/^https?:\/\//.test(raw)) return [];
  let s = raw.replace(/\s+/g, ' ').trim();
  s = s.replace(/^(written |reported |posted |text |story |photos? )?(by|par|de|von|por|بقلم|كتب|كتبت)\s*:?\s+/i, '');
  // Cut at the first date, time or "Updated"/"Published" that bylines often run into.
  s = s.split(/\s*(?:\||•|·|\d{1,2}[:/.]\d{2}|\b(?:updated|published|posted|mis à jour|publié le)\b)/i)[0] ?? '';
  const names = s
    .split(/\s*(?:,|;|&|\band\b|\bet\b|\bو\b)\s*/)
    .map((n) => n.trim().replace(/^(by|par)\s+/i, ''))
    .filter((n) => n.length >= 3 && n.length <= 60 && /\p{L}/u.test(n) && n.split(' ').length <= 5);
  return names.filter((n) => !/^(staff|admin|editor|reuters|afp|ap|associated press)$/i.test(n) || names.length === 1);
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = n.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
