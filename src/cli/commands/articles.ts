import { articleView } from '../../store/index.js';
import { openStoreFor, settingsFor, type CommonOptions } from '../bootstrap.js';

export interface ArticlesOptions extends CommonOptions {
  json?: boolean;
  limit?: number;
  feed?: string;
}

/** `parallax articles`: what is stored, newest first. */
export async function articlesCommand(opts: ArticlesOptions): Promise<void> {
  const settings = settingsFor(opts);
  const store = await openStoreFor(settings);
  try {
    const rows = await store.articles.list({
      ...(opts.limit ? { limit: opts.limit } : {}),
      ...(opts.feed ? { feedId: opts.feed } : {}),
    });
    const views = rows.map(articleView);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(views, null, 2)}\n`);
      return;
    }
    for (const a of views) {
      process.stdout.write(`${a.published ?? '(no date)          '}  ${a.outlet} [${a.language}]  ${a.title}\n    ${a.url}${a.status === 'feed-content' ? `  (feed content: ${a.fetchError})` : ''}\n`);
    }
    process.stdout.write(`${views.length} articles\n`);
  } finally {
    await store.close();
  }
}
