import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';

/**
 * The pure half of access control (src/api/access.ts does the HTTP): token and session checks,
 * Host header allow-lists, what counts as loopback.
 */

/** Equal without telling by its timing how much of a guess was right (hashing first evens the lengths). */
export function tokenMatches(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token of an `Authorization: Bearer TOKEN` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const m = header ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
  return m ? m[1]! : null;
}

/** A cookie's value from a Cookie header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * The login form's cookie: an expiry and its HMAC under the API token. It is not the token (a
 * cookie read off a machine does not give the token away), it expires by itself, and changing
 * the token ends every session.
 */
export const DEFAULT_SESSION_OPTIONS = { lifetimeMs: 12 * 3_600_000 };

const sessionMac = (token: string, expires: number) => createHmac('sha256', token).update(`parallax-session:${expires}`).digest('base64url');

export function newSession(token: string, now: number, lifetimeMs = DEFAULT_SESSION_OPTIONS.lifetimeMs): string {
  const expires = now + lifetimeMs;
  return `${expires}.${sessionMac(token, expires)}`;
}

export function sessionValid(value: string, token: string, now: number): boolean {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m || Number(m[1]) <= now) return false;
  return tokenMatches(m[2]!, sessionMac(token, Number(m[1])));
}

/** Host header names: lower case, no trailing dot, IPv6 in brackets; `port` null when not given. */
export function parseHost(value: string): { name: string; port: string | null } | null {
  const v = value.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9._~%!$&'()*+,;=-]+)(?::(\d{1,5}))?$/.exec(v) ?? (v.includes(':') && !v.startsWith('[') && /^[0-9a-f:.]+$/.test(v) ? [v, `[${v}]`, undefined] : null);
  if (!m) return null;
  return { name: m[1]!.replace(/\.$/, ''), port: m[2] ?? null };
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '[::]', '']);

/** A listen address that only this machine can reach. Names other than localhost count as not (no DNS asked). */
export function isLoopbackAddress(host: string): boolean {
  const name = parseHost(host)?.name ?? host;
  return name === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) || name === '[::1]' || name === '[0:0:0:0:0:0:0:1]';
}

/**
 * The Host names answered when PARALLAX_ALLOWED_HOSTS is unset: the listen address and the
 * loopback names; a wildcard listen address (0.0.0.0, ::) adds this machine's own addresses and
 * name. A DNS name operators reach the server by must be listed.
 */
export function defaultAllowedHosts(listenHost: string): string[] {
  const listen = parseHost(listenHost)?.name ?? listenHost;
  const names = [...LOOPBACK_NAMES, listen];
  if (WILDCARDS.has(listen)) {
    names.push(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) names.push(a.family === 'IPv6' ? `[${a.address.replace(/%.*$/, '')}]` : a.address);
    }
  }
  return [...new Set(names.filter((n) => !WILDCARDS.has(n)))];
}

/**
 * Whether a Host header is one the server answers to: `*` allows any; an entry with a port wants
 * that port, one without allows any port. A missing or malformed header is refused.
 */
export function hostAllowed(header: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  const host = header ? parseHost(header) : null;
  if (!host) return false;
  return allowed.some((entry) => {
    const e = parseHost(entry);
    return !!e && e.name === host.name && (e.port === null || e.port === host.port);
  });
}
