import { sql, type Kysely } from 'kysely';

/**
 * Which state of each event the watchlists last evaluated (`event_updated_at`, as in
 * comparisons): the recovery sweep gives an evaluation job to a compared event whose evaluation is
 * behind, since the job that would have evaluated it lives only in Redis. Events compared before
 * this table existed count as evaluated, so that turning it on alerts on nothing old.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alert_evaluations')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('event_updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('evaluated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into alert_evaluations (event_id, event_updated_at) select event_id, event_updated_at from comparisons`.execute(db);
  // The sweep's other question: alerts stored but never handed to delivery.
  await db.schema.createIndex('alerts_pending').on('alerts').column('created_at').where(sql.ref('status'), '=', 'pending').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('alerts_pending').execute();
  await db.schema.dropTable('alert_evaluations').execute();
}
