/**
 * `npm run bench:extract-hashes`: a sha256 of the extractor's whole output (the JSON of
 * extractArticle) for every page the extractor is tuned and checked on, one line per page, so a
 * refactoring can show that it changes no output: run it before and after, and diff the two.
 * Pages: the Zyte benchmark's (both halves, sorted by id), the written pages, and the external
 * test pages when bench:extract has fetched them. The time budget is lifted so that a loaded
 * machine cannot cut a walk short and change a hash.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { extractArticle } from '../src/extract/index.js';
import { loadPages, loadWrittenPages } from './extract/dataset.js';
import { EXTERNAL_DIR, loadGoosePages, loadLabelledPages, loadReadabilityPages } from './extract/external.js';

interface Page {
  id: string;
  html: string | Uint8Array;
  url: string;
}

const sets: [string, Page[]][] = [
  ['zyte', loadPages()],
  ['written', loadWrittenPages()],
];
if (existsSync(EXTERNAL_DIR)) {
  const labelled = loadLabelledPages();
  sets.push(['readability', loadReadabilityPages()], ['goose', loadGoosePages()], ['article', [...labelled.tuned, ...labelled.heldOut]]);
}

for (const [set, pages] of sets) {
  for (const p of pages) {
    const out = JSON.stringify(extractArticle({ html: p.html, url: p.url }, { timeBudgetMs: 600_000 }));
    console.log(`${set}/${p.id} ${createHash('sha256').update(out).digest('hex')}`);
  }
}
