import { pino, type Logger } from 'pino';
import { loadVocabulary, type Vocabulary } from '../../src/cluster/index.js';
import { HttpClient } from '../../src/fetch/index.js';
import type { CompareContext } from '../../src/compare/index.js';
import { compareContext } from '../../src/pipeline/compare-event.js';
import { openStore, type Store } from '../../src/store/index.js';
import { openQueues, type Queues, type RunningWorkers, type WorkerSettings } from '../../workers/runtime.js';
import { migratedPgliteMemory } from './migrated-pglite.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from './redis-prefix.js';

/** Worker settings for a test on the shared Redis under its own prefix: one job at a time, no waits. */
export function testWorkerSettings(prefix: string, overrides: Partial<WorkerSettings> = {}): WorkerSettings {
  return { redisUrl: TEST_REDIS_URL, prefix, feedConcurrency: 1, articleConcurrency: 1, lockMs: 30_000, hostGapMs: 0, eventSettleMs: 0, ...overrides };
}

export interface WorkersHarness {
  prefix: string;
  log: Logger;
  vocabulary: Vocabulary;
  http: HttpClient;
  store: Store;
  queues: Queues;
  workers: RunningWorkers | undefined;
  open(): Promise<void>;
  deps(store?: Store): { store: Store; http: HttpClient; log: Logger; vocabulary: Vocabulary; compare: CompareContext };
  settings(overrides?: Partial<WorkerSettings>): WorkerSettings;
  close(): Promise<void>;
}

/**
 * What a workers test on the real Redis sets up and tears down: its own key prefix, a migrated
 * PGlite store, the queues, and the workers' dependencies. `open()` in beforeAll, `close()` in afterAll.
 */
export function workersHarness(): WorkersHarness {
  const prefix = testPrefix();
  const log = pino({ level: 'silent' });
  const vocabulary = loadVocabulary();
  const http = new HttpClient();
  const h: WorkersHarness = {
    prefix,
    log,
    vocabulary,
    http,
    store: undefined as unknown as Store,
    queues: undefined as unknown as Queues,
    workers: undefined,
    async open(): Promise<void> {
      h.store = await openStore(await migratedPgliteMemory());
      h.queues = openQueues({ redisUrl: TEST_REDIS_URL, prefix });
    },
    /** The workers' dependencies, over `store` (a wrapped store, to inject faults) or the harness's. */
    deps(store: Store = h.store) {
      return { store, http, log, vocabulary, compare: compareContext(vocabulary) };
    },
    settings: (overrides: Partial<WorkerSettings> = {}) => testWorkerSettings(prefix, overrides),
    async close(): Promise<void> {
      await h.workers?.close();
      await h.queues?.close();
      await h.store?.close();
      await http.close();
      await dropPrefix(prefix);
    },
  };
  return h;
}
