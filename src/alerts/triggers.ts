import { createHash } from 'node:crypto';
import type { Claim, Comparison, Conflict } from '../compare/types.js';
import type { TriggerConfig, WatchlistRule } from './rules.js';
import type { EventView } from '../model/event-view.js';
import { articleTime } from './rule-view.js';
import type { AlertPayload, AlertRecord, DeliveryMode, TriggerName } from './types.js';

/**
 * Trigger evaluation: given a rule, the event as that rule sees it now (already matched by its
 * query and filters) and what was remembered from the last evaluation of the same (rule, event),
 * decide which alerts fire and what to remember next. Pure and deterministic: the same inputs give
 * the same alert ids, so a retried job or a second worker can only re-create rows that exist.
 */

/** What evaluation remembers per (rule, event). Absent until the event first matches the rule. */
export interface RuleEventState {
  rule: string;
  eventId: string;
  /** When each trigger last sent an alert at once (throttling); new-event present = done for good. */
  lastAlertAt: Partial<Record<TriggerName, string>>;
  /** Outlets and outlet countries counted already by escalation; null: only the first reporter's. */
  escalationBaseline: { outlets: string[]; countries: string[] } | null;
  /** Keys of the conflicts and unique claims already alerted (or seen before divergence was asked). */
  conflicts: string[];
  claims: string[];
  /** First reports already alerted: "country:DZ", "outlet:el watan". */
  firstReports: string[];
}

export interface TriggerInput {
  rule: WatchlistRule;
  /** The event as the rule sees it (ruleView), matched by the rule's query. */
  event: EventView;
  /** The whole event, for the payload (all its article URLs). */
  fullEvent: EventView;
  comparison: Comparison | null;
  previous: RuleEventState | null;
  now: Date;
  /** PARALLAX_PUBLIC_URL, for the link to the comparison page. */
  publicUrl: string | null;
}

export interface TriggerResult {
  alerts: AlertRecord[];
  state: RuleEventState;
}

export function emptyState(rule: string, eventId: string): RuleEventState {
  return { rule, eventId, lastAlertAt: {}, escalationBaseline: null, conflicts: [], claims: [], firstReports: [] };
}

/** The idempotency key: the same (rule, event, trigger, content) always gives the same id. */
export function alertId(rule: string, eventId: string, trigger: TriggerName, content: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify([rule, eventId, trigger, [...content].sort()])).digest('hex').slice(0, 32);
}

export const conflictKey = (c: Conflict): string =>
  `${c.kind}|${c.about.toLowerCase()}|${c.values.map((v) => v.value).sort().join('/')}`;
export const claimKey = (c: Claim): string =>
  `${c.uniqueTo ? (c.uniqueTo.kind === 'account' ? c.uniqueTo.url : c.uniqueTo.country) : ''}|${c.text.toLowerCase().replace(/\s+/g, ' ').trim()}`;

interface Fired {
  trigger: TriggerName;
  content: string[];
  summary: string;
  extra: Partial<Pick<AlertPayload, 'conflicts' | 'claims' | 'newOutlets' | 'newCountries'>>;
  /** Throttled triggers may go to the digest; new-event and first-report fire once by nature. */
  throttled: boolean;
}

/**
 * Things first seen at `times`, not in `baseline`: the largest set of them that appeared within a
 * window of `withinMs` (the latest such window), if it holds at least `n`.
 */
function burst(firstSeen: Map<string, number>, baseline: ReadonlySet<string>, n: number, withinMs: number): string[] | null {
  const fresh = [...firstSeen].filter(([k]) => !baseline.has(k)).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  let best: [number, number] | null = null;
  for (let start = 0, end = 0; end < fresh.length; end++) {
    while (fresh[end]![1] - fresh[start]![1] > withinMs) start++;
    if (end - start + 1 >= n && (!best || end - start >= best[1] - best[0])) best = [start, end];
  }
  return best ? fresh.slice(best[0], best[1] + 1).map(([k]) => k) : null;
}

function firstSeenBy(event: EventView, key: (a: EventView['articles'][number]) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of event.articles) {
    const k = key(a);
    const t = articleTime(a);
    if (!out.has(k) || t < out.get(k)!) out.set(k, t);
  }
  return out;
}

function escalation(t: Extract<TriggerConfig, { kind: 'escalation' }>, event: EventView, state: RuleEventState): Fired | null {
  const outletTimes = firstSeenBy(event, (a) => a.outlet);
  const countryTimes = firstSeenBy(event, (a) => a.country);
  // Before any escalation, the base is whoever reported first: growth is measured from there.
  const first = [...event.articles].sort((a, b) => articleTime(a) - articleTime(b))[0]!;
  const base = state.escalationBaseline ?? { outlets: [first.outlet], countries: [first.country] };
  const outlets = t.outlets !== null ? burst(outletTimes, new Set(base.outlets), t.outlets, t.withinMs) : null;
  const countries = t.countries !== null ? burst(countryTimes, new Set(base.countries), t.countries, t.withinMs) : null;
  if (!outlets && !countries) return null;
  const hours = Math.round((t.withinMs / 3_600_000) * 10) / 10;
  const parts = [
    outlets ? `${outlets.length} new outlets (${outlets.join(', ')})` : null,
    countries ? `${countries.length} new countries (${countries.join(', ')})` : null,
  ].filter(Boolean);
  state.escalationBaseline = { outlets: [...outletTimes.keys()].sort(), countries: [...countryTimes.keys()].sort() };
  return {
    trigger: 'escalation',
    content: [...(outlets ?? []).map((o) => `outlet:${o}`), ...(countries ?? []).map((c) => `country:${c}`)],
    summary: `${event.title}: ${parts.join(' and ')} within ${hours}h`,
    extra: { ...(outlets ? { newOutlets: outlets } : {}), ...(countries ? { newCountries: countries } : {}) },
    throttled: true,
  };
}

function divergence(event: EventView, comparison: Comparison | null, state: RuleEventState): Fired | null {
  if (!comparison) return null;
  const seenConflicts = new Set(state.conflicts);
  const seenClaims = new Set(state.claims);
  const conflicts = comparison.conflicts.filter((c) => !seenConflicts.has(conflictKey(c)));
  const claims = comparison.claims.filter((c) => c.unique && !seenClaims.has(claimKey(c)));
  if (conflicts.length === 0 && claims.length === 0) return null;
  const figures = conflicts.map((c) => `${c.about}: ${c.values.map((v) => v.value).join(' vs ')}`);
  const parts = [...figures, ...(claims.length > 0 ? [`${claims.length} new claim${claims.length > 1 ? 's' : ''} made by one account or country only`] : [])];
  return {
    trigger: 'divergence',
    content: [...conflicts.map((c) => `conflict:${conflictKey(c)}`), ...claims.map((c) => `claim:${claimKey(c)}`)],
    summary: `${event.title}: accounts diverge (${parts.join('; ')})`,
    extra: { conflicts, claims },
    throttled: true,
  };
}

function firstReports(t: Extract<TriggerConfig, { kind: 'first-report' }>, event: EventView, state: RuleEventState): Fired[] {
  const watchedOutlets = new Set(t.outlets.map((o) => o.toLowerCase()));
  const done = new Set(state.firstReports);
  const fired: Fired[] = [];
  const byTime = [...event.articles].sort((a, b) => articleTime(a) - articleTime(b) || a.id.localeCompare(b.id));
  for (const a of byTime) {
    const targets = [
      t.countries.includes(a.country) ? { key: `country:${a.country}`, label: a.country } : null,
      watchedOutlets.has(a.outlet.toLowerCase()) ? { key: `outlet:${a.outlet.toLowerCase()}`, label: a.outlet } : null,
    ];
    for (const target of targets) {
      if (!target || done.has(target.key)) continue;
      done.add(target.key);
      fired.push({
        trigger: 'first-report',
        content: [target.key, a.url],
        summary: `${event.title}: first report from ${target.label} (${a.outlet}: ${a.title})`,
        extra: { newOutlets: [a.outlet], newCountries: [a.country] },
        throttled: false,
      });
    }
  }
  state.firstReports = [...done].sort();
  return fired;
}

function payloadOf(id: string, rule: string, f: Fired, input: TriggerInput): AlertPayload {
  const e = input.fullEvent;
  return {
    id,
    rule,
    trigger: f.trigger,
    summary: f.summary,
    event: {
      id: e.id,
      title: e.title,
      articles: e.articles.map((a) => a.url),
      outlets: e.outlets,
      countries: e.countries,
      languages: e.languages,
      firstSeen: e.firstSeen,
      lastUpdated: e.lastUpdated,
      url: input.publicUrl ? `${input.publicUrl.replace(/\/+$/, '')}/events/${encodeURIComponent(e.id)}` : null,
    },
    ...f.extra,
    createdAt: input.now.toISOString(),
  };
}

/** Evaluates every trigger of a rule on an event that matches it. */
export function evaluateTriggers(input: TriggerInput): TriggerResult {
  const { rule, event, comparison, now } = input;
  const state: RuleEventState = structuredClone(input.previous ?? emptyState(rule.name, event.id));
  state.eventId = event.id;
  const fired: Fired[] = [];
  for (const t of rule.triggers) {
    if (t.kind === 'new-event') {
      if (!state.lastAlertAt['new-event']) {
        const countries = event.outletCountries.length;
        fired.push({
          trigger: 'new-event', content: [],
          summary: `New event: ${event.title} (${event.outlets.length} outlet${event.outlets.length > 1 ? 's' : ''}, ${countries} countr${countries > 1 ? 'ies' : 'y'})`,
          extra: {}, throttled: false,
        });
      }
    } else if (t.kind === 'escalation') {
      const f = escalation(t, event, state);
      if (f) fired.push(f);
    } else if (t.kind === 'divergence') {
      const f = divergence(event, comparison, state);
      if (f) fired.push(f);
    } else {
      fired.push(...firstReports(t, event, state));
    }
  }
  // Everything in the comparison now is known, alerted or not: divergence is about what is new.
  if (comparison) {
    state.conflicts = [...new Set([...state.conflicts, ...comparison.conflicts.map(conflictKey)])].sort();
    state.claims = [...new Set([...state.claims, ...comparison.claims.filter((c) => c.unique).map(claimKey)])].sort();
  }

  const alerts = fired.map((f): AlertRecord => {
    const id = alertId(rule.name, event.id, f.trigger, f.content);
    const last = state.lastAlertAt[f.trigger];
    const inWindow = f.throttled && last !== undefined && now.getTime() - Date.parse(last) < rule.throttleMs;
    // Within the window the change still reaches the analyst, in the next digest.
    const mode: DeliveryMode = inWindow && rule.mode === 'now' ? 'hourly' : rule.mode;
    if (!inWindow) state.lastAlertAt[f.trigger] = now.toISOString();
    return { id, rule: rule.name, trigger: f.trigger, eventId: event.id, channels: rule.channels, mode, payload: payloadOf(id, rule.name, f, input) };
  });
  return { alerts, state };
}
