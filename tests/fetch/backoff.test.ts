import { describe, expect, test } from 'vitest';
import { nextPollDelayMs } from '../../src/fetch/backoff.js';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../src/fetch/retry-after.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('nextPollDelayMs', () => {
  test.each([
    // interval, errors, retry-after, expected
    [15 * MIN, 0, null, 15 * MIN],
    [15 * MIN, 1, null, 15 * MIN],
    [15 * MIN, 2, null, 30 * MIN],
    [15 * MIN, 3, null, 60 * MIN],
    [15 * MIN, 6, null, 480 * MIN],
    [15 * MIN, 7, null, 960 * MIN],
    [15 * MIN, 8, null, 24 * HOUR], // 1,920 min would pass a day
    [15 * MIN, 500, null, 24 * HOUR],
    [15 * MIN, 1, 2 * HOUR, 2 * HOUR], // the server asked for longer
    [15 * MIN, 3, 10 * MIN, 60 * MIN], // back-off already longer than asked
    [15 * MIN, 1, 0, 15 * MIN],
    [48 * HOUR, 3, null, 48 * HOUR], // never sooner than the feed's own interval
  ])('interval %i ms, %i errors, Retry-After %s → %i ms', (intervalMs, consecutiveErrors, retryAfterMs, expected) => {
    expect(nextPollDelayMs({ intervalMs, consecutiveErrors, retryAfterMs })).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-08-12T10:00:00Z');
  test('delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Tue, 12 Aug 2025 10:05:00 GMT', now)).toBe(5 * MIN);
    expect(parseRetryAfter('Tue, 12 Aug 2025 09:00:00 GMT', now)).toBe(0);
  });
  test('absent or unreadable → null; absurd → a day', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('99999999', now)).toBe(MAX_RETRY_AFTER_MS);
  });
});
