import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that need no Redis, PostgreSQL, browser or child process: `npm run test:unit`, the inner
 * loop, runs them alone in seconds. Loopback servers a test starts in its own process are allowed;
 * embedded PGlite counts as a database (seconds to start, and it needs the global setup).
 * A file not listed here is an integration test; tests/unit-setup.ts makes a misfiled one fail.
 */
const UNIT = [
  'tests/alerts/{channels,matcher,query,triggers}.test.ts',
  'tests/architecture/*.test.ts',
  'tests/bench/*.test.ts',
  'tests/api/credentials.test.ts',
  'tests/cluster/{bcubed,clusterer,cross-lingual,labelled-set,vocabulary}.test.ts',
  'tests/compare/*.test.ts',
  'tests/config/*.test.ts',
  'tests/dedup/*.test.ts',
  'tests/demo/corpus.test.ts',
  'tests/encoding/*.test.ts',
  'tests/extract/*.test.ts',
  'tests/feeds/*.test.ts',
  'tests/fetch/*.test.ts',
  'tests/log/*.test.ts',
  'tests/pipeline/host-spread.test.ts',
  'tests/search/search-spans.test.ts',
  'tests/text/*.test.ts',
  'tests/web/pages.test.ts',
];

export default defineConfig({
  test: {
    // Two cores here and in CI: more workers only fight over them.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: UNIT,
          setupFiles: ['tests/unit-setup.ts'],
          pool: 'threads',
          // Pure tests share their modules: re-importing cheerio and zod for every file was most of the time.
          isolate: false,
          // A misfiled test waiting on Redis hangs rather than fails: it is stopped sooner here.
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          // The chaos suite runs on its own: `npm run test:chaos` (vitest.chaos.config.ts).
          exclude: [...configDefaults.exclude, 'tests/chaos/**', ...UNIT],
          // Builds dist/ if stale (the CLI tests run the compiled CLI), and shares a migrated PGlite.
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Tests start CLI processes and servers and tear them down: worker processes keep them apart
          // from the runner.
          pool: 'forks',
          // A worker process runs file after file: re-importing PGlite, BullMQ and the store for every
          // file was half the CPU of the in-process tests. They mock nothing; the module state they
          // share (metrics counters, the redaction list) only accumulates, under labels of each file's own.
          isolate: false,
        },
      },
    ],
  },
});
