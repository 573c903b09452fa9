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

// Dates written in words end a byline as numeric ones do ("By Nathan Willis March 25, 2015").
const MONTH = String.raw`(?:jan(?:uary|vier)?|feb(?:ruary)?|févr(?:ier)?|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?|may|mai|june?|juin|july?|juil(?:let)?|aug(?:ust)?|août|sept?(?:ember|embre)?|oct(?:ober|obre)?|nov(?:ember|embre)?|dec(?:ember)?|déc(?:embre)?)\.?`;
const BYLINE_END = new RegExp(
  String.raw`\s*(?:\||•|·|\s[-–—](?:\s|$)|\d{1,2}[:/.]\d{2}|\b(?:(?:le|on)\s+)?(?:${MONTH}\s+\d{1,2}\b|\d{1,2}(?:er)?\s+${MONTH}(?=\s|$))|\b(?:updated|published|posted|mis à jour|publié le)\b|\b(?:follow|suivre)\b|@)`,
  'iu',
);
// An author's blurb ("Dan is the Security Editor at ..., which he joined after working for the
// Associated Press, Bloomberg News and other publications") is not a byline: too many words.
const MAX_BYLINE_WORDS = 16;

function splitNames(raw: string): string[] {
  if (/^https?:\/\//.test(raw)) return [];
  let s = raw.replace(/\s+/g, ' ').trim();
  s = s.replace(/^(written |reported |posted |text |story |photos? )?(by|par|de|von|por|بقلم|كتب|كتبت)\s*:?\s+/i, '');
  // An author box's heading: "About Jane Doe", "À propos de Jane Doe", "Sobre Jane Doe".
  s = s.replace(/^(about|à propos de|sobre|über)\s+/i, '');
  // Cut at the first date, time, "Updated"/"Published" or follow-me handle that bylines run into.
  s = s.split(BYLINE_END)[0] ?? '';
  if (s.split(' ').length > MAX_BYLINE_WORDS) return [];
  const names = s
    .split(/\s*(?:,|;|&|\band\b|\bet\b|\bو\b)\s*/)
    .map((n) => n.trim().replace(/^(by|par)\s+/i, ''))
    // A form's field label ("Nome *", "Name*") is not a name.
    .filter((n) => n.length >= 3 && n.length <= 60 && /\p{L}/u.test(n) && !n.includes('*') && n.split(' ').length <= 5);
  return names.filter((n) => !/^(staff|admin|editor|reuters|afp|ap|associated press)$/i.test(n) || names.length === 1);
}

/** Drops repeats, and a name that is another one followed by more words ("Kelli Miller WebMD Health News"). */
function dedupe(names: string[]): string[] {
  const keys = names.map((n) => n.toLowerCase());
  const seen = new Set<string>();
  return names.filter((n, i) => {
    const k = keys[i]!;
    if (seen.has(k) || keys.some((other) => other !== k && k.startsWith(`${other} `))) return false;
    seen.add(k);
    return true;
  });
}
