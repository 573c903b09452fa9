#!/usr/bin/env node
// Development tool: runs a TypeScript entry point (a benchmark, a script) through tsx's loader,
// without a build. The `parallax` command itself runs the compiled dist/ (bin/parallax.js).
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts.js FILE.ts [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...rest];
await import(pathToFileURL(resolve(entry)).href);
