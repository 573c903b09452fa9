import { describeTarget } from '../../store/index.js';
import { runOnce } from '../../pipeline/run-once.js';
import { httpClientFor, loadFeeds, loadVocabularyFor, loggerFor, openStoreFor, settingsFor, warnMissingSecrets, type CommonOptions } from '../bootstrap.js';
import { EventAssigner } from '../../pipeline/assign-event.js';
import { compareContext } from '../../pipeline/compare-event.js';
import { loadWatchlists } from '../../pipeline/evaluate-alerts.js';
import { Progress } from '../progress.js';

/** Exit code when some alert deliveries are dead (every attempt failed): the run itself finished. */
export const DEAD_DELIVERIES_EXIT = 3;

const PHASES = { poll: 'polling feeds', articles: 'fetching articles', events: 'assigning events', compare: 'comparing accounts', alerts: 'evaluating alerts' } as const;

export interface RunOnceCommandOptions extends CommonOptions {
  json?: boolean;
  /** Watchlists file: alerts evaluated and delivered before exiting (PARALLAX_WATCHLISTS). */
  watchlists?: string;
}

/** `parallax run-once`: every feed once, the whole pipeline in-process, no Redis. */
export async function runOnceCommand(opts: RunOnceCommandOptions): Promise<void> {
  const settings = settingsFor(opts, { creates: true });
  const log = loggerFor(settings);
  const feeds = loadFeeds(settings);
  const vocabulary = loadVocabularyFor(settings);
  const watchlistsFile = opts.watchlists ?? settings.watchlistsFile;
  const watchlists = watchlistsFile ? loadWatchlists(watchlistsFile, vocabulary) : null;
  if (watchlists) warnMissingSecrets(watchlists, log);
  const store = await openStoreFor(settings);
  let dead = 0;
  try {
    const progress = new Progress();
    const summary = await runOnce(feeds, { store, http: httpClientFor(settings), log }, {
      feedConcurrency: settings.feedConcurrency,
      articleConcurrency: settings.articleConcurrency,
      onProgress: (p) => progress.update(PHASES[p.phase], p.done, p.total),
      events: new EventAssigner(store, vocabulary, log, { snapshotEvery: settings.eventSnapshotEvery }),
      compare: compareContext(vocabulary),
      ...(watchlists
        ? { alerts: { watchlists, evaluation: { store, vocabulary, log, publicUrl: settings.publicUrl }, delivery: { store, log, settings: settings.delivery } } }
        : {}),
    });
    progress.done();
    const failures = summary.polls.flatMap((p) => (p.outcome === 'error' ? [{ feedId: p.feedId, kind: p.kind, message: p.message }] : []));
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ feeds: summary.feeds, articles: summary.articles, events: summary.events, comparisons: summary.comparisons, alerts: summary.alerts, failures }, null, 2)}\n`);
    } else {
      const f = summary.feeds;
      const a = summary.articles;
      process.stdout.write(
        `${feeds.length} feeds polled into ${describeTarget(store.database.target)}: ${f.ok} ok, ${f.notModified} not modified, ${f.errors} failed\n` +
          `${a.discovered} new articles; ${a.extracted} extracted from their pages, ${a.feedContent} kept from the feed\n` +
          `${summary.events.assigned} articles put into events (${summary.events.created} new events, ${summary.events.duplicates} syndicated copies)\n` +
          `${summary.comparisons} events compared\n` +
          (summary.alerts
            ? `${summary.alerts.created} alerts raised on ${summary.alerts.evaluated} changed events; ${summary.alerts.sent} deliveries sent, ${summary.alerts.dead} dead, ${summary.alerts.digest} waiting for a digest\n`
            : '') +
          failures.map((x) => `  ${x.feedId}: ${x.message}\n`).join(''),
      );
    }
    dead = summary.alerts?.dead ?? 0;
  } finally {
    await store.close();
  }
  // A dead delivery is an alert no one received: a script or a cron job must be able to tell.
  // Set after the store is closed: closing PGlite resets process.exitCode.
  if (dead > 0) process.exitCode = DEAD_DELIVERIES_EXIT;
}
