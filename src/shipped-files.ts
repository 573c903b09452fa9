import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The package's folder, found by walking up to package.json rather than by a fixed number of `..`:
 * this module runs from src/ under the tests and from dist/src/ once built.
 */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = packageRoot(import.meta.dirname);

/** Data shipped beside the code, found there whatever the working directory. */
export const SHIPPED = {
  vocabulary: join(PACKAGE_ROOT, 'config', 'vocabulary'),
  framing: join(PACKAGE_ROOT, 'config', 'framing'),
  /** The clusterer's fitted decision (written by bench/fit-cluster.ts). */
  clusterModel: join(PACKAGE_ROOT, 'config', 'cluster-model.json'),
  /** The demo's bundled corpus (written by demo/make-corpus.ts). */
  demoCorpus: join(PACKAGE_ROOT, 'demo', 'corpus'),
};
