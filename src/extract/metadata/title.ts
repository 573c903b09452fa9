const SEPARATORS = /\s+[|\-–—:·•»«/]\s+|\s+::\s+/;

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The article's title without the site's name. Candidates in order of trust: JSON-LD headline,
 * og:title, the `<title>` element; the first h1 confirms one of them, and separators (" | ",
 * " - ") split off the part that is the site's name or the shorter side.
 */
export function chooseTitle(c: { jsonLd: string | null; og: string | null; twitter: string | null; html: string | null; h1s: string[]; siteName: string | null }): string | null {
  const h1 = c.h1s.find((h) => h.length > 0) ?? null;
  const candidates = [c.jsonLd, c.og, c.twitter, c.html].filter((t): t is string => !!t && t.trim() !== '');
  // An h1 that one of the declared titles, without its site name, contains is the article's own
  // headline. Without the site name, because the first h1 is often the logo ("ArsTechnica" in
  // "Minecraft exploit ... | Ars Technica"); the headline may be a later h1.
  const declared = candidates.map((t) => key(stripSiteName(t.replace(/\s+/g, ' ').trim(), c.siteName)));
  const confirmed = c.h1s.find((h) => {
    const hk = key(h);
    return hk.length >= 10 && declared.some((d) => d.includes(hk));
  });
  if (confirmed) return confirmed;
  const raw = candidates[0] ?? h1;
  return raw ? stripSiteName(raw.replace(/\s+/g, ' ').trim(), c.siteName) : null;
}

export function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  const site = siteName ? key(siteName) : null;
  if (site) {
    const kept = parts.filter((p) => key(p) !== site && !(key(p).length > 0 && site.includes(key(p)) && key(p).length >= 4));
    if (kept.length > 0 && kept.length < parts.length) return joinLike(title, kept);
  }
  // No site name to match: drop the last part when it is much shorter (a brand), not otherwise.
  const last = parts[parts.length - 1]!;
  const rest = parts.slice(0, -1).join(' ');
  if (last.length * 2 < rest.length && last.split(/\s+/).length <= 4) return joinLike(title, parts.slice(0, -1));
  return title;
}

function joinLike(title: string, parts: string[]): string {
  // Re-join with the original separator between kept parts when there are several.
  if (parts.length === 1) return parts[0]!.trim();
  const sep = SEPARATORS.exec(title)?.[0] ?? ' - ';
  return parts.map((p) => p.trim()).join(sep);
}
