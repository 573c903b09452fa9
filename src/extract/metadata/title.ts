const SEPARATORS = /\s+[|\-–—:·•»«/]\s+|\s+::\s+/;

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The article's title without the site's name. Candidates in order of trust: JSON-LD headline,
 * og:title, the `<title>` element; the first h1 confirms one of them, and separators (" | ",
 * " - ") split off the part that is the site's name or the shorter side.
 */
export function chooseTitle(c: { jsonLd: string | null; og: string | null; twitter: string | null; html: string | null; h1s: string[]; siteName: string | null; host?: string | null }): string | null {
  const h1 = c.h1s.find((h) => h.length > 0) ?? null;
  const candidates = [c.jsonLd, c.og, c.twitter, c.html].filter((t): t is string => !!t && t.trim() !== '');
  // An h1 that one of the declared titles, without its site name, contains is the article's own
  // headline. Without the site name, because the first h1 is often the logo ("ArsTechnica" in
  // "Minecraft exploit ... | Ars Technica"); the headline may be a later h1.
  const declared = candidates.map((t) => key(stripSiteName(t.replace(/\s+/g, ' ').trim(), c.siteName, c.host ?? null)));
  const confirmed = c.h1s.find((h) => {
    const hk = key(h);
    return hk.length >= 10 && declared.some((d) => d.includes(hk));
  });
  if (confirmed) return confirmed;
  const raw = candidates[0] ?? h1;
  return raw ? stripSiteName(raw.replace(/\s+/g, ' ').trim(), c.siteName, c.host ?? null) : null;
}

export function stripSiteName(title: string, siteName: string | null, host: string | null = null): string {
  let parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  const site = siteName ? key(siteName) : null;
  // The host names the site too: "DailyTech - ..." on dailytech.com, "... | Geek.com" on geek.com.
  const hostKeys = host ? hostNames(host) : [];
  const isSite = (p: string) => {
    const k = key(p);
    if (k.length === 0) return false;
    if (hostKeys.includes(k)) return true;
    return site !== null && (k === site || (site.includes(k) && k.length >= 4));
  };
  const short = (i: number) => parts[i]!.length * 2 < parts.slice(0, i).join(' ').length && parts[i]!.split(/\s+/).length <= 4;
  // Pipes part a site's name and its section, seldom a headline's words: dashes and colons do both.
  const allPipes = (title.match(/\s\|\s/g) ?? []).length === parts.length - 1;
  const kept = parts.filter((p) => !isSite(p));
  if (kept.length > 0 && kept.length < parts.length) {
    parts = kept;
    // "... in LEGO | News | Geek.com": the section before the site goes too.
    if (allPipes && parts.length >= 2 && short(parts.length - 1)) parts = parts.slice(0, -1);
    return joinLike(title, parts);
  }
  // No site name to match: drop the last part when it is much shorter (a brand), not otherwise,
  // and a short section before it between pipes ("... a Species | Science/AAAS | News").
  if (!short(parts.length - 1)) return title;
  parts = parts.slice(0, -1);
  if (allPipes && parts.length >= 2 && short(parts.length - 1)) parts = parts.slice(0, -1);
  return joinLike(title, parts);
}

/** A host's names as titles spell them: "www.geek.com" is "geekcom" or "geek". */
function hostNames(host: string): string[] {
  const bare = host.toLowerCase().replace(/^www\d?\./, '');
  const label = bare.split('.')[0] ?? '';
  return [key(bare), key(label)].filter((k) => k.length >= 4);
}

function joinLike(title: string, parts: string[]): string {
  // Re-join with the original separator between kept parts when there are several.
  if (parts.length === 1) return parts[0]!.trim();
  const sep = SEPARATORS.exec(title)?.[0] ?? ' - ';
  return parts.map((p) => p.trim()).join(sep);
}
