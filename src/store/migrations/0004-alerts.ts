import { sql, type Kysely } from 'kysely';

/**
 * Alerts (issue 6). `alerts.id` is the idempotency key (a hash of rule, event, trigger and
 * content), so however many times a change is evaluated, by however many workers, one row exists
 * per alert: inserts do nothing on conflict. `alert_states` is what evaluation remembers per
 * (rule, event) (outlets counted, conflicts and claims seen, when each trigger last sent), with a
 * version so that two evaluations racing on one (rule, event) cannot both write it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('channels', 'jsonb', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('alerts_created_at').on('alerts').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('alerts_rule_event').on('alerts').columns(['rule', 'event_id']).execute();
  await db.schema
    .createTable('alert_states')
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('alert_states_pk', ['rule', 'event_id'])
    .execute();
  await db.schema.createIndex('alert_states_event').on('alert_states').column('event_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alert_states').execute();
  await db.schema.dropTable('alerts').execute();
}
