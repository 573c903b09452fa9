import { openStoreFor, settingsFor, type CommonOptions } from '../bootstrap.js';

export interface EventsOptions extends CommonOptions {
  json?: boolean;
  limit?: number;
}

/** `parallax events`: events, most recently updated first, with their articles. */
export async function eventsCommand(opts: EventsOptions): Promise<void> {
  const settings = settingsFor(opts);
  const store = await openStoreFor(settings);
  try {
    const events = await store.events.views(opts.limit ?? 200);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
      return;
    }
    for (const e of events) {
      const copies = e.articles.filter((a) => a.duplicateOf).length;
      process.stdout.write(
        `${e.firstSeen.slice(0, 16).replace('T', ' ')}  ${e.title}\n    ${e.id}: ${e.articles.length} articles` +
          `${copies ? ` (${copies} syndicated copies)` : ''} from ${e.outlets.length} outlets [${e.languages.join(', ')}]` +
          `${e.countries.length ? `, about ${e.countries.join(', ')}` : ''}\n`,
      );
    }
    process.stdout.write(`${events.length} events\n`);
  } finally {
    await store.close();
  }
}
