import { z } from 'zod';
import { formatDuration, parseDuration } from './duration.js';

// Intl knows the registered codes: of() echoes an unknown code back instead of naming it.
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const isRegion = (c: string) => /^[A-Z]{2}$/.test(c) && regionNames.of(c) !== c;
const isLanguage = (c: string) => /^[a-z]{2}$/.test(c) && languageNames.of(c) !== c;

/** ISO 3166-1 alpha-2, accepted in any case, upper-cased. */
export const countryCode = z
  .string()
  .refine((c) => isRegion(c.toUpperCase()), { error: (i) => `"${String(i.input)}" is not an ISO 3166 alpha-2 country code (e.g. ML, MA, DZ)` })
  .transform((c) => c.toUpperCase());

/** ISO 639-1, accepted in any case, lower-cased. */
export const languageCode = z
  .string()
  .refine((c) => isLanguage(c.toLowerCase()), { error: (i) => `"${String(i.input)}" is not an ISO 639-1 language code (e.g. en, fr, ar)` })
  .transform((c) => c.toLowerCase());

/** A duration as people write it ("90s", "15m", "1h30m"), in milliseconds, at least `minMs`. */
export function durationField(minMs: number) {
  return z.string().transform((s, ctx) => {
    const ms = parseDuration(s);
    if (ms === null) ctx.addIssue({ code: 'custom', message: `"${s}" is not a duration (e.g. 90s, 15m, 1h, 1h30m)` });
    else if (ms < minMs) ctx.addIssue({ code: 'custom', message: `"${s}" is shorter than the minimum of ${formatDuration(minMs)}` });
    return ms ?? 0;
  });
}
