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

export default function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'px-migrated-pglite-'));
  project.provide('migratedPgliteRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
