import { sql, type Kysely } from 'kysely';
import { searchVector } from '../../search/document.js';

/**
 * Full-text search: each article's words as a tsvector built by src/search/document.ts
 * (the forms watchlists match, the same on PostgreSQL and PGlite), kept current by every article
 * write, with a GIN index. Stores from before are indexed here, a batch at a time.
 */
const BACKFILL_BATCH = 500;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('articles')
    .addColumn('search', sql`tsvector`, (c) => c.notNull().defaultTo(sql`''::tsvector`))
    .execute();
  let after = '';
  for (;;) {
    const rows = await sql<{ id: string; title: string; text: string | null; summary: string | null; language: string }>`
      select id, title, text, summary, language from articles where id > ${after} order by id limit ${BACKFILL_BATCH}`.execute(db);
    if (rows.rows.length === 0) break;
    for (const r of rows.rows) {
      await sql`update articles set search = ${searchVector(r.title, r.text ?? r.summary, r.language)}::tsvector where id = ${r.id}`.execute(db);
    }
    after = rows.rows[rows.rows.length - 1]!.id;
  }
  await db.schema.createIndex('articles_search').on('articles').using('gin').column('search').execute();
  // Newest first is how results are sorted and how relevance picks its candidates: with this index
  // a word found in most articles is answered by reading the newest ones until enough match.
  await db.schema.createIndex('articles_when').on('articles').expression(sql`coalesce(published, discovered_at)`).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_when').execute();
  await db.schema.dropIndex('articles_search').execute();
  await db.schema.alterTable('articles').dropColumn('search').execute();
}
