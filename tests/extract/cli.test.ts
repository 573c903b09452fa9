import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runExtractCommand } from '../../src/extract/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(files: string[], opts: { url?: string } = {}) {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const code = await runExtractCommand(files, opts, out);
  return { code, lines: chunks.join('').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('parallax extract', () => {
  const arabic = readFileSync(join(import.meta.dirname, 'fixtures', 'arabic-rtl.html'));
  const french = readFileSync(join(import.meta.dirname, 'fixtures', 'french-cookies.html'));
  const plain = join(dir, 'arabic.html');
  const gz = join(dir, 'french.html.gz');
  writeFileSync(plain, arabic);
  writeFileSync(gz, gzipSync(french));

  it('prints one JSON object per file, in order, with the agreed fields; .html.gz is read', async () => {
    const { code, lines } = await run([gz, plain]);
    expect(code).toBe(0);
    expect(lines.map((l) => l.file)).toEqual([gz, plain]);
    expect(Object.keys(lines[0]!)).toEqual(['file', 'title', 'byline', 'published', 'language', 'text', 'isArticle']);
    expect(lines[0]).toMatchObject({ language: 'fr', isArticle: true, byline: 'Jean-Marc Dupuis, Claire Fabre', published: '2023-10-16T05:45:00.000Z' });
    expect(lines[1]).toMatchObject({ language: 'ar', isArticle: true });
    expect(String(lines[1]!.text).split('\n\n')).toHaveLength(5);
  });

  it('uses --url for URL dates', async () => {
    const bare = join(dir, 'bare.html');
    writeFileSync(bare, `<html><body><article><p>${'A paragraph of the story that goes on long enough. '.repeat(8)}</p></article></body></html>`);
    const { lines } = await run([bare], { url: 'https://x.example/2020/02/29/story' });
    expect(lines[0]!.published).toBe('2020-02-29T00:00:00.000Z');
  });

  it('reports an unreadable file as an error line, goes on with the others, and exits non-zero', async () => {
    const missing = join(dir, 'missing.html');
    const notGzip = join(dir, 'broken.html.gz');
    writeFileSync(notGzip, 'not gzip at all');
    const { code, lines } = await run([missing, plain, notGzip]);
    expect(code).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ file: missing });
    expect(String(lines[0]!.error)).toMatch(/ENOENT|no such file/);
    expect(lines[1]).toMatchObject({ file: plain, isArticle: true });
    expect(lines[2]!.error).toBeTruthy();
  });

  it('handles hundreds of files in one process', async () => {
    const files = Array.from({ length: 300 }, (_, i) => (i % 2 ? plain : gz));
    const { code, lines } = await run(files);
    expect(code).toBe(0);
    expect(lines).toHaveLength(300);
    expect(lines.every((l, i) => l.file === files[i] && l.isArticle === true)).toBe(true);
  });
});
