import { sql } from 'kysely';
import type { RuleEventState } from '../alerts/triggers.js';
import type { AlertRecord } from '../alerts/types.js';
import { alertRecord, alertView, type AlertView } from './alert-view.js';
import type { DeliveriesRepo } from './deliveries-repo.js';
import type { Db } from './database.js';

/** A remembered (rule, event) state and the version it was read at (null: no row yet). */
export interface StoredRuleState {
  state: RuleEventState;
  version: number | null;
}

/** Another evaluation of the same (rule, event) wrote first: nothing was written; evaluate again. */
export class AlertStateConflictError extends Error {
  constructor(rule: string, eventId: string) {
    super(`alert state of (${rule}, ${eventId}) changed while it was evaluated`);
    this.name = 'AlertStateConflictError';
  }
}

/** The state of an event an evaluation read: its `events.updated_at`, exact (see comparisons-repo). */
export interface EvaluatedState {
  eventId: string;
  eventUpdatedAt: string;
}

/** Records that the watchlists have seen the event as of that state; never moves back. */
async function markEvaluated(db: Db, e: EvaluatedState): Promise<void> {
  await db
    .insertInto('alert_evaluations')
    .values({ event_id: e.eventId, event_updated_at: e.eventUpdatedAt })
    .onConflict((oc) =>
      oc.column('event_id').doUpdateSet({ event_updated_at: sql`greatest(alert_evaluations.event_updated_at, excluded.event_updated_at)`, evaluated_at: sql`now()` }),
    )
    .execute();
}

export interface AlertListFilter {
  limit?: number;
  offset?: number;
  rule?: string;
  eventId?: string;
  status?: string;
}

/** All SQL about alerts and what their evaluation remembers. */
export class AlertsRepo {
  constructor(
    private readonly db: Db,
    /** Each listed alert carries how it fared on each channel (sent, retrying, dead). */
    private readonly deliveries: DeliveriesRepo,
  ) {}

  /** Stores an alert unless its id (the idempotency key) is there already. True when new. */
  async insert(alert: AlertRecord): Promise<boolean> {
    return (await this.insertAll(this.db, [alert])).length === 1;
  }

  private async insertAll(db: Db, alerts: AlertRecord[]): Promise<AlertRecord[]> {
    if (alerts.length === 0) return [];
    const rows = await db
      .insertInto('alerts')
      .values(alerts.map((a) => ({
        id: a.id, rule: a.rule, trigger: a.trigger, event_id: a.eventId, mode: a.mode,
        channels: JSON.stringify(a.channels), payload: JSON.stringify(a.payload),
      })))
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    const inserted = new Set(rows.map((r) => r.id));
    return alerts.filter((a) => inserted.has(a.id));
  }

  /**
   * The remembered state of every rule for an event. States of events merged into it fill in for
   * rules that never saw the survivor, so a merge does not announce the story again.
   */
  async states(eventId: string, mergedFrom: readonly string[] = []): Promise<Map<string, StoredRuleState>> {
    const rows = await this.db
      .selectFrom('alert_states')
      .select(['rule', 'event_id', 'state', 'version'])
      .where('event_id', 'in', [eventId, ...mergedFrom])
      .orderBy('event_id')
      .execute();
    const out = new Map<string, StoredRuleState>();
    for (const r of rows.filter((x) => x.event_id === eventId)) out.set(r.rule, { state: r.state as unknown as RuleEventState, version: r.version });
    for (const r of rows.filter((x) => x.event_id !== eventId)) {
      if (!out.has(r.rule)) out.set(r.rule, { state: { ...(r.state as unknown as RuleEventState), eventId }, version: null });
    }
    return out;
  }

  /** Names of the rules that have matched at least one event (the web page's watchlist filter). */
  async matchedRules(): Promise<string[]> {
    const rows = await this.db.selectFrom('alert_states').select('rule').distinct().orderBy('rule').execute();
    return rows.map((r) => r.rule);
  }

  /**
   * Writes one evaluation atomically: its alerts (those already stored are skipped) and the new
   * states, each only if still at the version it was read at. Returns the alerts that were new:
   * only those go on to delivery. Throws AlertStateConflictError when a racing evaluation wrote a
   * state first; then nothing is written.
   */
  async commitEvaluation(alerts: AlertRecord[], states: { state: RuleEventState; version: number | null }[], evaluated?: EvaluatedState): Promise<AlertRecord[]> {
    return this.db.transaction().execute(async (trx) => {
      if (evaluated) await markEvaluated(trx, evaluated);
      for (const { state, version } of states) {
        const json = JSON.stringify(state);
        const r =
          version === null
            ? await trx
                .insertInto('alert_states')
                .values({ rule: state.rule, event_id: state.eventId, state: json, version: 1 })
                .onConflict((oc) => oc.columns(['rule', 'event_id']).doNothing())
                .executeTakeFirst()
            : await trx
                .updateTable('alert_states')
                .set({ state: json, version: version + 1, updated_at: sql`now()` })
                .where('rule', '=', state.rule)
                .where('event_id', '=', state.eventId)
                .where('version', '=', version)
                .executeTakeFirst();
        const n = 'numInsertedOrUpdatedRows' in r ? r.numInsertedOrUpdatedRows : r.numUpdatedRows;
        if (Number(n ?? 0) !== 1) throw new AlertStateConflictError(state.rule, state.eventId);
      }
      return this.insertAll(trx, alerts);
    });
  }

  /** Newest first, each with its deliveries: dead letters show here, in `alerts list` and the API. */
  async list(filter: AlertListFilter = {}): Promise<AlertView[]> {
    let q = this.db.selectFrom('alerts').selectAll();
    if (filter.rule) q = q.where('rule', '=', filter.rule);
    if (filter.eventId) q = q.where('event_id', '=', filter.eventId);
    if (filter.status) q = q.where('status', '=', filter.status);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit ?? 200).offset(filter.offset ?? 0).execute();
    return this.deliveries.attach(rows.map(alertView));
  }

  async get(id: string): Promise<AlertView | undefined> {
    const r = await this.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? (await this.deliveries.attach([alertView(r)]))[0] : undefined;
  }

  /** Alerts still waiting for delivery, oldest first (run-once, and recovery after a lost enqueue). */
  async pending(limit = 1000): Promise<AlertRecord[]> {
    const rows = await this.db.selectFrom('alerts').selectAll().where('status', '=', 'pending').orderBy('created_at').orderBy('id').limit(limit).execute();
    return rows.map(alertRecord);
  }

  /**
   * Live events the watchlists are behind on, least recently changed first: compared as they are
   * now (an event whose comparison is behind gets its evaluation after comparing) but not evaluated
   * since, or holding alerts stored before `changedBefore` and never handed to delivery. Only
   * changes after `changedAfter`: an alert about a change older than that is no news.
   */
  async behind(options: { changedBefore: Date; changedAfter: Date; limit?: number }): Promise<string[]> {
    const { changedBefore, changedAfter, limit = 1000 } = options;
    const r = await sql<{ id: string }>`
      select id from (
        select e.id, e.updated_at
          from events e
          join comparisons c on c.event_id = e.id and c.event_updated_at = e.updated_at
          left join alert_evaluations v on v.event_id = e.id
         where e.merged_into is null and e.updated_at < ${changedBefore} and e.updated_at > ${changedAfter}
           and (v.event_id is null or v.event_updated_at < e.updated_at)
        union
        select e.id, e.updated_at
          from alerts a join events e on e.id = a.event_id
         where a.status = 'pending' and a.created_at < ${changedBefore} and e.merged_into is null
      ) behind
      order by updated_at, id
      limit ${limit}`.execute(this.db);
    return r.rows.map((x) => x.id);
  }

  async setStatus(id: string, status: string): Promise<void> {
    await this.db.updateTable('alerts').set({ status, updated_at: sql`now()` }).where('id', '=', id).execute();
  }
}
