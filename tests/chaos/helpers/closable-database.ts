import pg from 'pg';
import { TEST_DATABASE_URL } from '../../helpers/databases.js';

/**
 * The PostgreSQL outage of the chaos suite, on the test's OWN database only: every connection to
 * it is terminated (what a restart or a failover does to a client: 57P01) and new ones are refused
 * (`ALLOW_CONNECTIONS false`: 55000) until it is reopened. Other databases, and the server, are
 * untouched.
 */
export interface ClosableDatabase {
  name: string;
  /** Terminates the database's connections and refuses new ones; returns the application_name of each connection cut. */
  close(): Promise<string[]>;
  reopen(): Promise<void>;
}

const nameOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function asAdmin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  // The server's own database, never the one being closed.
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  c.on('error', () => {});
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

export function closableDatabase(url: string): ClosableDatabase {
  const name = nameOf(url);
  if (name === nameOf(TEST_DATABASE_URL)) throw new Error(`refusing to close the shared test database ${name}`);
  return {
    name,
    close: () =>
      asAdmin(async (c) => {
        await c.query(`ALTER DATABASE ${ident(name)} ALLOW_CONNECTIONS false`);
        const r = await c.query<{ application_name: string }>(
          'SELECT application_name, pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [name],
        );
        return r.rows.map((row) => row.application_name);
      }),
    reopen: () => asAdmin(async (c) => void (await c.query(`ALTER DATABASE ${ident(name)} ALLOW_CONNECTIONS true`))),
  };
}
