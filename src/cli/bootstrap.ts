import type { AccessOptions } from '../api/access.js';
import { defaultAllowedHosts, isLoopbackAddress } from '../api/credentials.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadVocabulary, type Vocabulary } from '../cluster/index.js';
import { loadFeedsConfig, type FeedConfig } from '../config/feeds-config.js';
import { missingSecrets } from '../config/watchlists-config.js';
import type { LoadedWatchlists } from '../pipeline/evaluate-alerts.js';
import { loadSettings, type Settings } from '../config/settings.js';
import { HttpClient } from '../fetch/index.js';
import { createLogger, type Logger } from '../log.js';
import { registerSecrets } from '../redact.js';
import { databaseTarget, openStore, type Store } from '../store/index.js';
import { UserError } from './user-error.js';
import { openStoreWhenReachable } from '../store/reachable.js';

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
  registerSecrets(settings.apiToken, settings.metricsToken);
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

/** Connections kept beside the workers' jobs: the one-at-a-time queues (events, compare, alerts), the API and health checks. */
export const POOL_RESERVE = 4;

/**
 * Enough PostgreSQL connections for every job a process runs at once plus POOL_RESERVE: with
 * fewer, jobs queue for a connection while holding their place in the worker's concurrency.
 */
export const poolSizeFor = (settings: Settings): number =>
  settings.feedConcurrency + settings.articleConcurrency + settings.delivery.concurrency + POOL_RESERVE;

/** For long-running processes: waits (logged, with back-off) while the database cannot be reached, and logs lost connections. */
export function openStoreWhenReachableFor(settings: Settings, log: Logger): Promise<Store> {
  return openStoreWhenReachable(databaseTarget(settings.databaseUrl, settings.dataDir), { log, poolSize: poolSizeFor(settings) });
}

export function httpClientFor(settings: Settings): HttpClient {
  return new HttpClient({
    maxBodyBytes: settings.maxBodyBytes,
    perHostConcurrency: settings.hostConcurrency,
    perHostGapMs: settings.hostGapMs,
    allowPrivateNetworks: settings.allowPrivateNetworks,
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

/**
 * Who may use what a process serves over HTTP: the whole API (`start`) or a worker's /metrics.
 * Refuses, before anything else happens, to serve on an address other machines can reach with no
 * token to ask for: anyone there could read every story and pause or empty the queues.
 */
export function httpAccessFor(settings: Settings, serves: 'api' | 'metrics'): AccessOptions {
  const guarded = serves === 'api' ? settings.apiToken : (settings.apiToken ?? settings.metricsToken);
  if (!guarded && !isLoopbackAddress(settings.host)) {
    const needed = serves === 'api' ? 'PARALLAX_API_TOKEN' : 'PARALLAX_METRICS_TOKEN or PARALLAX_API_TOKEN';
    throw new UserError(`refusing to listen on ${settings.host} (not loopback) without ${needed}: set it, or PARALLAX_HOST=127.0.0.1`);
  }
  return { apiToken: settings.apiToken, metricsToken: settings.metricsToken, allowedHosts: settings.allowedHosts ?? defaultAllowedHosts(settings.host) };
}
