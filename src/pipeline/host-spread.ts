/**
 * Per-host politeness makes a request wait for its host's turn. A worker pool that takes articles
 * in discovery order would fill every slot with one outlet's articles (a poll discovers them
 * together) and sit waiting on that one host while a hundred others idle. So work is spread
 * before it is queued: each article gets its rank among the articles of its host, and the queue
 * delays (workers) or the processing order (run-once) follow that rank.
 */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Rank of each item among the items of the same host, in input order (0, 1, 2... per host). */
export function hostRanks(urls: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return urls.map((u) => {
    const h = hostOf(u);
    const r = seen.get(h) ?? 0;
    seen.set(h, r + 1);
    return r;
  });
}

/**
 * How long to hold back each item so that its host's turn has come when a worker takes it: the
 * k-th item of a host waits k gaps. Each process also enforces the gap itself (the HTTP client's
 * host gate); the delays keep workers from queueing up behind it.
 */
export function hostDelaysMs(urls: readonly string[], gapMs: number): number[] {
  if (gapMs <= 0) return urls.map(() => 0);
  return hostRanks(urls).map((r) => r * gapMs);
}

/** The items reordered round-robin across hosts: first of every host, then second of every host... */
export function interleaveByHost<T>(items: readonly T[], url: (item: T) => string): T[] {
  const ranks = hostRanks(items.map(url));
  return items
    .map((item, i) => ({ item, rank: ranks[i]!, i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.item);
}
