/**
 * Secrets kept out of everything Parallax prints: logs, error messages, stored delivery errors and
 * the API. Two nets: values known to be secret (tokens, webhook URLs, SMTP passwords, read from the
 * environment), replaced wherever they appear, and shapes that are secret whatever their value
 * (credentials in a URL, a Slack webhook's path, a bearer token).
 */
export const REDACTED = '[REDACTED]';

/** Shorter values are not taken as secrets: replacing "1234" everywhere would garble logs. */
export const MIN_SECRET_LENGTH = 6;

const known = new Set<string>();

/** Adds values this process must never print (it is process-wide: the logger reads it). */
export function registerSecrets(...values: (string | null | undefined)[]): void {
  for (const v of values) if (v && v.length >= MIN_SECRET_LENGTH) known.add(v);
}

/** The secret shapes: each keeps what helps an operator (scheme, host, user name) and hides the rest. */
const SECRET_SHAPES: [RegExp, string][] = [
  // scheme://user:password@host: the password.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"'<>]*):[^\s/@"'<>]*@/gi, `$1:${REDACTED}@`],
  // Slack (and Slack-compatible) incoming webhooks: the path is the credential.
  [/\b(https?:\/\/hooks\.slack\.com\/)(?:[^\s"'<>]*[^\s"'<>.,;:)])?/gi, `$1${REDACTED}`],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, `$1${REDACTED}`],
];

/** `text` with every known secret (and `extra`) and every secret shape replaced by [REDACTED]. */
export function redactSecrets(text: string, extra: readonly (string | null | undefined)[] = []): string {
  let out = text;
  // Longest first: a secret that contains another is hidden whole.
  const values = [...known, ...extra.filter((v): v is string => !!v && v.length >= MIN_SECRET_LENGTH)].sort((a, b) => b.length - a.length);
  for (const v of values) {
    if (out.includes(v)) out = out.split(v).join(REDACTED);
    // As a JSON string shows it (a log line): quotes and backslashes escaped.
    const escaped = JSON.stringify(v).slice(1, -1);
    if (escaped !== v && out.includes(escaped)) out = out.split(escaped).join(REDACTED);
  }
  for (const [re, by] of SECRET_SHAPES) out = out.replace(re, by);
  return out;
}

/**
 * A URL as an error message may show it: scheme, host and port only. A webhook's path and query
 * often are its credential (Slack, Teams, Discord), and the channel's name already says which one.
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname === '/' && !u.search ? u.origin : `${u.origin}/${REDACTED}`;
  } catch {
    return REDACTED;
  }
}
