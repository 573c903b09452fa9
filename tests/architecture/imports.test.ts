import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { JobName } from '../../src/pipeline/jobs.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** Where job names may be written out: the job graph (src) and the workers' job table. */
const JOB_NAME_HOMES = ['src/pipeline/jobs.ts'];
const JOB_TABLE = 'workers/jobs.ts';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const FILES = [...sources('src'), ...sources('workers')];
const text = new Map(FILES.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

/** A file's folder: the top-level directory under src/ (a file directly in src/ is its own), or workers. */
function folderOf(file: string): string {
  const parts = file.split(sep);
  return parts[0] === 'src' ? (parts.length > 2 ? parts[1]! : parts[1]!.replace(/\.ts$/, '')) : parts[0]!;
}

/** Relative specifiers of static imports, re-exports and dynamic imports. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function folderEdges(files: readonly string[]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of files) {
    for (const m of text.get(file)!.matchAll(SPECIFIER)) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), m[1]!));
      if (target.startsWith('..')) continue;
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from === to) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  return edges;
}

function twoCycles(edges: Map<string, Set<string>>): string[] {
  const cycles: string[] = [];
  for (const [a, tos] of edges) for (const b of tos) if (a < b && edges.get(b)?.has(a)) cycles.push(`${a} <-> ${b}`);
  return cycles;
}

describe('architecture', () => {
  test('the folder graph is read from the sources: it sees real edges', () => {
    const edges = folderEdges(FILES);
    // Known edges, so that a parser that found nothing could not pass the test below.
    expect(edges.get('workers')?.has('pipeline')).toBe(true);
    expect(edges.get('cli')?.has('workers')).toBe(true);
    expect(edges.get('store')?.has('model')).toBe(true);
  });

  test('no two folders import each other', () => {
    expect(twoCycles(folderEdges(FILES))).toEqual([]);
  });

  test('a pair of folders importing each other is reported', () => {
    const edges = new Map([
      ['alerts', new Set(['store'])],
      ['store', new Set(['alerts', 'model'])],
    ]);
    expect(twoCycles(edges)).toEqual(['alerts <-> store']);
  });

  test('job names are written out only in the job graph', () => {
    const names = Object.values(JobName).map((n) => n.replace(/[-]/g, '\\-'));
    const literal = new RegExp(`['"\`](${names.join('|')})['"\`]`);
    const offenders = FILES.filter((f) => !JOB_NAME_HOMES.includes(f) && literal.test(text.get(f)!));
    expect(offenders).toEqual([]);
  });

  test('jobs are added only through the job table', () => {
    // A queue's add names its job first (a written-out name is caught above); nothing else here has an addBulk.
    const adds = /\.add\(\s*JobName\.|\.addBulk\(/;
    const offenders = FILES.filter((f) => f !== JOB_TABLE && adds.test(text.get(f)!));
    expect(offenders).toEqual([]);
  });
});
