import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractArticle } from './index.js';

/**
 * `parallax extract FILE...`: runs the stage on saved pages and writes one JSON line per file, in
 * the order given. A file that cannot be read or decompressed gets a line with `error` and makes
 * the exit code 1, but the other files are still processed.
 */
export async function runExtractCommand(files: string[], opts: { url?: string }, out: NodeJS.WritableStream): Promise<number> {
  let exitCode = 0;
  for (const file of files) {
    let line: Record<string, unknown>;
    try {
      let bytes: Uint8Array = await readFile(file);
      if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
      // Without --url, the file's own URL stands in so relative links still resolve to something.
      const url = opts.url ?? pathToFileURL(file).href;
      const a = extractArticle({ html: bytes, url });
      line = { file, title: a.title, byline: a.byline, published: a.published, language: a.language, text: a.text, isArticle: a.isArticle };
    } catch (err) {
      exitCode = 1;
      line = { file, error: `${basename(file)}: ${(err as Error).message}` };
    }
    await write(out, JSON.stringify(line) + '\n');
  }
  return exitCode;
}

function write(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => out.write(chunk, (err) => (err ? reject(err) : resolve())));
}
