import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApi } from '../../api/server.js';
import { loadFeedsConfig } from '../../config/feeds-config.js';
import { serveCorpus } from '../../demo/corpus.js';
import { HttpClient } from '../../fetch/index.js';
import { createLogger } from '../../log.js';
import { EventAssigner } from '../../pipeline/assign-event.js';
import { compareContext, comparisonReader } from '../../pipeline/compare-event.js';
import { runOnce } from '../../pipeline/run-once.js';
import { openStore } from '../../store/index.js';
import { loadVocabularyFor, settingsFor } from '../bootstrap.js';
import { Progress } from '../progress.js';
import { onShutdown } from '../shutdown.js';

export interface DemoOptions {
  port?: number;
  data?: string;
}

const PHASES = { poll: 'polling the demo feeds', articles: 'fetching articles', events: 'assigning events', compare: 'comparing accounts', alerts: 'evaluating alerts' } as const;

/**
 * `parallax demo`: the bundled corpus served on 127.0.0.1, the whole pipeline run on it in-process
 * (embedded PGlite, no Redis, no internet), then the web page. A newcomer's first minute.
 */
export async function demoCommand(opts: DemoOptions): Promise<void> {
  const settings = settingsFor({});
  const port = opts.port ?? settings.port;
  // A fresh folder unless one is given: the demo never touches ./data or a configured PostgreSQL.
  const dataDir = opts.data ? resolve(opts.data) : mkdtempSync(join(tmpdir(), 'parallax-demo-'));
  mkdirSync(dataDir, { recursive: true });
  // Quiet unless asked: the demo's output is its summary and the address to open.
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');

  // Articles are known by URL, so a reused folder needs the corpus at the address it had before.
  const stateFile = join(dataDir, 'demo.json');
  const previousPort = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as { corpusPort: number }).corpusPort : 0;
  const corpus = await serveCorpus(previousPort);
  writeFileSync(stateFile, JSON.stringify({ corpusPort: Number(new URL(corpus.base).port) }));
  const feedsFile = join(dataDir, 'feeds.yaml');
  writeFileSync(feedsFile, corpus.feedsYaml);
  const feeds = loadFeedsConfig(feedsFile);

  const store = await openStore({ kind: 'pglite', dataDir: join(dataDir, 'db') });
  const cleanup = async () => {
    await corpus.close();
    await store.close();
    if (!opts.data) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const vocabulary = loadVocabularyFor(settings);
    const compare = compareContext(vocabulary);
    process.stdout.write(`Serving the demo corpus (${feeds.length} feeds) on ${corpus.base}; data in ${dataDir}\n`);
    const progress = new Progress();
    // One local server stands in for every outlet, so per-host politeness would only slow it down.
    const http = new HttpClient({ perHostConcurrency: 8, perHostGapMs: 0, maxBodyBytes: settings.maxBodyBytes });
    const summary = await runOnce(feeds, { store, http, log }, {
      feedConcurrency: 4,
      articleConcurrency: 8,
      onProgress: (p) => progress.update(PHASES[p.phase], p.done, p.total),
      events: new EventAssigner(store, vocabulary, log),
      compare,
    });
    progress.done();
    const top = await store.events.summaries({ limit: 200, offset: 0 });
    const largest = [...top.events].sort((a, b) => b.articleCount - a.articleCount)[0];

    const api = buildApi({ store, comparison: comparisonReader(store, compare), checks: [{ name: 'database', check: async () => void (await store.feeds.list()) }] });
    const address = await api.listen({ port, host: '127.0.0.1' });
    process.stdout.write(
      `${summary.articles.extracted + summary.articles.feedContent} articles stored, ${top.total} events, ${summary.comparisons} compared.\n\n` +
        `  open ${address}/\n` +
        (largest ? `  the most-reported event (${largest.articleCount} articles): ${address}/events/${encodeURIComponent(largest.id)}\n` : '') +
        `\nCtrl-C to stop.\n` +
        `listening ${address}\n`,
    );
    onShutdown(log, async () => {
      // A browser keeps sockets open (keep-alive, preconnects) that would hold close() up; the
      // demo has no request worth finishing.
      const closing = api.close();
      api.server.closeAllConnections();
      await closing;
      await cleanup();
    });
  } catch (err) {
    await cleanup();
    throw err;
  }
}
