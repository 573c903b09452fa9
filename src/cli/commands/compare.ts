import { comparisonMarkdown } from '../../compare/markdown.js';
import { compareContext, comparisonOf } from '../../pipeline/compare-event.js';
import { loadVocabularyFor, openStoreFor, settingsFor, type CommonOptions } from '../bootstrap.js';
import { UserError } from '../user-error.js';

export interface CompareOptions extends CommonOptions {
  json?: boolean;
}

/** `parallax compare EVENT_ID`: the event's comparison (computed and stored first if it is missing or stale). */
export async function compareCommand(eventId: string, opts: CompareOptions): Promise<void> {
  const settings = settingsFor(opts);
  const store = await openStoreFor(settings);
  try {
    const r = await comparisonOf(store, compareContext(loadVocabularyFor(settings)), eventId);
    if (r.outcome === 'missing') throw new UserError(`no event ${eventId} (\`parallax events\` lists them)`);
    process.stdout.write(opts.json ? `${JSON.stringify(r.comparison, null, 2)}\n` : comparisonMarkdown(r.comparison));
  } finally {
    await store.close();
  }
}
