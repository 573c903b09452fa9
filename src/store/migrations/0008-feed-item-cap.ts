import { type Kysely } from 'kysely';

/**
 * The per-feed item cap: how many of a feed's newest items one poll takes, and how many
 * it left out, on the feed (its last poll) and on each poll, so that the desk sees a runaway feed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('feeds')
    .addColumn('max_items', 'integer', (c) => c.notNull().defaultTo(500))
    .addColumn('last_items_dropped', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('polls').addColumn('items_dropped', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('polls').dropColumn('items_dropped').execute();
  await db.schema.alterTable('feeds').dropColumn('last_items_dropped').dropColumn('max_items').execute();
}
