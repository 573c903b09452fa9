#!/usr/bin/env node
// Compiles src/ and workers/ to dist/ (tsconfig.build.json), which bin/parallax.js runs.
//   node bin/build.js             always compiles
//   node bin/build.js --if-stale  compiles only when dist/ is missing or was built from other sources
// Staleness is a hash of the sources' contents, so `npm start` and the tests pay milliseconds when fresh.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
/** Everything the compiled output depends on. */
const INPUTS = ['src', 'workers', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** The hash of the sources dist/ was built from; written last, so an interrupted build is never taken for a fresh one. */
const STAMP_NAME = '.sources-hash';

function* files(path) {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) yield* files(join(path, entry));
}

/** A hash of every input file's path and content: a renamed or deleted file changes it too. */
function sourcesHash() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of files(join(ROOT, input))) hash.update(`${relative(ROOT, file)}\0`).update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function isFresh() {
  return existsSync(join(DIST, STAMP_NAME)) && readFileSync(join(DIST, STAMP_NAME), 'utf8') === sourcesHash();
}

function tscPath() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    throw new Error('dist/ needs building and TypeScript is not installed: run `npm install` (with dev dependencies), then `npm run build`');
  }
}

/** Compiles into a fresh folder, then puts it in place: no file of a deleted source lingers in dist/. */
function build() {
  const hash = sourcesHash();
  const next = `${DIST}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [tscPath(), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', next], { cwd: ROOT, stdio: 'inherit' });
  if (tsc.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    throw new Error(`tsc failed (${tsc.status ?? tsc.signal}): dist/ left as it was`);
  }
  writeFileSync(join(next, STAMP_NAME), hash);
  rmSync(DIST, { recursive: true, force: true });
  renameSync(next, DIST);
}

try {
  if (!process.argv.includes('--if-stale') || !isFresh()) build();
} catch (err) {
  console.error(`build: ${err.message}`);
  process.exit(1);
}
