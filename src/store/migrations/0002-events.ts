import { sql, type Kysely } from 'kysely';

/**
 * Events (issue 4). Assignment is a log: every article assigned gets the next `event_seq`, unique,
 * so that any process can rebuild the clusterer's state by replaying the log in order, and two
 * deciders that raced cannot both write the same position.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('first_seen', 'timestamptz', (c) => c.notNull())
    .addColumn('last_updated', 'timestamptz', (c) => c.notNull())
    .addColumn('article_count', 'integer', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('merged_into', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('events_last_updated').on('events').column('last_updated').execute();
  await db.schema
    .alterTable('articles')
    .addColumn('event_seq', 'integer', (c) => c.unique())
    .addColumn('event_why', 'jsonb')
    .execute();
  await db.schema.createIndex('articles_event_id').on('articles').column('event_id').execute();
  // The backlog of stored articles without an event, read by every assign-event job.
  await db.schema
    .createIndex('articles_unassigned')
    .on('articles')
    .expression(sql`coalesce(published, discovered_at)`)
    .where(sql<boolean>`event_seq is null and status <> 'pending'`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').dropColumn('event_seq').dropColumn('event_why').execute();
  await db.schema.dropIndex('articles_unassigned').execute();
  await db.schema.dropIndex('articles_event_id').execute();
  await db.schema.dropTable('events').execute();
}
