/**
 * Dates as pages write them, turned into ISO 8601 in UTC. A time without a zone is read as UTC
 * (no better guess exists without the outlet's own zone); a date alone is that day at 00:00 UTC.
 */

const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/i;

export function normaliseDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const s = input.trim();
  if (s === '') return null;
  const m = ISO_LIKE.exec(s);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '0', zone] = m;
    let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), Math.round(Number(`0.${frac}`) * 1000));
    if (zone && /^[+-]/.test(zone)) {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
      ms -= sign * offsetMin * 60_000;
    }
    return plausible(ms);
  }
  if (/^\d{10}(\d{3})?$/.test(s)) return plausible(s.length === 10 ? Number(s) * 1000 : Number(s));
  // RFC 2822 and the other forms V8 reads ("Nov 18, 2019 10:00 AM EST"); only with a year in them.
  if (!/\b\d{4}\b/.test(s)) return null;
  return plausible(Date.parse(s));
}

function plausible(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  // Placeholders (0001-01-01, 1970 epochs) and typos far in the future say nothing.
  if (year < 1990 || year > new Date().getUTCFullYear() + 1) return null;
  return new Date(ms).toISOString();
}

/** `/2019/11/18/`, `/2019-11-18/` or `20191118` in a URL's path: the day of publication. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /(?:^|\/|[^\d])((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:\/|[^\d]|$)/.exec(path) ?? /\/((?:19|20)\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])\//.exec(path);
  if (!m) return null;
  return normaliseDate(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
}
