import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Where the benchmark data sits: the shared checkout beside this one, unless told otherwise. */
export const DATA_DIR = resolve(process.env.BENCH_EXTRACTION_DIR ?? join(import.meta.dirname, '../../../shared/benchmarks/extraction'));

export interface BenchPage {
  id: string;
  html: string;
  url: string;
  truth: string;
}

/** All pages, sorted by id: the first half is where tuning happens, the second half checks it. */
export function loadPages(dir = DATA_DIR): BenchPage[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  const ids = readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => f.slice(0, -'.html.gz'.length))
    .sort();
  return ids.map((id) => ({
    id,
    html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
    // Pages without a recorded URL get a neutral one: extraction must not depend on it.
    url: truth[id]?.url ?? `https://example.invalid/${id}`,
    truth: truth[id]?.articleBody ?? '',
  }));
}

/** A published output file, either `{id: {articleBody}}` or wrapped as `{output: {...}}`. */
export function loadPredictions(file: string): Record<string, string> {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const body = (raw.output && typeof raw.output === 'object' ? raw.output : raw) as Record<string, { articleBody?: string }>;
  return Object.fromEntries(Object.entries(body).map(([id, v]) => [id, v?.articleBody ?? '']));
}

/**
 * Pages written for this project in the manner of regional and mainstream templates (layout tables,
 * page builders, live blogs, paged stories, comment threads), each `NAME.html` beside its true text
 * `NAME.txt`. Fixes were made on them, so they check regressions: they are not held out.
 */
export const WRITTEN_DIR = join(import.meta.dirname, 'written');

export function loadWrittenPages(dir = WRITTEN_DIR): BenchPage[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -'.html'.length);
      return { id, html: readFileSync(join(dir, f), 'utf8'), url: `https://written.example/${id}`, truth: readFileSync(join(dir, `${id}.txt`), 'utf8') };
    });
}
