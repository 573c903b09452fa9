import { compileRules, evaluateEvent, type CompiledRule } from '../alerts/evaluate.js';
import type { RuleEventState } from '../alerts/triggers.js';
import type { AlertRecord } from '../alerts/types.js';
import type { Vocabulary } from '../cluster/index.js';
import { COMPARE_VERSION } from '../compare/index.js';
import { channelSecrets } from '../alerts/channels/secrets.js';
import { registerSecrets } from '../redact.js';
import type { WatchlistsConfig } from '../alerts/rules.js';
import { loadWatchlistsConfig } from '../config/watchlists-config.js';
import type { Logger } from '../log.js';
import { AlertStateConflictError, type Store } from '../store/index.js';

/** A watchlists file as evaluation uses it: validated, queries compiled. */
export interface LoadedWatchlists {
  file: string;
  config: WatchlistsConfig;
  rules: CompiledRule[];
}

/** The watchlists file, compiled; its channels' secrets (from the environment) are never logged. */
export function loadWatchlists(file: string, vocabulary: Vocabulary, env: NodeJS.ProcessEnv = process.env): LoadedWatchlists {
  const config = loadWatchlistsConfig(file);
  registerSecrets(...Object.values(config.channels).flatMap((c) => channelSecrets(c, env)));
  return { file, config, rules: compileRules(config, vocabulary) };
}

export interface AlertEvaluationDeps {
  store: Store;
  vocabulary: Vocabulary;
  log: Logger;
  publicUrl: string | null;
  now?: () => Date;
}

export interface AlertEvaluationResult {
  /** The live event evaluated (a merged-away id leads to the survivor); null when it is gone. */
  eventId: string | null;
  /** Alerts this evaluation stored (an alert already stored by an earlier run is not among them). */
  created: AlertRecord[];
}

const MAX_RACES = 5;

/**
 * Evaluates every watchlist rule against one event as the store holds it now (articles, texts, its
 * stored comparison) and stores the alerts with the new per-(rule, event) state in one transaction.
 * Another evaluation of the same event that committed first makes this one start again from what
 * that one wrote, so the two never both alert on the same change.
 */
export async function evaluateAlerts(deps: AlertEvaluationDeps, watchlists: LoadedWatchlists, eventId: string): Promise<AlertEvaluationResult> {
  const { store } = deps;
  for (let race = 0; race < MAX_RACES; race++) {
    const view = await store.events.view(eventId);
    if (!view) return { eventId: null, created: [] };
    const snapshot = await store.comparisons.snapshot(view.id);
    if (!snapshot) continue; // merged between the two reads: once more, through to the survivor
    const texts = new Map(snapshot.input.articles.map((a) => [a.id, a.text]));
    const comparison = (await store.comparisons.get(view.id, COMPARE_VERSION))?.comparison ?? null;
    const feedTags = new Map((await store.feeds.list()).map((f) => [f.id, f.tags] as const));
    const stored = await store.alerts.states(view.id, view.mergedFrom);
    const previous = new Map<string, RuleEventState>([...stored].map(([rule, s]) => [rule, s.state]));
    const r = evaluateEvent(watchlists.rules, { view, texts, comparison }, previous, {
      vocabulary: deps.vocabulary, feedTags, now: deps.now?.() ?? new Date(), publicUrl: deps.publicUrl,
    });
    try {
      const created = await store.alerts.commitEvaluation(
        r.alerts,
        r.states.map((state) => ({ state, version: stored.get(state.rule)?.version ?? null })),
        { eventId: view.id, eventUpdatedAt: snapshot.eventUpdatedAt },
      );
      for (const a of created) deps.log.info({ alertId: a.id, rule: a.rule, trigger: a.trigger, eventId: a.eventId, mode: a.mode }, `alert: ${a.payload.summary}`);
      return { eventId: view.id, created };
    } catch (err) {
      if (!(err instanceof AlertStateConflictError)) throw err;
      deps.log.debug({ eventId: view.id, err: err.message }, 'alert evaluation raced another; evaluating again');
    }
  }
  throw new Error(`alert evaluation of ${eventId} kept racing other evaluations`);
}

/**
 * The alerts (of an event, or all) not yet handed to delivery, restricted to channels still configured (a
 * channel removed from the file since is skipped, with a warning, rather than failing forever).
 * Handing off is separate from storing, so an alert stored by a run that died before handing it
 * off is handed off by the next evaluation of its event.
 */
export async function alertsToHandOff(deps: AlertEvaluationDeps, watchlists: LoadedWatchlists, eventId?: string): Promise<AlertRecord[]> {
  const pending = await deps.store.alerts.list({ ...(eventId ? { eventId } : {}), status: 'pending', limit: 10_000 });
  return pending.map(({ status: _s, createdAt: _c, ...alert }) => {
    const missing = alert.channels.filter((c) => !(c in watchlists.config.channels));
    if (missing.length > 0) deps.log.warn({ alertId: alert.id, channels: missing }, `alert ${alert.id}: channels no longer configured, skipped`);
    return { ...alert, channels: alert.channels.filter((c) => c in watchlists.config.channels) };
  });
}

/** Marks an alert handed to delivery: its deliveries (one per channel) now carry its fate. */
export const ALERT_HANDED_OFF = 'queued';
