import type { EventState } from './event-state.js';

/**
 * Where open events live. The clusterer only talks to this interface, so the same decisions run in
 * memory (tests, benchmark) and against the store. Candidates come from an inverted index from
 * features to the events posted under them, limited to events updated within the window: the cost
 * of one lookup depends on how many events are open, not on how many articles were ever stored.
 */
export interface EventIndex {
  /** Open events posted under any of `features`, with the summed weight of the features they matched. */
  candidates(features: readonly { feature: string; weight: number }[], at: number): Promise<{ event: EventState; hits: number }[]>;
  /** The event, following merges: a merged-away id resolves to the event that absorbed it. */
  get(id: string): Promise<EventState | undefined>;
  /** Creates or updates an event, posting it under `features` (added to those it already has). */
  save(event: EventState, features: readonly string[]): Promise<void>;
  /** Records that `fromId` was merged into `intoId`; `fromId` stops being a candidate. */
  retire(fromId: string, intoId: string): Promise<void>;
  /** The event an article was assigned to. */
  eventOfArticle(articleId: string): Promise<string | undefined>;
  linkArticle(articleId: string, eventId: string): Promise<void>;
  /**
   * The id of an event the article `firstArticleId` starts. Derived from that article, so ids are
   * unique without coordination and a state rebuilt by a different history (another version of
   * the clusterer replaying the log) can never give an existing id to another event.
   */
  newId(firstArticleId: string): string;
}

export interface MemoryEventIndexOptions {
  /** An event not updated for this long stops being a candidate (ms). */
  windowMs: number;
}

export class MemoryEventIndex implements EventIndex {
  private readonly open = new Map<string, EventState>();
  private readonly closed = new Map<string, EventState>();
  private readonly postings = new Map<string, Set<string>>();
  private readonly posted = new Map<string, Set<string>>();
  private readonly aliases = new Map<string, string>();
  private readonly articles = new Map<string, string>();
  private latest = -Infinity;
  private saves = 0;

  constructor(private readonly options: MemoryEventIndexOptions = { windowMs: 7 * 86_400_000 }) {}

  async candidates(features: readonly { feature: string; weight: number }[], at: number) {
    const since = at - this.options.windowMs;
    const hits = new Map<string, number>();
    for (const { feature, weight } of features) {
      const list = this.postings.get(feature);
      if (!list) continue;
      for (const id of list) hits.set(id, (hits.get(id) ?? 0) + weight);
    }
    const out: { event: EventState; hits: number }[] = [];
    for (const [id, h] of hits) {
      const event = this.open.get(id);
      if (event && event.lastUpdated >= since) out.push({ event, hits: h });
    }
    return out;
  }

  async get(id: string): Promise<EventState | undefined> {
    let current = id;
    for (let alias = this.aliases.get(current); alias; alias = this.aliases.get(current)) current = alias;
    return this.open.get(current) ?? this.closed.get(current);
  }

  async save(event: EventState, features: readonly string[]): Promise<void> {
    this.open.set(event.id, event);
    let mine = this.posted.get(event.id);
    if (!mine) this.posted.set(event.id, (mine = new Set()));
    for (const f of features) {
      if (mine.has(f)) continue;
      mine.add(f);
      let list = this.postings.get(f);
      if (!list) this.postings.set(f, (list = new Set()));
      list.add(event.id);
    }
    this.latest = Math.max(this.latest, event.lastUpdated);
    if (++this.saves % 1000 === 0) this.sweep();
  }

  async retire(fromId: string, intoId: string): Promise<void> {
    const event = this.open.get(fromId);
    this.unpost(fromId);
    this.open.delete(fromId);
    if (event) this.closed.set(fromId, event);
    this.aliases.set(fromId, intoId);
  }

  async eventOfArticle(articleId: string): Promise<string | undefined> {
    return this.articles.get(articleId);
  }

  async linkArticle(articleId: string, eventId: string): Promise<void> {
    this.articles.set(articleId, eventId);
  }

  newId(firstArticleId: string): string {
    return `ev-${firstArticleId}`;
  }

  /** Number of open events (for tests and the benchmark). */
  openCount(): number {
    return this.open.size;
  }

  /** Closes events that fell out of the window, so posting lists only hold open events. */
  private sweep(): void {
    const since = this.latest - this.options.windowMs;
    for (const [id, e] of this.open) {
      if (e.lastUpdated >= since) continue;
      this.unpost(id);
      this.open.delete(id);
      this.closed.set(id, e);
    }
  }

  private unpost(id: string): void {
    for (const f of this.posted.get(id) ?? []) {
      const list = this.postings.get(f);
      list?.delete(id);
      if (list && list.size === 0) this.postings.delete(f);
    }
    this.posted.delete(id);
  }
}
