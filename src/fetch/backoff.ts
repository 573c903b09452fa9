const DAY_MS = 24 * 60 * 60_000;

/**
 * When to poll a feed again after a failed poll: its interval doubled for every consecutive error
 * after the first, capped at a day so that a feed that comes back is noticed the same day, and
 * never sooner than the server asked (Retry-After) nor sooner than the feed's own interval.
 * Deterministic on purpose (no jitter): the per-host gate already spreads requests, and a feed's
 * next poll time is shown to the analyst, who should be able to work it out.
 */
export function nextPollDelayMs({
  intervalMs,
  consecutiveErrors,
  retryAfterMs,
}: {
  intervalMs: number;
  consecutiveErrors: number;
  retryAfterMs: number | null;
}): number {
  const doublings = Math.max(0, consecutiveErrors - 1);
  // 2 ** 60 is already far past a day: stop there so that a huge streak cannot overflow to Infinity.
  const backedOff = Math.min(intervalMs * 2 ** Math.min(doublings, 60), DAY_MS);
  return Math.max(retryAfterMs ?? 0, backedOff, intervalMs);
}
