import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../../src/cluster/index.js';
import { loadLabelledSet } from '../../bench/cluster/labelled-set.js';
import { finalEvents, runStream } from '../../bench/cluster/run.js';
import { REPO_ROOT, runCli } from '../helpers/cli-process.js';

// `parallax cluster`: the worker's clusterer on a JSON Lines set, nothing stored.
const set = loadLabelledSet();
const line = (s: (typeof set)[number]) =>
  JSON.stringify({ id: s.article.id, title: s.article.title, text: s.article.text, language: s.article.language, published: s.article.published!.toISOString(), outlet: s.article.outlet, url: s.article.url });
const dir = mkdtempSync(join(tmpdir(), 'parallax-cluster-'));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

interface Decision {
  id: string;
  event: string;
  duplicateOf: string | null;
  why: { terms: string[]; keys: string[]; score: number };
}

describe('parallax cluster', () => {
  it('prints one decision per article in input order, with the events the worker clusterer makes', async () => {
    // Input in reverse publication order: assignment must still run in publication order.
    const reversed = [...set].reverse();
    const run = await runCli(['cluster', '--json', file('set.jsonl', reversed.map(line))]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Decision[];
    expect(out.map((d) => d.id)).toEqual(reversed.map((s) => s.article.id));
    for (const d of out) expect(Object.keys(d).sort()).toEqual(['duplicateOf', 'event', 'id', 'why']);

    const stream = await runStream(set, loadVocabulary());
    const expected = await finalEvents(stream, set);
    const eventOf = new Map(out.map((d) => [d.id, d.event]));
    set.forEach((s, i) => expect(eventOf.get(s.article.id), s.article.id).toBe(expected[i]));

    const copy = set.find((s) => s.copyOf)!;
    expect(out.find((d) => d.id === copy.article.id)!.duplicateOf).toBe(copy.copyOf);
    expect(out.filter((d) => d.duplicateOf !== null)).toHaveLength(set.filter((s) => s.copyOf).length);
    // Event ids name the event's first article in publication order, not in input order.
    const seedGold = set.find((s) => s.seed)!.gold;
    const firstOfSeed = set.find((s) => s.gold === seedGold)!;
    expect(out.find((d) => d.id === firstOfSeed.article.id)!.event).toBe(`ev-${firstOfSeed.article.id}`);
  });

  it('breaks publication ties by input order, and reads stdin with -', async () => {
    const at = '2025-03-01T10:00:00Z';
    const a = { id: 'b-second', title: 'Gunmen kidnap four Moroccan truck drivers near the Niger border', text: 'Four Moroccan truck drivers were kidnapped by gunmen near the border with Niger.', language: 'en', published: at };
    const b = { ...a, id: 'a-first', title: 'Four Moroccan truck drivers kidnapped by gunmen near the Niger border' };
    const input = `${JSON.stringify(a)}\n${JSON.stringify(b)}\n`;
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'parallax.js'), 'cluster', '--json', '-'], { cwd: REPO_ROOT });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stdin.end(input);
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Decision[];
    expect(out.map((d) => [d.id, d.event])).toEqual([
      ['b-second', 'ev-b-second'],
      ['a-first', 'ev-b-second'],
    ]);
  });

  it('lists the events with their titles and members without --json', async () => {
    const run = await runCli(['cluster', file('text.jsonl', set.map(line))]);
    expect(run.code).toBe(0);
    const seed = set.find((s) => s.seed)!;
    expect(run.stdout).toContain(`ev-${set.find((s) => s.gold === seed.gold)!.article.id}: `);
    expect(run.stdout).toContain(`      ${seed.article.id}  ${seed.article.title}`);
    expect(run.stdout).toMatch(new RegExp(`${set.length} articles in \\d+ events\\n$`));
  });

  it('refuses a bad line with exit 2 and names it', async () => {
    const lines = set.slice(0, 3).map(line);
    lines.splice(2, 0, JSON.stringify({ id: 'no-date', title: 't', text: '', language: 'en', published: 'yesterday' }));
    const run = await runCli(['cluster', '--json', file('bad.jsonl', lines)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/bad\.jsonl: line 3: published/);
    const notJson = await runCli(['cluster', file('broken.jsonl', [line(set[0]!), '{"id": "x",'])]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/line 2: not JSON/);
  });
});
