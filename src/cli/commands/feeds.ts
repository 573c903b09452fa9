import pMap from 'p-map';
import { FetchError } from '../../fetch/types.js';
import { parseFeed } from '../../feeds/index.js';
import { FeedParseError } from '../../feeds/types.js';
import { formatDuration } from '../../config/duration.js';
import { feedView, type FeedView } from '../../store/index.js';
import { httpClientFor, loadFeeds, openStoreFor, settingsFor, type CommonOptions } from '../bootstrap.js';
import { Progress } from '../progress.js';

export interface FeedsOptions extends CommonOptions {
  json?: boolean;
}

/** `parallax feeds list`: the configured feeds with their health from the store (if it has them). */
export async function feedsListCommand(opts: FeedsOptions): Promise<void> {
  const settings = settingsFor(opts);
  const configured = loadFeeds(settings);
  const store = await openStoreFor(settings);
  let stored: Map<string, FeedView>;
  try {
    stored = new Map((await store.feeds.list()).map((f) => [f.id, feedView(f)]));
  } finally {
    await store.close();
  }
  const views = configured.map((c) => stored.get(c.id) ?? { ...c, interval: formatDuration(c.intervalMs), health: 'new' as const });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(views, null, 2)}\n`);
    return;
  }
  for (const v of views) {
    const h = 'lastError' in v && v.lastError ? `FAILING x${v.consecutiveErrors}: ${v.lastError}` : v.health;
    const last = 'lastSuccessAt' in v && v.lastSuccessAt ? ` last ok ${v.lastSuccessAt}` : '';
    process.stdout.write(`${v.id.padEnd(28)} ${v.country} ${v.language} every ${v.interval.padEnd(4)} ${h}${last}\n    ${v.outlet}: ${v.url}\n`);
  }
}

interface CheckResult {
  id: string;
  url: string;
  ok: boolean;
  httpStatus: number | null;
  format?: string;
  title?: string;
  items?: number;
  newest?: string | null;
  charset?: string;
  elapsedMs?: number;
  error?: string;
  errorKind?: string;
}

/** `parallax feeds check`: fetch and parse every feed once, store nothing, report what was found. */
export async function feedsCheckCommand(opts: FeedsOptions): Promise<void> {
  const settings = settingsFor(opts);
  const feeds = loadFeeds(settings);
  const http = httpClientFor(settings);
  const progress = new Progress();
  let done = 0;
  const results = await pMap(
    feeds,
    async (f): Promise<CheckResult> => {
      try {
        const r = await http.fetch({ url: f.url, accept: 'feed' });
        if (r.status !== 'ok') return { id: f.id, url: f.url, ok: false, httpStatus: 304, error: 'unexpected 304 without validators' };
        const parsed = await parseFeed(r.text, r.url);
        const dates = parsed.items.map((i) => i.published).filter((d): d is string => d !== null).sort();
        return {
          id: f.id, url: f.url, ok: true, httpStatus: r.httpStatus, format: parsed.format, title: parsed.title,
          items: parsed.items.length, newest: dates.at(-1) ?? null, charset: r.charset, elapsedMs: Math.round(r.elapsedMs),
        };
      } catch (err) {
        const e = err as Error;
        return {
          id: f.id, url: f.url, ok: false, httpStatus: err instanceof FetchError ? err.httpStatus : null,
          error: e.message,
          // The same kinds `feeds list` shows after a real poll.
          errorKind: err instanceof FetchError ? err.kind : err instanceof FeedParseError ? `feed-${err.kind}` : e.name,
        };
      } finally {
        progress.update('checking feeds', ++done, feeds.length);
      }
    },
    { concurrency: settings.feedConcurrency * 2 },
  );
  progress.done();
  await http.close();
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const r of results) {
      process.stdout.write(
        r.ok
          ? `ok    ${r.id}: ${r.format} "${r.title}", ${r.items} items, newest ${r.newest ?? 'undated'} (${r.charset}, ${r.elapsedMs} ms)\n`
          : `FAIL  ${r.id}: ${r.error}\n`,
      );
    }
    const failed = results.filter((r) => !r.ok).length;
    process.stdout.write(`${results.length - failed} of ${results.length} feeds ok\n`);
  }
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}
