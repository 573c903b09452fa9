import { readFileSync } from 'node:fs';
import type { ClusterArticle } from '../../src/cluster/index.js';

export const HEADLINES_CSV = '../shared/benchmarks/clustering/uci-news-aggregator-sample.csv';

export interface Labelled {
  article: ClusterArticle;
  gold: string;
}

/** RFC 4180 rows; the file's last line is cut (DATA.md), so a row with the wrong arity is dropped. */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** The headline set as a stream in time order (ties by id), each headline a title-only article. */
export function loadHeadlines(file = HEADLINES_CSV): Labelled[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const col = (name: string) => header!.indexOf(name);
  const [id, title, url, publisher, story, ts] = ['ID', 'TITLE', 'URL', 'PUBLISHER', 'STORY', 'TIMESTAMP'].map(col) as number[];
  return rows
    .filter((r) => r.length === header!.length && /^\d+$/.test(r[ts!]!))
    .map((r) => ({
      article: {
        id: `uci-${r[id!]}`,
        url: r[url!]!,
        language: 'en',
        title: r[title!]!,
        text: '',
        published: new Date(Number(r[ts!])),
        outlet: r[publisher!]!,
      },
      gold: r[story!]!,
    }))
    .sort((a, b) => a.article.published!.getTime() - b.article.published!.getTime() || Number(a.article.id.slice(4)) - Number(b.article.id.slice(4)));
}
