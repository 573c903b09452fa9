import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's migrated PGlite is made, by the first test that wants one (tests/helpers/migrated-pglite.ts). */
    migratedPgliteRoot: string;
  }
}

/** Tests start `parallax` as users do, from the compiled dist/: built here once if the sources changed. */
function buildCli(): void {
  const build = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'build.js'), '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build of dist/ failed (see above): the CLI tests would run old code');
}

export default function setup(project: TestProject) {
  buildCli();
  const root = mkdtempSync(join(tmpdir(), 'px-migrated-pglite-'));
  project.provide('migratedPgliteRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
