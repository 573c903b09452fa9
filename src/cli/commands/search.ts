import { runSearch } from '../../pipeline/search.js';
import type { RawSearchParams } from '../../search/request.js';
import { loadVocabularyFor, openStoreFor, settingsFor, type CommonOptions } from '../bootstrap.js';
import { UserError } from '../user-error.js';

export interface SearchOptions extends CommonOptions, Omit<RawSearchParams, 'q' | 'kind'> {
  json?: boolean;
  events?: boolean;
}

/** `parallax search QUERY`: stored articles (or their events) that match, best or newest first. */
export async function searchCommand(query: string, opts: SearchOptions): Promise<void> {
  const { json, events, data: _data, config: _config, ...params } = opts;
  const settings = settingsFor(opts);
  const vocabulary = loadVocabularyFor(settings);
  const store = await openStoreFor(settings);
  try {
    const r = await runSearch(store, vocabulary, { ...params, q: query, kind: events ? 'events' : 'articles' });
    if ('error' in r) {
      // The query with a caret under the column where it went wrong.
      const where = r.column ? `\n  ${query}\n  ${' '.repeat(r.column - 1)}^` : '';
      throw new UserError(`${r.param === 'q' ? 'query' : `--${r.param}`}: ${r.error.replace(/^\w+: /, '')}${where}`);
    }
    if (r.kind === 'events') {
      if (json) return void process.stdout.write(`${JSON.stringify(r.events, null, 2)}\n`);
      for (const e of r.events) {
        process.stdout.write(`${e.lastUpdated.slice(0, 16).replace('T', ' ')}  ${e.title}\n    ${e.id}: ${e.matchedArticles} of ${e.articleCount} articles match, from ${e.outlets.length} outlets [${e.languages.join(', ')}]\n`);
      }
      return void process.stdout.write(`${r.events.length} of ${r.total}${r.totalCapped ? '+' : ''} events\n`);
    }
    if (json) return void process.stdout.write(`${JSON.stringify(r.articles.map(({ snippetMarks: _, ...a }) => a), null, 2)}\n`);
    for (const a of r.articles) {
      process.stdout.write(`${a.published ?? '(no date)          '}  ${a.outlet} [${a.language}]  ${a.title}\n    ${a.snippet}\n    ${a.url}${a.eventId ? `  (event ${a.eventId})` : ''}\n`);
    }
    process.stdout.write(`${r.articles.length} of ${r.total}${r.totalCapped ? '+' : ''} articles\n`);
  } finally {
    await store.close();
  }
}
