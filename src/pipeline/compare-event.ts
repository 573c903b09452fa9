import { isDeepStrictEqual } from 'node:util';
import type { Vocabulary } from '../cluster/index.js';
import { COMPARE_VERSION, compareEvent, loadFramingLexicon, type CompareContext, type Comparison } from '../compare/index.js';
import type { Store } from '../store/index.js';

export type CompareResult =
  | { outcome: 'missing'; eventId: string }
  | {
      /** `stored`: the stored comparison was current; `computed`: it was computed and stored now. */
      outcome: 'stored' | 'computed';
      /** The live event (a merged-away id leads to the event that absorbed it). */
      eventId: string;
      /** Computed and different from what was stored before (alerts re-evaluate only then). */
      changed: boolean;
      comparison: Comparison;
    };

/** The compare stage's context: vocabulary and framing lexicon, loaded once per process. */
export function compareContext(vocabulary: Vocabulary, framingDir?: string): CompareContext {
  return { vocabulary, framing: loadFramingLexicon(framingDir) };
}

// What the analyst reads, not when it was read: a new article that changes nothing else (another
// syndicated copy's time, say) still changes `event`, which is not a change of the comparison.
const sameContent = (a: Comparison, b: Comparison) => isDeepStrictEqual({ ...a, event: null }, { ...b, event: null });

/**
 * The comparison of one event: the stored one when it is current, otherwise computed from the
 * event's articles as they are now and stored. Every reader (compare job, CLI, API, web page) comes
 * through here, so a comparison is never computed any other way.
 */
export async function comparisonOf(store: Store, context: CompareContext, eventId: string): Promise<CompareResult> {
  // A merge between reading the event and reading its articles sends us once more to the survivor.
  for (let attempt = 0; attempt < 3; attempt++) {
    const event = await store.events.get(eventId);
    if (!event) return { outcome: 'missing', eventId };
    const stored = await store.comparisons.get(event.id, COMPARE_VERSION);
    if (stored?.current) return { outcome: 'stored', eventId: event.id, changed: false, comparison: stored.comparison };

    const snapshot = await store.comparisons.snapshot(event.id);
    if (!snapshot) continue;
    // Through JSON, as it will be read back: the stored form is the one compared and returned.
    const comparison = JSON.parse(JSON.stringify(compareEvent(snapshot.input, context))) as Comparison;
    await store.comparisons.save({
      eventId: event.id,
      version: COMPARE_VERSION,
      articleCount: snapshot.input.articles.length,
      eventUpdatedAt: snapshot.eventUpdatedAt,
      comparison,
    });
    return { outcome: 'computed', eventId: event.id, changed: !stored || !sameContent(stored.comparison, comparison), comparison };
  }
  throw new Error(`event ${eventId} kept being merged while it was compared`);
}

/** comparisonOf as readers want it (API, web page): the comparison, or undefined for an unknown event. */
export function comparisonReader(store: Store, context: CompareContext): (eventId: string) => Promise<Comparison | undefined> {
  return async (eventId) => {
    const r = await comparisonOf(store, context, eventId);
    return r.outcome === 'missing' ? undefined : r.comparison;
  };
}

/**
 * Every live event whose comparison is missing, stale or of another version, compared and stored
 * (run-once after assignment, recovery, a new COMPARE_VERSION); comparisons of merged-away events
 * are dropped. Returns the events compared.
 */
export async function compareStale(store: Store, context: CompareContext, options: { onProgress?: (done: number, total: number) => void } = {}): Promise<{ compared: number; changed: string[] }> {
  await store.comparisons.deleteMerged();
  const stale = await store.comparisons.stale(COMPARE_VERSION);
  const changed: string[] = [];
  let compared = 0;
  for (const [i, id] of stale.entries()) {
    const r = await comparisonOf(store, context, id);
    if (r.outcome === 'computed') {
      compared++;
      if (r.changed) changed.push(r.eventId);
    }
    options.onProgress?.(i + 1, stale.length);
  }
  return { compared, changed };
}
