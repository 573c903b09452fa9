import { formatDuration } from '../config/duration.js';
import type { FeedExtractRules } from '../config/feeds-config.js';
import type { FeedRow } from './schema.js';

/** A feed with its health, as `feeds list --json` and `GET /api/feeds` show it. */
export interface FeedView {
  id: string;
  url: string;
  outlet: string;
  country: string;
  language: string;
  interval: string;
  tags: string[];
  robots: boolean;
  active: boolean;
  title: string | null;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  nextPollAt: string | null;
  consecutiveErrors: number;
  lastError: string | null;
  lastErrorKind: string | null;
  lastHttpStatus: number | null;
  itemsTotal: number;
  /** The desk's `extract:` rules for this outlet, as configured. */
  extract: FeedExtractRules | null;
  /** Entries the keep/block patterns left out of the last poll. */
  blockedLastPoll: number;
  /** Pages the content selector matched nothing on since the rule was set: it may have gone stale. */
  ruleMisses: number;
  lastRuleMissAt: string | null;
  lastRuleMissUrl: string | null;
  /** Most items one poll takes (the newest); older ones are left out and counted. */
  maxItems: number;
  /** Items the last successful poll left out because of maxItems: a feed serving far more than it should. */
  itemsDropped: number;
  /** ok: last poll succeeded; failing: in back-off after errors; new: never polled. */
  health: 'ok' | 'failing' | 'new';
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function feedView(f: FeedRow): FeedView {
  return {
    id: f.id,
    url: f.url,
    outlet: f.outlet,
    country: f.country,
    language: f.language,
    interval: formatDuration(f.interval_ms),
    tags: f.tags,
    robots: f.robots,
    active: f.active,
    title: f.title,
    lastPollAt: iso(f.last_poll_at),
    lastSuccessAt: iso(f.last_success_at),
    nextPollAt: iso(f.next_poll_at),
    consecutiveErrors: f.consecutive_errors,
    lastError: f.last_error,
    lastErrorKind: f.last_error_kind,
    lastHttpStatus: f.last_http_status,
    itemsTotal: f.items_total,
    extract: f.extract_rules ?? null,
    blockedLastPoll: f.blocked_last_poll,
    ruleMisses: f.rule_misses,
    lastRuleMissAt: iso(f.last_rule_miss_at),
    lastRuleMissUrl: f.last_rule_miss_url,
    maxItems: f.max_items,
    itemsDropped: f.last_items_dropped,
    health: f.consecutive_errors > 0 ? 'failing' : f.last_poll_at ? 'ok' : 'new',
  };
}
