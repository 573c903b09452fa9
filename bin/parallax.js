#!/usr/bin/env node
// The `parallax` command: the compiled CLI in dist/. `npm install` builds it, `npm start` rebuilds
// it when the sources changed, `npm run build` on demand.
import { existsSync } from 'node:fs';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('parallax: not built yet (no dist/): run `npm run build` first');
  process.exit(1);
}
await import(main.href);
