import { sql, type Kysely } from 'kysely';

/**
 * Comparisons (issue 5): each live event's comparison, computed when the event changes and stored,
 * so reading one is instant. A row is current while its `version` is the compare stage's and its
 * `event_updated_at` is the `events.updated_at` it was computed from; anything else is stale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('comparisons')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('article_count', 'integer', (c) => c.notNull())
    .addColumn('event_updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .execute();
  // The sweep for stale comparisons scans live events; merged-away ones are many and never compared.
  await db.schema.createIndex('events_live').on('events').column('updated_at').where(sql.ref('merged_into'), 'is', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_live').execute();
  await db.schema.dropTable('comparisons').execute();
}
