import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ChannelConfig } from '../alerts/channels/types.js';
import type { FeedExtractRules } from '../config/feeds-config.js';
import type { AlertPayload, DeliveryMode, DeliveryStatus, TriggerName } from '../alerts/types.js';

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A timestamp the database fills in when the insert leaves it out. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** Feeds mirror config/feeds.yaml plus their health; a feed removed from config is deactivated, not deleted. */
export interface FeedsTable {
  id: string;
  url: string;
  outlet: string;
  country: string;
  language: string;
  interval_ms: number;
  tags: Json<string[]>;
  robots: boolean;
  active: boolean;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  last_poll_at: NullableTimestamp;
  last_success_at: NullableTimestamp;
  /** Not before this time (back-off after errors, Retry-After); null means "when the schedule fires". */
  next_poll_at: NullableTimestamp;
  consecutive_errors: Generated<number>;
  last_error: string | null;
  last_error_kind: string | null;
  last_http_status: number | null;
  items_total: Generated<number>;
  /** The feed's `extract:` block from config/feeds.yaml, or null. */
  extract_rules: Json<FeedExtractRules> | null;
  /** Entries its keep/block patterns left out of the last poll (a blocked entry is seen again at every poll). */
  blocked_last_poll: Generated<number>;
  /** Pages its content selector matched nothing on (the general extractor was used instead). */
  rule_misses: Generated<number>;
  last_rule_miss_at: NullableTimestamp;
  last_rule_miss_url: string | null;
  /** The cap on items taken from one poll (FeedConfig.maxItems). */
  max_items: Generated<number>;
  /** Items the last successful poll left out because of the cap (0: none). */
  last_items_dropped: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

/**
 * The article's lifecycle, one value at a time:
 * pending: discovered in a feed, page not fetched yet;
 * extracted: page fetched, main text extracted from it;
 * feed-content: page not usable (fetch failed, or not an article), the feed's own content kept.
 */
export type ArticleStatus = 'pending' | 'extracted' | 'feed-content';

export interface ArticlesTable {
  /** First 16 hex digits of SHA-256 of the canonical URL: also the fetch-article job id. */
  id: string;
  url: string;
  feed_id: string;
  guid: string;
  outlet: string;
  country: string;
  language: string;
  status: ArticleStatus;
  title: string;
  byline: string | null;
  published: NullableTimestamp;
  modified: NullableTimestamp;
  summary: string | null;
  feed_content_html: string | null;
  feed_categories: Json<string[]>;
  image: string | null;
  /** Article page as fetched (decoded), for re-extraction when the extractor improves. */
  html: string | null;
  final_url: string | null;
  text: string | null;
  /** What extraction found beyond the columns above (site name, description, blocks count...). */
  extraction: Json<Record<string, unknown>> | null;
  fetch_error: string | null;
  fetch_error_kind: string | null;
  http_status: number | null;
  duplicate_of: string | null;
  event_id: string | null;
  /** Position in the assignment log (see migrations/0002-events.ts); null until assigned. */
  event_seq: number | null;
  /** Why the article joined its event (shared terms and keys, score). */
  event_why: Json<Record<string, unknown>> | null;
  /** Its words for full-text search (src/search/document.ts), written with every change of title or text. */
  search: ColumnType<string, string | undefined, string>;
  discovered_at: GeneratedTimestamp;
  fetched_at: NullableTimestamp;
}

/** One row per poll: what happened, for `feeds list` and the operations view. */
export interface PollsTable {
  id: Generated<number>;
  feed_id: string;
  at: GeneratedTimestamp;
  outcome: 'ok' | 'not-modified' | 'error' | 'skipped';
  http_status: number | null;
  items: number;
  new_items: number;
  /** Items left out by the feed's cap (the oldest). */
  items_dropped: Generated<number>;
  elapsed_ms: number;
  error_kind: string | null;
  message: string | null;
}

/** An event: its record (as the clusterer made it) and where it went if merged. */
export interface EventsTable {
  id: string;
  title: string;
  first_seen: Date;
  last_updated: Date;
  article_count: number;
  record: Json<Record<string, unknown>>;
  merged_into: string | null;
  updated_at: GeneratedTimestamp;
}

/** The event clusterer's state as of log position `seq` (src/pipeline/assign-event.ts). */
export interface EventSnapshotsTable {
  seq: number;
  /** The clusterer, options and vocabulary that made it: another identity's state is not resumed. */
  identity: string;
  /** The encoded state (src/cluster/state-codec.ts). */
  state: Uint8Array;
  created_at: GeneratedTimestamp;
}

/** An event's stored comparison (src/compare); current while version and event_updated_at match. */
export interface ComparisonsTable {
  event_id: string;
  /** COMPARE_VERSION of the stage that computed it: another version is redone. */
  version: number;
  article_count: number;
  /** The `events.updated_at` of the state compared: an event changed since has a stale comparison. */
  event_updated_at: Date | string;
  computed_at: GeneratedTimestamp;
  record: Json<Record<string, unknown>>;
}

/**
 * One message to send: an alert on one channel, or a rule's digest on one channel for one period.
 * `id` is the X-Parallax-Delivery header. Alerts of digest rules wait here (digest_id null) until
 * the digest job gathers them; their status then follows the digest's.
 */
export interface DeliveriesTable {
  id: string;
  kind: 'alert' | 'digest';
  rule: string;
  channel: string;
  /** The channel as configured when the alert was raised (names of secrets' variables, never secrets). */
  channel_config: Json<ChannelConfig>;
  mode: DeliveryMode;
  alert_id: string | null;
  event_id: string | null;
  trigger: TriggerName | null;
  payload: Json<AlertPayload> | null;
  period_start: NullableTimestamp;
  digest_id: string | null;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  attempts: Generated<number>;
  last_status: number | null;
  last_error: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  sent_at: NullableTimestamp;
}

export interface DeliveryAttemptsTable {
  id: Generated<number>;
  delivery_id: string;
  attempt: number;
  at: GeneratedTimestamp;
  ok: boolean;
  status: number | null;
  error: string | null;
  elapsed_ms: number;
}

/** One alert (src/alerts/types.ts AlertRecord); `id` is its idempotency key. */
export interface AlertsTable {
  id: string;
  rule: string;
  trigger: string;
  event_id: string;
  mode: string;
  channels: Json<string[]>;
  payload: Json<Record<string, unknown>>;
  /** pending until delivery takes it; then delivery's (sent, retrying, dead). */
  status: Generated<string>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

/** What alert evaluation remembers per (rule, event); `version` guards against racing writers. */
export interface AlertStatesTable {
  rule: string;
  event_id: string;
  state: Json<Record<string, unknown>>;
  version: number;
  updated_at: GeneratedTimestamp;
}

/** The state of an event (its `events.updated_at`) the watchlists last evaluated. */
export interface AlertEvaluationsTable {
  event_id: string;
  event_updated_at: Date | string;
  evaluated_at: GeneratedTimestamp;
}

export interface Database {
  feeds: FeedsTable;
  articles: ArticlesTable;
  polls: PollsTable;
  events: EventsTable;
  event_snapshots: EventSnapshotsTable;
  comparisons: ComparisonsTable;
  deliveries: DeliveriesTable;
  delivery_attempts: DeliveryAttemptsTable;
  alerts: AlertsTable;
  alert_states: AlertStatesTable;
  alert_evaluations: AlertEvaluationsTable;
}

export type FeedRow = Selectable<FeedsTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type EventRow = Selectable<EventsTable>;
export type ComparisonRow = Selectable<ComparisonsTable>;
export type DeliveryRow = Selectable<DeliveriesTable>;
export type AlertRow = Selectable<AlertsTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
