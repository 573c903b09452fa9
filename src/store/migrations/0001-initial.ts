import { sql, type Kysely } from 'kysely';

// Migrations are numbered files run in order by Kysely's Migrator on both PostgreSQL and PGlite:
// write only SQL both accept (PGlite is PostgreSQL 17 compiled to WASM, so that is all of it).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('outlet', 'text', (c) => c.notNull())
    .addColumn('country', 'char(2)', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('interval_ms', 'integer', (c) => c.notNull())
    .addColumn('tags', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('robots', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('title', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_poll_at', 'timestamptz')
    .addColumn('last_success_at', 'timestamptz')
    .addColumn('next_poll_at', 'timestamptz')
    .addColumn('consecutive_errors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_error_kind', 'text')
    .addColumn('last_http_status', 'integer')
    .addColumn('items_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('feed_id', 'text', (c) => c.notNull().references('feeds.id'))
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('outlet', 'text', (c) => c.notNull())
    .addColumn('country', 'char(2)', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'extracted', 'feed-content')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('byline', 'text')
    .addColumn('published', 'timestamptz')
    .addColumn('modified', 'timestamptz')
    .addColumn('summary', 'text')
    .addColumn('feed_content_html', 'text')
    .addColumn('feed_categories', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('image', 'text')
    .addColumn('html', 'text')
    .addColumn('final_url', 'text')
    .addColumn('text', 'text')
    .addColumn('extraction', 'jsonb')
    .addColumn('fetch_error', 'text')
    .addColumn('fetch_error_kind', 'text')
    .addColumn('http_status', 'integer')
    .addColumn('duplicate_of', 'text')
    .addColumn('event_id', 'text')
    .addColumn('discovered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('fetched_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('articles_feed_idx').on('articles').columns(['feed_id', 'discovered_at']).execute();
  // The recovery sweep looks for pending articles; a partial index keeps that cheap as the table grows.
  await db.schema.createIndex('articles_pending_idx').on('articles').column('discovered_at').where(sql.ref('status'), '=', 'pending').execute();
  await db.schema.createIndex('articles_published_idx').on('articles').column('published').execute();

  await db.schema
    .createTable('polls')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('feed_id', 'text', (c) => c.notNull().references('feeds.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('new_items', 'integer', (c) => c.notNull())
    .addColumn('elapsed_ms', 'integer', (c) => c.notNull())
    .addColumn('error_kind', 'text')
    .addColumn('message', 'text')
    .execute();
  await db.schema.createIndex('polls_feed_idx').on('polls').columns(['feed_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('polls').execute();
  await db.schema.dropTable('articles').execute();
  await db.schema.dropTable('feeds').execute();
}
