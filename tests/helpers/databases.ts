import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/store/index.js';
import { migratedPgliteMemory } from './migrated-pglite.js';

/** The real PostgreSQL every test talks to (CI and developers' machines run one on 5432, trust auth). */
export const TEST_DATABASE_URL = process.env.PARALLAX_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A fresh, empty PostgreSQL database for one test file, so test files can run in parallel and every
 * run starts from nothing. Returns its URL and a function that drops it.
 */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `parallax_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestTarget {
  name: 'pglite' | 'postgres';
  target(): Promise<{ target: DatabaseTarget; cleanup(): Promise<void> }>;
}

/** Storage tests run once per backend: embedded PGlite (from the migrated dump) and the real PostgreSQL (migrated from nothing). */
export const storageTargets: TestTarget[] = [
  { name: 'pglite', target: async () => ({ target: await migratedPgliteMemory(), cleanup: async () => {} }) },
  {
    name: 'postgres',
    target: async () => {
      const db = await freshPostgres();
      return { target: { kind: 'postgres', url: db.url }, cleanup: db.drop };
    },
  },
];
