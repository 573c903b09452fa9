import type { EventState } from './event-state.js';
import { decodeState, encodeState } from './state-codec.js';

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
  /** Saves between two sweeps of the events that fell out of the window. */
  sweepEvery: number;
}

export const DEFAULT_EVENT_INDEX_OPTIONS: MemoryEventIndexOptions = { windowMs: 7 * 86_400_000, sweepEvery: 1000 };

/**
 * What a MemoryEventIndex holds, as plain data (a snapshot). Orders are kept: a posting list's
 * order decides which of two equally good candidates wins.
 */
export interface EventIndexState {
  open: EventState[];
  /** Closed events, each encoded on its own (a snapshot of an earlier version holds them as they are). */
  closed: ([string, Uint8Array] | EventState)[];
  /** Feature, then the open events posted under it in the order they were posted. */
  postings: [string, string[]][];
  aliases: [string, string][];
  articles: [string, string][];
  latest: number;
  saves: number;
}

/**
 * The event index in memory, bounded: it holds the open events, and of the past only what a
 * decision can still reach. Decisions reach a closed event in one way only, through a copy of one
 * of its articles (Clusterer: a copy joins its original's event, open or not); the duplicate index
 * says when an article can no longer be found as an original (`forgetArticles`), and a closed
 * event, or a merged-away id, that no remembered article leads to is dropped at the next sweep.
 * Dropping what nothing can reach changes no decision, so bounded and unbounded states decide alike.
 * A closed event that is kept is held encoded (a few KB instead of its centroids' maps): a copy
 * revives one now and then, while a dense stream keeps several times more closed than open.
 */
export class MemoryEventIndex implements EventIndex {
  private readonly open = new Map<string, EventState>();
  private readonly closed = new Map<string, Uint8Array>();
  private readonly postings = new Map<string, Set<string>>();
  private readonly posted = new Map<string, Set<string>>();
  private readonly aliases = new Map<string, string>();
  private readonly articles = new Map<string, string>();
  private latest = -Infinity;
  private saves = 0;
  private readonly options: MemoryEventIndexOptions;

  constructor(options: Partial<MemoryEventIndexOptions> = {}) {
    this.options = { ...DEFAULT_EVENT_INDEX_OPTIONS, ...options };
  }

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
    const open = this.open.get(current);
    if (open) return open;
    // Decoded afresh: whoever changes it saves it, which opens it again.
    const closed = this.closed.get(current);
    return closed && decodeState<EventState>(closed);
  }

  async save(event: EventState, features: readonly string[]): Promise<void> {
    this.open.set(event.id, event);
    // A closed event a copy joined is open again.
    this.closed.delete(event.id);
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
    if (++this.saves % this.options.sweepEvery === 0) this.sweep();
  }

  async retire(fromId: string, intoId: string): Promise<void> {
    // Its state is not kept: `get` follows the alias first, so nothing can read it again.
    this.unpost(fromId);
    this.open.delete(fromId);
    this.aliases.set(fromId, intoId);
  }

  async eventOfArticle(articleId: string): Promise<string | undefined> {
    return this.articles.get(articleId);
  }

  async linkArticle(articleId: string, eventId: string): Promise<void> {
    this.articles.set(articleId, eventId);
  }

  /** Articles nothing can look up any more (the duplicate index dropped them): their links go. */
  forgetArticles(ids: Iterable<string>): void {
    for (const id of ids) this.articles.delete(id);
  }

  newId(firstArticleId: string): string {
    return `ev-${firstArticleId}`;
  }

  /** Number of open events (for tests and the benchmark). */
  openCount(): number {
    return this.open.size;
  }

  /** What the index holds, counted (for tests and the benchmark). */
  counts(): { open: number; closed: number; aliases: number; articles: number; features: number } {
    return { open: this.open.size, closed: this.closed.size, aliases: this.aliases.size, articles: this.articles.size, features: this.postings.size };
  }

  snapshot(): EventIndexState {
    return {
      open: [...this.open.values()],
      closed: [...this.closed],
      postings: [...this.postings].map(([f, ids]) => [f, [...ids]]),
      aliases: [...this.aliases],
      articles: [...this.articles],
      latest: this.latest,
      saves: this.saves,
    };
  }

  restore(state: EventIndexState): void {
    for (const m of [this.open, this.closed, this.postings, this.posted, this.aliases, this.articles]) m.clear();
    for (const e of state.open) this.open.set(e.id, e);
    for (const c of state.closed) {
      if (Array.isArray(c)) this.closed.set(c[0], c[1]);
      else this.closed.set(c.id, encodeState(c, { gzip: true }));
    }
    for (const [f, ids] of state.postings) {
      this.postings.set(f, new Set(ids));
      for (const id of ids) {
        let mine = this.posted.get(id);
        if (!mine) this.posted.set(id, (mine = new Set()));
        mine.add(f);
      }
    }
    for (const [from, into] of state.aliases) this.aliases.set(from, into);
    for (const [a, e] of state.articles) this.articles.set(a, e);
    this.latest = state.latest;
    this.saves = state.saves;
  }

  /**
   * Closes events that fell out of the window, so posting lists only hold open events, and drops
   * the closed events and merged-away ids no remembered article leads to any more.
   */
  private sweep(): void {
    const since = this.latest - this.options.windowMs;
    const reachable = new Set<string>();
    for (const id of this.articles.values()) {
      for (let cur: string | undefined = id; cur !== undefined && !reachable.has(cur); cur = this.aliases.get(cur)) reachable.add(cur);
    }
    for (const [id, e] of this.open) {
      if (e.lastUpdated >= since) continue;
      this.unpost(id);
      this.open.delete(id);
      // Encoded only if a copy can still revive it.
      if (reachable.has(id)) this.closed.set(id, encodeState(e, { gzip: true }));
    }
    for (const id of this.closed.keys()) if (!reachable.has(id)) this.closed.delete(id);
    for (const id of this.aliases.keys()) if (!reachable.has(id)) this.aliases.delete(id);
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
