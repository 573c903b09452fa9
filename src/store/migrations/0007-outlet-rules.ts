import type { Kysely } from 'kysely';

/**
 * Per-outlet rules: a feed's `extract:` block as configured, so any worker applies it
 * without the config file, and what the desk needs to see it go stale: entries left out by its
 * patterns, and pages its content selector no longer matched.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('feeds')
    .addColumn('extract_rules', 'jsonb')
    .addColumn('blocked_last_poll', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rule_misses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_rule_miss_at', 'timestamptz')
    .addColumn('last_rule_miss_url', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const c of ['extract_rules', 'blocked_last_poll', 'rule_misses', 'last_rule_miss_at', 'last_rule_miss_url']) {
    await db.schema.alterTable('feeds').dropColumn(c).execute();
  }
}
