import { sql, type Kysely } from 'kysely';

/**
 * Deliveries (issue 6): one row per message to send (an alert on one channel, or the digest of a
 * rule's alerts on one channel for one period), keyed by the X-Parallax-Delivery id, and one row
 * per attempt to send it, whatever the outcome. The row holds the payload and the channel as
 * configured when the alert was raised, so any worker can send it without the config file.
 * No foreign key to alerts: a delivery is self-contained, and the alerts table is another stage's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('alert', 'digest')`))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('channel_config', 'jsonb', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('now', 'hourly', 'daily')`))
    .addColumn('alert_id', 'text')
    .addColumn('event_id', 'text')
    .addColumn('trigger', 'text')
    .addColumn('payload', 'jsonb')
    .addColumn('period_start', 'timestamptz')
    .addColumn('digest_id', 'text', (c) => c.references('deliveries.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'retrying', 'sent', 'dead')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addCheckConstraint('deliveries_kind_fields', sql`(kind = 'alert' and alert_id is not null and payload is not null) or (kind = 'digest' and period_start is not null)`)
    .execute();
  await db.schema.createIndex('deliveries_alert_channel').on('deliveries').columns(['alert_id', 'channel']).unique().execute();
  await db.schema.createIndex('deliveries_digest').on('deliveries').column('digest_id').execute();
  // What the digest job reads: alerts of digest rules not yet gathered into a digest.
  await db.schema
    .createIndex('deliveries_to_digest')
    .on('deliveries')
    .columns(['mode', 'created_at'])
    .where(sql<boolean>`kind = 'alert' and mode <> 'now' and digest_id is null`)
    .execute();
  await db.schema
    .createTable('delivery_attempts')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('deliveries.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('ok', 'boolean', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('error', 'text')
    .addColumn('elapsed_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('delivery_attempts_delivery').on('delivery_attempts').column('delivery_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('delivery_attempts').execute();
  await db.schema.dropTable('deliveries').execute();
}
