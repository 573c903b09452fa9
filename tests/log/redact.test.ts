import { describe, expect, test } from 'vitest';
import { redactDeliveryError } from '../../src/alerts/channels/secrets.js';
import { createLogger } from '../../src/log.js';
import { REDACTED, redactSecrets, redactUrl, registerSecrets } from '../../src/redact.js';

const capture = () => {
  const lines: string[] = [];
  return { lines, log: createLogger('info', { write: (s: string) => void lines.push(s) }) };
};

describe('secrets kept out of what Parallax prints', () => {
  test('secret shapes: URL passwords, Slack hook paths, bearer tokens; the rest of the text stays', () => {
    expect(redactSecrets('cannot reach Redis at redis://:s3cr3tpass@10.0.0.5:6379: ECONNREFUSED')).toBe(`cannot reach Redis at redis://:${REDACTED}@10.0.0.5:6379: ECONNREFUSED`);
    expect(redactSecrets('"postgres://parallax:pa%22ss@db/main"')).toBe(`"postgres://parallax:${REDACTED}@db/main"`);
    expect(redactSecrets('POST https://hooks.slack.com/services/T1/B2/abc: HTTP 404')).toBe(`POST https://hooks.slack.com/${REDACTED}: HTTP 404`);
    expect(redactSecrets('sent Authorization: Bearer abc.def-123')).toBe(`sent Authorization: Bearer ${REDACTED}`);
    expect(redactSecrets('fetched https://www.rfi.fr/fr/afrique/20250801-mali in 120 ms')).toBe('fetched https://www.rfi.fr/fr/afrique/20250801-mali in 120 ms');
  });

  test('known values are replaced wherever they appear, as written or JSON-escaped; short ones are not taken', () => {
    expect(redactSecrets('token tok-0123456789 refused', ['tok-0123456789'])).toBe(`token ${REDACTED} refused`);
    expect(redactSecrets('{"msg":"pw is a\\"b\\\\cdef"}', ['a"b\\cdef'])).toBe(`{"msg":"pw is ${REDACTED}"}`);
    expect(redactSecrets('port 1234', ['1234'])).toBe('port 1234');
  });

  test('a URL in an error is cut to its origin', () => {
    expect(redactUrl('https://alerts.example.org/parallax?key=abc')).toBe(`https://alerts.example.org/${REDACTED}`);
    expect(redactUrl('http://127.0.0.1:9000/')).toBe('http://127.0.0.1:9000');
    expect(redactUrl('not a url')).toBe(REDACTED);
    const channel = { name: 'ops', type: 'webhook' as const, url: 'https://ops.example.org/in/xyz', secretEnv: 'PX_T_SECRET' };
    expect(redactDeliveryError('POST https://ops.example.org/in/xyz: HTTP 500 (secret was sig-secret-value).', channel, { PX_T_SECRET: 'sig-secret-value' }))
      .toBe(`POST https://ops.example.org/${REDACTED}: HTTP 500 (secret was ${REDACTED}).`);
  });

  test('the logger: registered secrets and secret shapes in messages, errors and fields; secret-named fields', () => {
    registerSecrets('api-token-0123456789abcdef');
    const { lines, log } = capture();
    log.info({ address: 'redis://user:hunter2hunter2@redis:6379' }, 'token is api-token-0123456789abcdef');
    log.warn({ err: 'POST https://hooks.slack.com/services/T1/B2/xyz: HTTP 404' }, 'delivery failed');
    log.info({ token: 'whatever-it-is', nested: { password: 'pw-pw-pw-pw' } }, 'fields');
    const out = lines.join('');
    for (const secret of ['api-token-0123456789abcdef', 'hunter2hunter2', 'T1/B2/xyz', 'whatever-it-is', 'pw-pw-pw-pw']) expect(out).not.toContain(secret);
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual([`token is ${REDACTED}`, 'delivery failed', 'fields']);
    expect(JSON.parse(lines[2]!)).toMatchObject({ token: REDACTED, nested: { password: REDACTED } });
  });
});
