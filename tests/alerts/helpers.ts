import { compileRules, type EventForAlerts } from '../../src/alerts/evaluate.js';
import { loadVocabulary } from '../../src/cluster/index.js';
import type { Comparison, Conflict, Claim } from '../../src/compare/types.js';
import { parseWatchlistsConfig } from '../../src/config/watchlists-config.js';
import type { EventArticleView, EventView } from '../../src/model/event-view.js';

export const vocabulary = loadVocabulary();

export interface TestArticle extends Partial<EventArticleView> {
  id: string;
  at: string;
  text?: string;
}

/** An event as the store would show it, built from its articles. */
export function eventOf(id: string, title: string, articles: TestArticle[], countries: string[] = []): EventForAlerts {
  const views: EventArticleView[] = articles.map(({ at, text: _text, ...a }) => ({
    url: `https://${a.id}.example/story`, outlet: a.id, country: 'ML', language: 'en', title: a.id, published: at,
    discoveredAt: at, feedId: `feed-${a.outlet ?? a.id}`, duplicateOf: null, why: null, ...a,
  }));
  const times = articles.map((a) => a.at).sort();
  const view: EventView = {
    id, title, firstSeen: times[0]!, lastUpdated: times.at(-1)!, articles: views,
    outlets: [...new Set(views.map((a) => a.outlet))].sort(),
    countries,
    outletCountries: [...new Set(views.map((a) => a.country))].sort(),
    languages: [...new Set(views.map((a) => a.language))].sort(),
    keys: [], entities: [], mergedFrom: [],
  };
  return { view, texts: new Map(articles.map((a) => [a.id, a.text ?? ''])), comparison: null };
}

export function rulesOf(watchlists: string) {
  const config = parseWatchlistsConfig('test.yaml', `channels:\n  hook: { type: webhook, url: "http://127.0.0.1:9/h", secretEnv: HOOK_SECRET }\n${watchlists}`);
  return compileRules(config, vocabulary);
}

export function comparisonOf(event: EventForAlerts, conflicts: Conflict[], claims: Claim[] = []): Comparison {
  const e = event.view;
  return {
    event: { id: e.id, title: e.title, firstSeen: e.firstSeen, lastUpdated: e.lastUpdated, articleCount: e.articles.length },
    accounts: [], timeline: [], claims, conflicts, contradictions: [], quotes: [], sources: [], entities: [], framing: [],
  };
}

export const conflict = (about: string, values: [string, string[]][]): Conflict => ({
  about, kind: 'count', values: values.map(([value, articles]) => ({ value, articles, quotes: [] })),
});

export const uniqueClaim = (text: string, url: string): Claim => ({
  text, wordings: [{ url, language: 'en', text }], articles: [url], shared: false, unique: true, uniqueTo: { kind: 'account', url },
});
