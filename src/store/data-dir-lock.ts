import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt it.
 * A pid file turns that into a clear error instead. A lock left by a dead process is taken over.
 */
export class DataDirLockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'parallax.pid');
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && alive(pid)) {
      throw new DataDirLockedError(
        `data directory ${dir} is in use by process ${pid}. The embedded database serves one process at a time: ` +
          `stop that process, read through its HTTP API (/api/articles, /api/feeds), or set DATABASE_URL to a PostgreSQL server.`,
      );
    }
  } catch (err) {
    if (err instanceof DataDirLockedError) throw err;
    // No lock file yet: fine.
  }
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
    } catch {
      // Already gone.
    }
  };
}
