import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string }
  /**
   * In-memory PGlite: tests and benchmarks that want a throwaway store. `dump` (PGlite's
   * dumpDataDir of a store) starts it from that copy instead of an empty cluster: initdb is most
   * of the seconds an empty one takes.
   */
  | { kind: 'pglite-memory'; dump?: Blob };

export interface OpenDatabase {
  db: Db;
  target: DatabaseTarget;
  close(): Promise<void>;
}

export function databaseTarget(databaseUrl: string | null, dataDir: string): DatabaseTarget {
  return databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir };
}

export function describeTarget(t: DatabaseTarget): string {
  if (t.kind === 'postgres') return `PostgreSQL ${new URL(t.url).host}${new URL(t.url).pathname}`;
  if (t.kind === 'pglite') return `embedded PGlite in ${t.dataDir}`;
  return 'in-memory PGlite';
}

export interface DatabaseOptions {
  poolSize?: number;
  /**
   * Told of each PostgreSQL connection that broke (terminated by the server, a restart, a
   * failover, a proxy's idle timeout). The queries it was running fail on their own and the pool
   * opens a new connection for the next; without a listener the error would end the process.
   */
  onConnectionLost?: (err: Error) => void;
}

/** Opens the store and brings its schema to the latest migration. */
export async function openDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Promise<OpenDatabase> {
  let unlock = () => {};
  let db: Db;
  if (target.kind === 'postgres') {
    // No connectionTimeoutMillis: pg-pool applies it to waiting for a free connection too, and a
    // busy pool would then fail jobs that were only queued (their retry would fetch pages twice).
    const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10, keepAlive: true });
    const lost = (err: Error) => options.onConnectionLost?.(err);
    // Every connection reports here, lent out or idle; the pool repeats an idle one's error.
    pool.on('connect', (client) => client.on('error', lost));
    pool.on('error', () => {});
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    if (target.kind === 'pglite') unlock = lockDataDir(target.dataDir);
    try {
      const client = target.kind === 'pglite' ? new PGlite(target.dataDir) : new PGlite(target.dump ? { loadDataDir: target.dump } : {});
      db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    } catch (err) {
      unlock();
      throw err;
    }
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy().catch(() => {});
    unlock();
    throw new Error(`cannot open ${describeTarget(target)}: ${(err as Error).message}`, { cause: err });
  }
  return {
    db,
    target,
    async close() {
      await db.destroy();
      unlock();
    },
  };
}

export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message ?? error}`, { cause: error });
  }
}
