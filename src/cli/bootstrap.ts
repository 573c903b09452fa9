import { loadVocabulary, type Vocabulary } from '../cluster/index.js';
import { loadFeedsConfig, type FeedConfig } from '../config/feeds-config.js';
import { missingSecrets } from '../config/watchlists-config.js';
import type { LoadedWatchlists } from '../pipeline/evaluate-alerts.js';
import { loadSettings, type Settings } from '../config/settings.js';
import { HttpClient } from '../fetch/index.js';
import { createLogger, type Logger } from '../log.js';
import { databaseTarget, openStore, type Store } from '../store/index.js';
import { openStoreWhenReachable } from '../store/reachable.js';

export interface CommonOptions {
  config?: string;
  data?: string;
}

/** Settings from the environment, with command-line flags taking precedence. */
export function settingsFor(opts: CommonOptions): Settings {
  const settings = loadSettings();
  if (opts.data) settings.dataDir = opts.data;
  if (opts.config) settings.configFile = opts.config;
  return settings;
}

export function loadFeeds(settings: Settings): FeedConfig[] {
  return loadFeedsConfig(settings.configFile);
}

export function loadVocabularyFor(settings: Settings): Vocabulary {
  return loadVocabulary(settings.vocabularyDir);
}

export function openStoreFor(settings: Settings, poolSize?: number): Promise<Store> {
  return openStore(databaseTarget(settings.databaseUrl, settings.dataDir), { poolSize });
}

/** For long-running processes: waits (logged, with back-off) while the database cannot be reached, and logs lost connections. */
export function openStoreWhenReachableFor(settings: Settings, log: Logger): Promise<Store> {
  return openStoreWhenReachable(databaseTarget(settings.databaseUrl, settings.dataDir), { log });
}

export function httpClientFor(settings: Settings): HttpClient {
  return new HttpClient({
    maxBodyBytes: settings.maxBodyBytes,
    perHostConcurrency: settings.hostConcurrency,
    perHostGapMs: settings.hostGapMs,
    ...(settings.userAgent ? { userAgent: settings.userAgent } : {}),
  });
}

export function loggerFor(settings: Settings): Logger {
  return createLogger(settings.logLevel);
}

/** A channel whose secret's variable is unset will fail every delivery: say so at start-up. */
export function warnMissingSecrets(watchlists: LoadedWatchlists, log: Logger): void {
  const missing = missingSecrets(watchlists.config);
  if (missing.length > 0) log.warn({ variables: missing }, `${watchlists.file}: channels name environment variables that are not set: ${missing.join(', ')}`);
}
