import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadVocabulary, type Vocabulary } from '../cluster/index.js';
import { loadFeedsConfig, type FeedConfig } from '../config/feeds-config.js';
import { missingSecrets } from '../config/watchlists-config.js';
import type { LoadedWatchlists } from '../pipeline/evaluate-alerts.js';
import { loadSettings, type Settings } from '../config/settings.js';
import { HttpClient } from '../fetch/index.js';
import { createLogger, type Logger } from '../log.js';
import { databaseTarget, openStore, type Store } from '../store/index.js';
import { UserError } from './user-error.js';

export interface CommonOptions {
  config?: string;
  /** A data directory chosen by the user (`--data` or PARALLAX_DATA_DIR), not the default. */
  data?: string;
  /** Create the embedded database in `data` when it holds none (commands that write only). */
  init?: boolean;
}

/** PGlite writes PG_VERSION when it creates a database: a directory without it holds none. */
export function holdsEmbeddedStore(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

/**
 * Settings from the environment, with command-line flags taking precedence. A data directory the
 * user named must already hold a database unless `--init` is given, so that a typo is an error
 * rather than a new empty store; the default (./data) is created on first use, so that `npm start`
 * works on a fresh clone. Checked here, before the command does anything.
 */
export function settingsFor(opts: CommonOptions, use: { creates?: boolean } = {}): Settings {
  const settings = loadSettings();
  if (opts.data) settings.dataDir = resolve(opts.data);
  if (opts.config) settings.configFile = opts.config;
  if (opts.data && !opts.init && settings.databaseUrl === null && !holdsEmbeddedStore(settings.dataDir)) {
    const remedy = use.creates ? 'give --init to create one there' : '`parallax run-once --init` or `start --init` creates one';
    throw new UserError(`--data ${settings.dataDir}: no Parallax database there (a typo? ${remedy})`);
  }
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
