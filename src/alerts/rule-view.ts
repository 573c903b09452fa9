import type { RuleFilters } from './rules.js';
import type { EventArticleView, EventView } from '../model/event-view.js';

/**
 * The event as one rule sees it: only the articles its filters let through, with outlets, outlet
 * countries and languages recomputed from them. So "escalation among Sahel feeds" counts Sahel
 * outlets only, and a rule for Arabic outlets is not woken by an English wire copy.
 * Null when no article passes.
 */
export function ruleView(filters: RuleFilters, event: EventView, feedTags: ReadonlyMap<string, readonly string[]>): EventView | null {
  const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const outlets = lower(filters.outlets);
  const tags = new Set(filters.tags);
  const aboutWatched = event.countries.some((c) => filters.countries.includes(c));
  const passes = (a: EventArticleView) =>
    (filters.countries.length === 0 || aboutWatched || filters.countries.includes(a.country)) &&
    (filters.languages.length === 0 || filters.languages.includes(a.language)) &&
    (outlets.size === 0 || outlets.has(a.outlet.toLowerCase())) &&
    (filters.feeds.length === 0 || filters.feeds.includes(a.feedId)) &&
    (tags.size === 0 || (feedTags.get(a.feedId) ?? []).some((t) => tags.has(t)));
  const articles = event.articles.filter(passes);
  if (articles.length === 0) return null;
  if (articles.length === event.articles.length) return event;
  return {
    ...event,
    articles,
    outlets: [...new Set(articles.map((a) => a.outlet))].sort(),
    outletCountries: [...new Set(articles.map((a) => a.country))].sort(),
    languages: [...new Set(articles.map((a) => a.language))].sort(),
  };
}

/** When an article appeared: its publication time, or when Parallax found it. */
export const articleTime = (a: EventArticleView): number => Date.parse(a.published ?? a.discoveredAt);
