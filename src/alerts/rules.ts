import type { ChannelConfig } from './channels/types.js';
import type { QueryNode } from './query.js';
import type { DeliveryMode } from './types.js';

/** Watchlist rules, as watchlists.yaml `watchlists:` configures them: which events alert whom. */

export type TriggerConfig =
  | { kind: 'new-event' }
  /** Fires when the event gains at least `outlets` new outlets, or `countries` new outlet countries, within `withinMs`. */
  | { kind: 'escalation'; outlets: number | null; countries: number | null; withinMs: number }
  | { kind: 'divergence' }
  /** Fires on the first report of the event from one of these outlet countries or outlets. */
  | { kind: 'first-report'; countries: string[]; outlets: string[] };

/** Which articles a rule looks at; an empty list means "any". */
export interface RuleFilters {
  /** Countries the event is about, or of the outlets reporting it. */
  countries: string[];
  languages: string[];
  outlets: string[];
  /** Feed ids of config/feeds.yaml. */
  feeds: string[];
  /** Tags of the feeds (config/feeds.yaml `tags`). */
  tags: string[];
}

export interface WatchlistRule {
  name: string;
  /** The query as written, for messages and the API. */
  queryText: string;
  query: QueryNode;
  filters: RuleFilters;
  triggers: TriggerConfig[];
  channels: string[];
  mode: DeliveryMode;
  /** At most one alert per event per trigger within this time; later ones go to the digest. */
  throttleMs: number;
}

export interface WatchlistsConfig {
  channels: Record<string, ChannelConfig>;
  rules: WatchlistRule[];
}
