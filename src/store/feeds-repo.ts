import { sql } from 'kysely';
import { DEFAULT_MAX_ITEMS, type FeedConfig } from '../config/feeds-config.js';
import type { Db } from './database.js';
import type { FeedRow } from './schema.js';

export interface FeedSyncResult {
  added: string[];
  changed: string[];
  removed: string[];
}

export interface PollRecord {
  at: Date;
  elapsedMs: number;
  httpStatus: number | null;
}

/** JSON with its keys sorted: jsonb gives keys back in its own order, so raw strings differ. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v);
}

/** All SQL about feeds and their health. */
export class FeedsRepo {
  constructor(private readonly db: Db) {}

  /** Makes the stored feeds match the config: added and changed feeds upserted, missing ones deactivated. */
  async sync(configs: FeedConfig[]): Promise<FeedSyncResult> {
    return this.db.transaction().execute(async (trx) => {
      const existing = new Map((await trx.selectFrom('feeds').selectAll().execute()).map((f) => [f.id, f]));
      const result: FeedSyncResult = { added: [], changed: [], removed: [] };
      for (const c of configs) {
        const row = {
          url: c.url,
          outlet: c.outlet,
          country: c.country,
          language: c.language,
          interval_ms: c.intervalMs,
          tags: JSON.stringify(c.tags),
          robots: c.robots,
          extract_rules: c.extract ? JSON.stringify(c.extract) : null,
          max_items: c.maxItems ?? DEFAULT_MAX_ITEMS,
          active: true,
        };
        const old = existing.get(c.id);
        if (!old) {
          await trx.insertInto('feeds').values({ id: c.id, ...row }).execute();
          result.added.push(c.id);
        } else if (
          old.url !== c.url || old.outlet !== c.outlet || old.country !== c.country || old.language !== c.language ||
          old.interval_ms !== c.intervalMs || JSON.stringify(old.tags) !== row.tags || old.robots !== c.robots ||
          old.max_items !== row.max_items || !old.active ||
          canonicalJson(old.extract_rules) !== canonicalJson(c.extract)
        ) {
          // A new URL is a new resource: its validators and error streak belong to the old one.
          const reset = old.url !== c.url ? { etag: null, last_modified: null, consecutive_errors: 0, next_poll_at: null } : {};
          // A changed rule starts with a clean record: its misses were the old rule's.
          const ruleReset = canonicalJson(old.extract_rules) !== canonicalJson(c.extract) ? { rule_misses: 0, last_rule_miss_at: null, last_rule_miss_url: null } : {};
          await trx.updateTable('feeds').set({ ...row, ...reset, ...ruleReset, updated_at: new Date() }).where('id', '=', c.id).execute();
          result.changed.push(c.id);
        }
      }
      const wanted = new Set(configs.map((c) => c.id));
      for (const [id, f] of existing) {
        if (!wanted.has(id) && f.active) {
          await trx.updateTable('feeds').set({ active: false, updated_at: new Date() }).where('id', '=', id).execute();
          result.removed.push(id);
        }
      }
      return result;
    });
  }

  /** Counts a page the feed's content selector matched nothing on. */
  async recordRuleMiss(id: string, url: string, at = new Date()): Promise<void> {
    await this.db
      .updateTable('feeds')
      .set((eb) => ({ rule_misses: eb('rule_misses', '+', 1), last_rule_miss_at: at, last_rule_miss_url: url }))
      .where('id', '=', id)
      .execute();
  }

  async get(id: string): Promise<FeedRow | undefined> {
    return this.db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(options: { activeOnly?: boolean } = {}): Promise<FeedRow[]> {
    let q = this.db.selectFrom('feeds').selectAll().orderBy('id');
    if (options.activeOnly) q = q.where('active', '=', true);
    return q.execute();
  }

  async recordSuccess(
    id: string,
    poll: PollRecord & { etag: string | null; lastModified: string | null; title: string | null; items: number; newItems: number; blocked?: number; itemsDropped?: number },
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('feeds')
        .set({
          etag: poll.etag,
          last_modified: poll.lastModified,
          ...(poll.title ? { title: poll.title } : {}),
          last_poll_at: poll.at,
          last_success_at: poll.at,
          next_poll_at: null,
          consecutive_errors: 0,
          last_error: null,
          last_error_kind: null,
          last_http_status: poll.httpStatus,
          items_total: sql`items_total + ${poll.newItems}`,
          ...(poll.blocked !== undefined ? { blocked_last_poll: poll.blocked } : {}),
          // A 304 says nothing new about the feed's size: the last count stands.
          ...(poll.httpStatus === 304 ? {} : { last_items_dropped: poll.itemsDropped ?? 0 }),
          updated_at: poll.at,
        })
        .where('id', '=', id)
        .execute();
      await trx
        .insertInto('polls')
        .values({
          feed_id: id,
          at: poll.at,
          outcome: poll.httpStatus === 304 ? 'not-modified' : 'ok',
          http_status: poll.httpStatus,
          items: poll.items,
          new_items: poll.newItems,
          items_dropped: poll.itemsDropped ?? 0,
          elapsed_ms: Math.round(poll.elapsedMs),
          error_kind: null,
          message: null,
        })
        .execute();
    });
  }

  /** Records a failed poll; returns the new error streak so the caller can compute the back-off. */
  async recordFailure(
    id: string,
    poll: PollRecord & { kind: string; message: string; nextPollAt: (streak: number) => Date },
  ): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('feeds')
        .set({
          last_poll_at: poll.at,
          consecutive_errors: sql`consecutive_errors + 1`,
          last_error: poll.message,
          last_error_kind: poll.kind,
          last_http_status: poll.httpStatus,
          updated_at: poll.at,
        })
        .where('id', '=', id)
        .returning('consecutive_errors')
        .executeTakeFirstOrThrow();
      const streak = row.consecutive_errors;
      await trx.updateTable('feeds').set({ next_poll_at: poll.nextPollAt(streak) }).where('id', '=', id).execute();
      await trx
        .insertInto('polls')
        .values({
          feed_id: id,
          at: poll.at,
          outcome: 'error',
          http_status: poll.httpStatus,
          items: 0,
          new_items: 0,
          elapsed_ms: Math.round(poll.elapsedMs),
          error_kind: poll.kind,
          message: poll.message,
        })
        .execute();
      return streak;
    });
  }

  async recentPolls(id: string, limit = 20) {
    return this.db.selectFrom('polls').selectAll().where('feed_id', '=', id).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }
}
