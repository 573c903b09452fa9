import { resolve } from 'node:path';
import { z } from 'zod';
import { SHIPPED } from '../shipped-files.js';

/** Long enough that guessing it over the network is hopeless; empty means unset. */
export const MIN_TOKEN_LENGTH = 16;
const token = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s === '' || s.length >= MIN_TOKEN_LENGTH, `must be at least ${MIN_TOKEN_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`)
  .transform((s) => s || undefined);

/**
 * Settings from the environment, validated once at start-up. Every default is documented in the
 * environment table of docs/configuration.md; keep the two in step.
 */
const envSchema = z.object({
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Unset: embedded PGlite in the data directory. */
  DATABASE_URL: z.string().optional(),
  PARALLAX_DATA_DIR: z.string().default('./data'),
  PARALLAX_CONFIG: z.string().default('config/feeds.yaml'),
  /** The multilingual vocabulary of event keys (places, groups, institutions, topics, actions). */
  PARALLAX_VOCABULARY_DIR: z.string().optional(),
  /** Watchlists file (config/watchlists.yaml's shape); unset: no alerts are evaluated. */
  PARALLAX_WATCHLISTS: z.string().optional(),
  /** Where analysts reach the web page: alerts link to PARALLAX_PUBLIC_URL/events/:id. */
  PARALLAX_PUBLIC_URL: z.string().optional(),
  PARALLAX_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  PARALLAX_HOST: z.string().default('127.0.0.1'),
  /** Prefix of every BullMQ key, so several deployments (or test runs) can share one Redis. */
  PARALLAX_QUEUE_PREFIX: z.string().min(1).default('parallax'),
  /** fetch-article jobs run at once in one process (network-bound, so more than cores). */
  PARALLAX_ARTICLE_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  PARALLAX_FEED_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** BullMQ lock duration: a job whose worker died is retried after this long (stalled-job recovery). */
  PARALLAX_JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  PARALLAX_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
  PARALLAX_USER_AGENT: z.string().optional(),
  /** 1: article links and redirects off a feed's origin may reach loopback, private and link-local addresses. */
  PARALLAX_ALLOW_PRIVATE_NETWORKS: z.enum(['0', '1', ''], { error: 'must be 1 (allow) or 0 (refuse, the default)' }).default('0'),
  /** Politeness towards each outlet's server: requests at once, and the least time between two starts. */
  PARALLAX_HOST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  PARALLAX_HOST_GAP_MS: z.coerce.number().int().min(0).default(250),
  /** How long a stored article waits before event assignment, so that a burst is clustered in publication order. */
  PARALLAX_EVENT_SETTLE_MS: z.coerce.number().int().min(0).default(5000),
  /** Event decisions between two snapshots of the clusterer's state in the store: a restart replays at most about this many. */
  PARALLAX_EVENT_SNAPSHOT_EVERY: z.coerce.number().int().min(1).default(1000),
  /** How long a changed event waits before it is compared, so that a burst of its articles is compared once. */
  PARALLAX_COMPARE_DELAY_MS: z.coerce.number().int().min(0).default(2000),
  /** Alert delivery: tries per message, the first retry's delay (doubling after each), each try's time limit, sends at once. */
  PARALLAX_DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(() => DEFAULT_DELIVERY_SETTINGS.attempts),
  PARALLAX_DELIVERY_BACKOFF_MS: z.coerce.number().int().min(0).default(() => DEFAULT_DELIVERY_SETTINGS.backoffMs),
  PARALLAX_DELIVERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(() => DEFAULT_DELIVERY_SETTINGS.timeoutMs),
  PARALLAX_DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(() => DEFAULT_DELIVERY_SETTINGS.concurrency),
  /** Credentials of the HTTP surfaces (src/api/access.ts); unset: no token asked, and only loopback listening allowed. */
  PARALLAX_API_TOKEN: token.optional(),
  /** A token for /metrics alone (a scraper need not hold the API token); the API token works there too. */
  PARALLAX_METRICS_TOKEN: token.optional(),
  /** Host header names the API answers to, comma-separated (`*`: any); unset: the listen address and loopback names. */
  PARALLAX_ALLOWED_HOSTS: z.string().optional(),
  /** How often `start` looks for schedulers missing from Redis (besides after each reconnection) and re-creates them. */
  PARALLAX_SCHEDULER_CHECK_MS: z.coerce.number().int().min(1000).default(60_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Settings = {
  redisUrl: string;
  databaseUrl: string | null;
  dataDir: string;
  configFile: string;
  vocabularyDir: string;
  watchlistsFile: string | null;
  publicUrl: string | null;
  port: number;
  host: string;
  queuePrefix: string;
  articleConcurrency: number;
  feedConcurrency: number;
  jobLockMs: number;
  maxBodyBytes: number;
  userAgent: string | null;
  allowPrivateNetworks: boolean;
  hostConcurrency: number;
  hostGapMs: number;
  eventSettleMs: number;
  eventSnapshotEvery: number;
  compareDelayMs: number;
  delivery: DeliverySettings;
  /** Bearer token every HTTP route but /healthz asks for; null: none asked. */
  apiToken: string | null;
  /** A second token accepted on /metrics only. */
  metricsToken: string | null;
  /** Host header names answered (`*` for any); null: derived from the listen address. */
  allowedHosts: string[] | null;
  schedulerCheckMs: number;
  logLevel: z.output<typeof envSchema>['LOG_LEVEL'];
};

/** How alerts are sent: the queue's retries and each try's limits. */
export interface DeliverySettings {
  /** Tries per message, the first included; after the last failed one the delivery is dead. */
  attempts: number;
  /** Delay before the first retry; it doubles after each failure (exponential back-off). */
  backoffMs: number;
  /** One HTTP request or SMTP session is given up on after this long. */
  timeoutMs: number;
  concurrency: number;
}

/** The delivery settings when the environment sets none (PARALLAX_DELIVERY_* defaults). */
export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = { attempts: 8, backoffMs: 10_000, timeoutMs: 10_000, concurrency: 4 };

export class SettingsError extends Error {}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const r = envSchema.safeParse(env);
  if (!r.success) {
    throw new SettingsError(
      r.error.issues.map((i) => `environment variable ${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  }
  const e = r.data;
  return {
    redisUrl: e.REDIS_URL,
    databaseUrl: e.DATABASE_URL && e.DATABASE_URL.trim() !== '' ? e.DATABASE_URL : null,
    dataDir: resolve(e.PARALLAX_DATA_DIR),
    configFile: e.PARALLAX_CONFIG,
    vocabularyDir: e.PARALLAX_VOCABULARY_DIR ? resolve(e.PARALLAX_VOCABULARY_DIR) : SHIPPED.vocabulary,
    watchlistsFile: e.PARALLAX_WATCHLISTS?.trim() ? e.PARALLAX_WATCHLISTS : null,
    publicUrl: e.PARALLAX_PUBLIC_URL?.trim() ? e.PARALLAX_PUBLIC_URL : null,
    port: e.PARALLAX_PORT,
    host: e.PARALLAX_HOST,
    queuePrefix: e.PARALLAX_QUEUE_PREFIX,
    articleConcurrency: e.PARALLAX_ARTICLE_CONCURRENCY,
    feedConcurrency: e.PARALLAX_FEED_CONCURRENCY,
    jobLockMs: e.PARALLAX_JOB_LOCK_MS,
    maxBodyBytes: e.PARALLAX_MAX_BODY_BYTES,
    userAgent: e.PARALLAX_USER_AGENT ?? null,
    allowPrivateNetworks: e.PARALLAX_ALLOW_PRIVATE_NETWORKS === '1',
    hostConcurrency: e.PARALLAX_HOST_CONCURRENCY,
    hostGapMs: e.PARALLAX_HOST_GAP_MS,
    eventSettleMs: e.PARALLAX_EVENT_SETTLE_MS,
    eventSnapshotEvery: e.PARALLAX_EVENT_SNAPSHOT_EVERY,
    compareDelayMs: e.PARALLAX_COMPARE_DELAY_MS,
    delivery: {
      attempts: e.PARALLAX_DELIVERY_ATTEMPTS,
      backoffMs: e.PARALLAX_DELIVERY_BACKOFF_MS,
      timeoutMs: e.PARALLAX_DELIVERY_TIMEOUT_MS,
      concurrency: e.PARALLAX_DELIVERY_CONCURRENCY,
    },
    apiToken: e.PARALLAX_API_TOKEN ?? null,
    metricsToken: e.PARALLAX_METRICS_TOKEN ?? null,
    allowedHosts: e.PARALLAX_ALLOWED_HOSTS?.trim() ? e.PARALLAX_ALLOWED_HOSTS.split(',').map((h) => h.trim()).filter(Boolean) : null,
    schedulerCheckMs: e.PARALLAX_SCHEDULER_CHECK_MS,
    logLevel: e.LOG_LEVEL,
  };
}
