import { describe, expect, test } from 'vitest';
import { bearerToken, cookieValue, defaultAllowedHosts, hostAllowed, isLoopbackAddress, newSession, parseHost, sessionValid, tokenMatches } from '../../src/api/credentials.js';

describe('credentials and Host names', () => {
  test('tokens: equal or not, whatever the lengths; bearer and cookie headers read', () => {
    expect(tokenMatches('a-token-0123456789', 'a-token-0123456789')).toBe(true);
    expect(tokenMatches('a-token-012345678', 'a-token-0123456789')).toBe(false);
    expect(tokenMatches('', 'a-token-0123456789')).toBe(false);
    expect(bearerToken('Bearer abc.DEF-1')).toBe('abc.DEF-1');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic YWxhZGRpbjpvcGVu')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(cookieValue('a=1; parallax_session=xyz; b=2', 'parallax_session')).toBe('xyz');
    expect(cookieValue('not_parallax_session=xyz', 'parallax_session')).toBeNull();
  });

  test('sessions: valid until they expire, bound to the token', () => {
    const now = Date.UTC(2026, 0, 1);
    const s = newSession('the-token-0123456789', now, 60_000);
    expect(sessionValid(s, 'the-token-0123456789', now + 59_000)).toBe(true);
    expect(sessionValid(s, 'the-token-0123456789', now + 60_000)).toBe(false);
    expect(sessionValid(s, 'another-token-0123456789', now)).toBe(false);
    expect(sessionValid('garbage', 'the-token-0123456789', now)).toBe(false);
  });

  test('loopback listen addresses; anything else needs a token', () => {
    for (const h of ['127.0.0.1', '127.0.1.1', 'localhost', '::1', '[::1]']) expect(isLoopbackAddress(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'parallax.internal', '127.0.0.1.nip.io']) expect(isLoopbackAddress(h), h).toBe(false);
  });

  test('Host headers parsed and matched: names any port, name:port that port, * anything', () => {
    expect(parseHost('Example.ORG.:8080')).toEqual({ name: 'example.org', port: '8080' });
    expect(parseHost('[::1]:80')).toEqual({ name: '[::1]', port: '80' });
    expect(parseHost('::1')).toEqual({ name: '[::1]', port: null });
    expect(parseHost('a b')).toBeNull();
    const allowed = defaultAllowedHosts('127.0.0.1');
    expect(allowed).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(hostAllowed('localhost:8080', allowed)).toBe(true);
    expect(hostAllowed('evil.example', allowed)).toBe(false);
    expect(hostAllowed(undefined, allowed)).toBe(false);
    expect(hostAllowed('desk.example.org:8443', ['desk.example.org:8443'])).toBe(true);
    expect(hostAllowed('desk.example.org:80', ['desk.example.org:8443'])).toBe(false);
    expect(hostAllowed('anything', ['*'])).toBe(true);
    // A wildcard listen address answers to this machine's own addresses too.
    expect(defaultAllowedHosts('0.0.0.0')).toEqual(expect.arrayContaining(['localhost', '127.0.0.1']));
    expect(defaultAllowedHosts('0.0.0.0')).not.toContain('0.0.0.0');
    expect(defaultAllowedHosts('10.1.2.3')).toContain('10.1.2.3');
  });
});
