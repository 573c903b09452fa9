import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { inject } from 'vitest';
import { migrate, type DatabaseTarget } from '../../src/store/database.js';
import type { Database } from '../../src/store/schema.js';

/**
 * An empty PGlite costs seconds (initdb, then the migrations), and the suite opens twenty-odd. The
 * first test file of a run that wants one makes a data directory, migrates it and dumps it; the
 * others wait for that, then start from a copy. Creation from nothing stays tested: the store
 * test of the schema, run-once into a new data directory, and the demo.
 */
interface Migrated {
  dataDir: string;
  /** Its dumpDataDir tarball, for in-memory stores. */
  dump: string;
}

async function make(m: Migrated): Promise<void> {
  const client = new PGlite(m.dataDir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  try {
    await migrate(db);
    writeFileSync(m.dump, new Uint8Array(await (await client.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await db.destroy();
  }
}

/** Test files run in separate processes: a directory that only one can create says which makes it. */
function claim(dir: string): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

let migrated: Promise<Migrated> | undefined;

function migratedPglite(): Promise<Migrated> {
  migrated ??= (async () => {
    const root = inject('migratedPgliteRoot');
    const m = { dataDir: join(root, 'data'), dump: join(root, 'dump.tar') };
    const done = join(root, 'done');
    const failed = join(root, 'failed');
    if (claim(join(root, 'making'))) {
      try {
        await make(m);
      } catch (err) {
        writeFileSync(failed, String((err as Error).stack ?? err));
        throw err;
      }
      writeFileSync(done, '');
      return m;
    }
    while (!existsSync(done)) {
      if (existsSync(failed)) throw new Error(`the migrated PGlite could not be made:\n${readFileSync(failed, 'utf8')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return m;
  })();
  return migrated;
}

let dump: Blob | undefined;

/**
 * In-memory PGlite at the latest schema, loaded from the dump: a few tenths of a second instead of
 * the seconds of initdb and migrations. The migrations still run when it opens; they find nothing to do.
 */
export async function migratedPgliteMemory(): Promise<DatabaseTarget> {
  dump ??= new Blob([readFileSync((await migratedPglite()).dump)]);
  return { kind: 'pglite-memory', dump };
}

/** Makes `dir` a PGlite data directory at the latest schema, for `parallax --data dir`. */
export async function copyMigratedDataDir(dir: string): Promise<void> {
  cpSync((await migratedPglite()).dataDir, dir, { recursive: true });
}
