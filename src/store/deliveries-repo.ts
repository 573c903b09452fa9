import { sql } from 'kysely';
import type { ChannelConfig } from '../alerts/channels/types.js';
import { digestDeliveryId, periodStart, type AlertDelivery, type DigestMode } from '../alerts/delivery-id.js';
import type { AlertPayload, AlertRecord, DeliveryAttempt, DeliveryStatus } from '../alerts/types.js';
import type { Db } from './database.js';
import { attemptView, deliveryView, type DeliveryView } from './delivery-view.js';
import type { DeliveryRow } from './schema.js';

export interface AttemptRecord {
  ok: boolean;
  /** HTTP status or SMTP response code, when there was one. */
  status: number | null;
  error: string | null;
  elapsedMs: number;
  /** The queue will not try again: a failure is a dead letter. */
  final: boolean;
}

/** All SQL about deliveries and their attempts. */
export class DeliveriesRepo {
  constructor(private readonly db: Db) {}

  /**
   * Stores a new alert's deliveries (alertDeliveries: one per channel; a no-op for those already
   * stored) and returns the ids to send now and those left for a digest. Each delivery keeps its
   * own copy of its channel's configuration.
   */
  async addAlert(alert: AlertRecord, deliveries: readonly AlertDelivery[], at: Date = new Date()): Promise<{ now: string[]; digest: string[] }> {
    const rows = deliveries.map((d) => ({
        id: d.id,
        kind: 'alert' as const,
        rule: alert.rule,
        channel: d.channel,
        channel_config: JSON.stringify(d.config),
        mode: alert.mode,
        alert_id: alert.id,
        event_id: alert.eventId,
        trigger: alert.trigger,
        payload: JSON.stringify(alert.payload),
        created_at: at,
        updated_at: at,
    }));
    if (rows.length > 0) await this.db.insertInto('deliveries').values(rows).onConflict((c) => c.column('id').doNothing()).execute();
    const ids = rows.map((r) => r.id);
    return alert.mode === 'now' ? { now: ids, digest: [] } : { now: [], digest: ids };
  }

  async get(id: string): Promise<DeliveryRow | undefined> {
    return this.db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The alerts a digest carries, oldest first. */
  async digestAlerts(digestId: string): Promise<AlertPayload[]> {
    const rows = await this.db.selectFrom('deliveries').select('payload').where('digest_id', '=', digestId).orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => r.payload!);
  }

  /**
   * Stores one attempt and the delivery's new state in one transaction. A delivery already sent
   * stays sent, whatever a late duplicate attempt reports. Returns the attempt's number.
   */
  async recordAttempt(id: string, a: AttemptRecord, at: Date = new Date()): Promise<{ attempt: number; status: DeliveryStatus }> {
    return this.db.transaction().execute(async (trx) => {
      const next: DeliveryStatus = a.ok ? 'sent' : a.final ? 'dead' : 'retrying';
      const row = await trx
        .updateTable('deliveries')
        .set({
          attempts: sql`attempts + 1`,
          status: sql`case when status = 'sent' then 'sent' else ${next} end`,
          last_status: a.status,
          last_error: a.ok ? null : a.error,
          sent_at: a.ok ? sql`coalesce(sent_at, ${at})` : sql`sent_at`,
          updated_at: at,
        })
        .where('id', '=', id)
        .returning(['attempts', 'status'])
        .executeTakeFirstOrThrow(() => new Error(`no delivery ${id}`));
      await trx
        .insertInto('delivery_attempts')
        .values({ delivery_id: id, attempt: row.attempts, at, ok: a.ok, status: a.status, error: a.error, elapsed_ms: Math.round(a.elapsedMs) })
        .execute();
      // The alerts a digest carries share its fate.
      await trx.updateTable('deliveries').set({ status: row.status, updated_at: at }).where('digest_id', '=', id).where('status', '<>', 'sent').execute();
      return { attempt: row.attempts, status: row.status };
    });
  }

  /**
   * Gathers the waiting alerts of digest rules created before the last period ended into one
   * digest per (rule, channel), named for that period, and returns the ids of every digest not yet
   * tried (new, or left by an earlier run whose job was lost). A digest's alerts are fixed when it
   * is created, so every try sends the same message: an alert committed late, after its period's
   * digest exists, waits for the next one. Rows are locked while gathered, so two runs at once
   * cannot put one alert into two digests.
   */
  async gatherDigests(mode: DigestMode, now: Date = new Date()): Promise<string[]> {
    const windowEnd = periodStart(mode, now);
    // The period that just ended.
    const windowStart = periodStart(mode, new Date(windowEnd.getTime() - 1));
    return this.db.transaction().execute(async (trx) => {
      const waiting = await trx
        .selectFrom('deliveries')
        .select(['id', 'rule', 'channel', 'channel_config'])
        .where('kind', '=', 'alert')
        .where('mode', '=', mode)
        .where('digest_id', 'is', null)
        .where('created_at', '<', windowEnd)
        .orderBy('created_at')
        .forUpdate()
        .skipLocked()
        .execute();
      const groups = new Map<string, { rule: string; channel: string; config: ChannelConfig; members: string[] }>();
      for (const r of waiting) {
        const id = digestDeliveryId(r.rule, r.channel, mode, windowStart);
        const g = groups.get(id) ?? { rule: r.rule, channel: r.channel, config: r.channel_config, members: [] };
        // The channel as configured most recently.
        g.config = r.channel_config;
        g.members.push(r.id);
        groups.set(id, g);
      }
      for (const [id, g] of groups) {
        const created = await trx
          .insertInto('deliveries')
          .values({ id, kind: 'digest', rule: g.rule, channel: g.channel, channel_config: JSON.stringify(g.config), mode, period_start: windowStart, created_at: now, updated_at: now })
          .onConflict((c) => c.column('id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (created) await trx.updateTable('deliveries').set({ digest_id: id, updated_at: now }).where('id', 'in', g.members).execute();
      }
      const untried = await trx
        .selectFrom('deliveries')
        .select('id')
        .where('kind', '=', 'digest')
        .where('mode', '=', mode)
        .where('status', '=', 'pending')
        .orderBy('period_start')
        .execute();
      return untried.map((r) => r.id);
    });
  }

  /**
   * Deliveries of immediate alerts not yet sent nor dead and untouched since `before` (pending, or
   * retrying between attempts): their job may have been lost (Redis flushed, a crash after storing)
   * or failed outside the processor (stalled twice), so nothing would ever try them again.
   */
  async waitingNow(before: Date): Promise<string[]> {
    const rows = await this.db
      .selectFrom('deliveries')
      .select('id')
      .where('kind', '=', 'alert')
      .where('mode', '=', 'now')
      .where('status', 'in', ['pending', 'retrying'])
      .where('updated_at', '<', before)
      .execute();
    return rows.map((r) => r.id);
  }

  async attempts(deliveryId: string): Promise<DeliveryAttempt[]> {
    const delivery = await this.get(deliveryId);
    if (!delivery) return [];
    const rows = await this.db.selectFrom('delivery_attempts').selectAll().where('delivery_id', '=', deliveryId).orderBy('attempt').execute();
    return rows.map((r) => attemptView(r, delivery));
  }

  /** How each alert fared on each of its channels: for `alerts list` and GET /api/alerts. */
  async forAlerts(alertIds: string[]): Promise<Map<string, DeliveryView[]>> {
    const out = new Map<string, DeliveryView[]>();
    if (alertIds.length === 0) return out;
    const rows = await this.db.selectFrom('deliveries').selectAll().where('alert_id', 'in', alertIds).orderBy('channel').execute();
    const digestIds = [...new Set(rows.map((r) => r.digest_id).filter((d): d is string => d !== null))];
    const digests = new Map(
      digestIds.length ? (await this.db.selectFrom('deliveries').selectAll().where('id', 'in', digestIds).execute()).map((d) => [d.id, d]) : [],
    );
    for (const r of rows) {
      const list = out.get(r.alert_id!) ?? [];
      list.push(deliveryView(r, r.digest_id ? digests.get(r.digest_id) : undefined));
      out.set(r.alert_id!, list);
    }
    return out;
  }

  /**
   * Alerts (AlertView, or anything with an id) with how each fared on each channel: what
   * `parallax alerts list` and GET /api/alerts show beside the alert.
   */
  async attach<T extends { id: string }>(alerts: T[]): Promise<(T & { deliveries: DeliveryView[] })[]> {
    const byAlert = await this.forAlerts(alerts.map((a) => a.id));
    return alerts.map((a) => ({ ...a, deliveries: byAlert.get(a.id) ?? [] }));
  }

  /** Deliveries by state, newest first: dead letters for the operations view. */
  async list(options: { status?: DeliveryStatus; limit?: number } = {}): Promise<DeliveryRow[]> {
    let q = this.db.selectFrom('deliveries').selectAll().orderBy('updated_at', 'desc').limit(options.limit ?? 100);
    if (options.status) q = q.where('status', '=', options.status);
    return q.execute();
  }
}
