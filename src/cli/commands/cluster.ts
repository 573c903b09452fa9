import { readFileSync } from 'node:fs';
import { ArticleLineError, clusterSet, parseArticleLines } from '../../cluster/index.js';
import { loadVocabularyFor, settingsFor } from '../bootstrap.js';
import { Progress } from '../progress.js';
import { UserError } from '../user-error.js';

/** Sets shorter than this are done before a progress bar would be seen. */
const PROGRESS_FROM = 500;

async function readInput(file: string): Promise<string> {
  if (file !== '-') {
    try {
      return readFileSync(file, 'utf8');
    } catch (err) {
      throw new UserError(`cannot read ${file}: ${(err as Error).message}`);
    }
  }
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `parallax cluster FILE|-`: the worker's event clustering on a JSON Lines set; stores nothing. */
export async function clusterCommand(file: string, opts: { json?: boolean }): Promise<void> {
  const source = await readInput(file);
  let articles;
  try {
    articles = parseArticleLines(source);
  } catch (err) {
    if (err instanceof ArticleLineError) throw new UserError(`${file === '-' ? 'stdin' : file}: ${err.message}`);
    throw err;
  }
  const vocabulary = loadVocabularyFor(settingsFor({}));
  const progress = new Progress();
  const result = await clusterSet(articles, vocabulary, {
    onProgress: articles.length >= PROGRESS_FROM ? (done, total) => progress.update('clustering', done, total) : undefined,
  });
  progress.done();
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result.decisions)}\n`);
    return;
  }
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  const copies = new Map(result.decisions.map((d) => [d.id, d.duplicateOf]));
  for (const e of result.events) {
    process.stdout.write(`${e.title}\n    ${e.id}: ${e.members.length} article${e.members.length === 1 ? '' : 's'}\n`);
    for (const m of e.members) {
      const copy = copies.get(m);
      process.stdout.write(`      ${m}  ${titles.get(m)}${copy ? `  (copy of ${copy})` : ''}\n`);
    }
  }
  process.stdout.write(`${articles.length} articles in ${result.events.length} events\n`);
}
