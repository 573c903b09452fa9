/**
 * A server that asks for more than a day is treated as asking for a day: past that, silence from
 * an outlet is more likely a misconfiguration than a plan, and a feed must not vanish for weeks.
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/**
 * Retry-After (RFC 9110 §10.2.3) in milliseconds from `now`: either delay-seconds or an HTTP date.
 * Null when absent or unreadable; a date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  let ms: number;
  if (/^\d+$/.test(v)) {
    ms = Number(v) * 1000;
  } else {
    // Date.parse takes nearly anything ("-5" is a year); an HTTP date always names its month.
    if (!/[a-z]/i.test(v)) return null;
    const at = Date.parse(v);
    if (Number.isNaN(at)) return null;
    ms = Math.max(0, at - now);
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}
