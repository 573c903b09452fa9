/**
 * The event as readers see it: the store builds it from its rows, alerts evaluate rules on it and
 * the web and API pages show it. It lives here, owned by none of them, so that neither the store
 * nor alerts has to import the other for it.
 */

export interface EventArticleView {
  id: string;
  url: string;
  outlet: string;
  country: string;
  language: string;
  title: string;
  published: string | null;
  /** When Parallax first saw it (ISO): the article's time when the outlet gave none. */
  discoveredAt: string;
  /** Id of the feed (config/feeds.yaml) it came from. */
  feedId: string;
  duplicateOf: string | null;
  /** Why it joined: shared terms and keys, and the score. */
  why: Record<string, unknown> | null;
}

/**
 * An event as `parallax events --json` and `GET /api/events` show it. Field names are a contract:
 * add fields, never rename or remove one.
 */
export interface EventView {
  id: string;
  title: string;
  firstSeen: string;
  lastUpdated: string;
  articles: EventArticleView[];
  outlets: string[];
  /** Countries the event is about (from the places it names). */
  countries: string[];
  /** Countries of the outlets that reported it. */
  outletCountries: string[];
  languages: string[];
  keys: string[];
  entities: string[];
  mergedFrom: string[];
}
