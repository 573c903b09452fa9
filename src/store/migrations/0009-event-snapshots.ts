import { sql, type Kysely } from 'kysely';

/**
 * Snapshots of the event clusterer's state, each at a position of the assignment log: a decider
 * that starts loads the latest one it can use and replays only the log after it. `identity` names
 * the clusterer and vocabulary that made it (another one's state is not resumed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_snapshots')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('identity', 'text', (c) => c.notNull())
    .addColumn('state', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_snapshots').execute();
}
