import type { Vocabulary } from '../cluster/index.js';
import type { Comparison } from '../compare/types.js';
import type { WatchlistRule, WatchlistsConfig } from './rules.js';
import type { EventView } from '../model/event-view.js';
import { compileQuery, matchDocument, type CompiledQuery, type MatchDocument } from './matcher.js';
import { ruleView } from './rule-view.js';
import { evaluateTriggers, type RuleEventState } from './triggers.js';
import type { AlertRecord } from './types.js';

/** The rules of a watchlists file with their queries compiled against the vocabulary, once per load. */
export interface CompiledRule {
  rule: WatchlistRule;
  query: CompiledQuery;
}

export function compileRules(config: WatchlistsConfig, vocabulary: Vocabulary): CompiledRule[] {
  return config.rules.map((rule) => ({ rule, query: compileQuery(rule.query, vocabulary) }));
}

/** An event as evaluation reads it from the store. */
export interface EventForAlerts {
  view: EventView;
  /** Article id -> text (the extracted page, or the feed's content). */
  texts: ReadonlyMap<string, string>;
  /** The stored comparison, when there is one. */
  comparison: Comparison | null;
}

export interface EvaluationContext {
  vocabulary: Vocabulary;
  /** Feed id -> its tags (config/feeds.yaml), for rules filtering on tags. */
  feedTags: ReadonlyMap<string, readonly string[]>;
  now: Date;
  publicUrl: string | null;
}

export interface EventEvaluation {
  alerts: AlertRecord[];
  /** New state of every (rule, event) the event matches. */
  states: RuleEventState[];
}

function combine(docs: MatchDocument[]): MatchDocument {
  return { texts: docs.flatMap((d) => d.texts), keys: new Set(docs.flatMap((d) => [...d.keys])) };
}

/**
 * Every rule against one event: the rule's filters, its query over the titles and texts of the
 * articles that pass them, then its triggers. `previous` holds the remembered state per rule name.
 */
export function evaluateEvent(
  rules: readonly CompiledRule[],
  event: EventForAlerts,
  previous: ReadonlyMap<string, RuleEventState>,
  context: EvaluationContext,
): EventEvaluation {
  // Each article is tokenized once, whichever rules look at it.
  const docs = new Map<string, MatchDocument>();
  const docOf = (a: EventView['articles'][number]) => {
    let d = docs.get(a.id);
    if (!d) {
      const texts = [{ language: a.language, text: a.title }, { language: a.language, text: event.texts.get(a.id) ?? '' }];
      docs.set(a.id, (d = matchDocument(texts, context.vocabulary)));
    }
    return d;
  };
  const out: EventEvaluation = { alerts: [], states: [] };
  for (const { rule, query } of rules) {
    const view = ruleView(rule.filters, event.view, context.feedTags);
    if (!view || !query.matches(combine(view.articles.map(docOf)))) continue;
    const r = evaluateTriggers({
      rule, event: view, fullEvent: event.view, comparison: event.comparison,
      previous: previous.get(rule.name) ?? null, now: context.now, publicUrl: context.publicUrl,
    });
    out.alerts.push(...r.alerts);
    out.states.push(r.state);
  }
  return out;
}
