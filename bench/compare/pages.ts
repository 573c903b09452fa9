import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CompareArticle, CompareInput } from '../../src/compare/index.js';

/**
 * Real events gathered from public web pages, one JSON Lines file per event, one account a line
 * (`id`, `url`, `outlet`, `country`, `language`, `title`, `published`, `text`). Their texts stay out
 * of the repository (the outlets' copyright); the judgments of what the comparison reports on them
 * live in bench/compare/judged-pages, keyed by a hash of the quotes.
 */
export function loadPageEvents(dir: string): Map<string, { split: string; input: CompareInput }> {
  const out = new Map<string, { split: string; input: CompareInput }>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const event = basename(file, '.jsonl');
    const articles = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .map((line, i) => [line, i + 1] as const)
      .filter(([line]) => line.trim())
      .map(([line, n]) => account(line, `${file}:${n}`))
      .sort((a, b) => Date.parse(a.published!) - Date.parse(b.published!));
    if (articles.length === 0) continue;
    const times = articles.map((a) => a.published!);
    out.set(event, { split: 'pages', input: { event: { id: event, title: articles[0]!.title, firstSeen: times[0]!, lastUpdated: times[times.length - 1]! }, articles } });
  }
  return out;
}

function account(line: string, where: string): CompareArticle {
  const a = JSON.parse(line) as Partial<CompareArticle>;
  for (const field of ['id', 'url', 'language', 'published', 'text'] as const) {
    if (typeof a[field] !== 'string' || !a[field]) throw new Error(`${where}: field "${field}" missing or not a string`);
  }
  // A page may have no title (an excerpt kept without it): the account is its text.
  if (typeof a.title !== 'string') throw new Error(`${where}: field "title" missing or not a string`);
  if (Number.isNaN(Date.parse(a.published!))) throw new Error(`${where}: "published" is not a date: ${a.published}`);
  return { id: a.id!, url: a.url!, outlet: a.outlet || new URL(a.url!).hostname, country: a.country ?? '', language: a.language!, title: a.title!, published: a.published!, discoveredAt: a.published!, duplicateOf: null, text: a.text! };
}
