import { eventRecord, memoryClusterer, type Assignment, type Clusterer, type EventState, type MemoryEventIndex, type Vocabulary } from '../cluster/index.js';
import type { Logger } from '../log.js';
import { AssignmentConflictError, type AssignableArticle, type AssignmentWrite, type EventWrite, type Store } from '../store/index.js';

/** Decisions written per transaction. */
const BATCH = 200;

export type AssignResult =
  | { outcome: 'missing' | 'not-ready' | 'already-assigned'; articleId: string }
  | { outcome: 'assigned'; articleId: string; eventId: string; created: boolean; duplicateOf: string | null };

/**
 * Event assignment with the clusterer's state in memory, kept correct across processes.
 *
 * Online clustering is a sequence of decisions, each depending on all before it, so one decider
 * may run at a time: the events queue has a global concurrency of 1 (BullMQ), and run-once is one
 * process. Any process may be that decider, though, one job after another. The store keeps the
 * decisions as a log (articles.event_seq); the clusterer is deterministic, so a process that is
 * behind replays the log it has not seen through the same clusterer and arrives at exactly the
 * state the other deciders had, event ids included. The log position is unique in the database,
 * so even two deciders that did overlap (a stalled job taken over) cannot both write: the loser
 * gets a conflict and its job is retried. After any failure (a conflict or a fault) the state is
 * rebuilt from the log before the next decision, so nothing decided but unwritten counts twice.
 */
export class EventAssigner {
  private clusterer!: Clusterer;
  private index!: MemoryEventIndex;
  private seq = 0;

  constructor(
    private readonly store: Store,
    private readonly vocabulary: Vocabulary,
    private readonly log: Logger,
  ) {
    this.reset();
  }

  private reset(): void {
    ({ clusterer: this.clusterer, index: this.index } = memoryClusterer(this.vocabulary));
    this.seq = 0;
  }

  private decide(a: AssignableArticle): Promise<Assignment> {
    return this.clusterer.assign({ id: a.id, url: a.url, language: a.language, title: a.title, text: a.text, published: a.at, outlet: a.outlet });
  }

  /** Replays the decisions other processes logged since this one last looked. */
  async catchUp(): Promise<number> {
    // The store holds each article's event as it is now, after merges decided later in the log:
    // replay and store are compared once the whole log has been replayed, both through merges.
    const replayedAs: { articleId: string; logged: string; replayed: string }[] = [];
    let replayedCount = 0;
    for (;;) {
      const batch = await this.store.events.log(this.seq);
      if (batch.length === 0) break;
      for (const a of batch) {
        const again = await this.decide(a);
        if (a.eventId !== null) replayedAs.push({ articleId: a.id, logged: a.eventId, replayed: again.eventId });
        this.seq = a.eventSeq;
        replayedCount++;
      }
    }
    for (const r of replayedAs) {
      const replayed = (await this.index.get(r.replayed))?.id;
      if (replayed !== (await this.index.get(r.logged))?.id) {
        // Replay must reproduce the log; if it does not (clusterer or vocabulary changed since),
        // later decisions are still valid, only their event ids may differ from older ones.
        this.log.warn({ articleId: r.articleId, logged: r.logged, replayed }, 'event log replay diverged');
      }
    }
    return replayedCount;
  }

  /** An event as this decider's state holds it (following merges), with its articles' ids sorted. */
  async stateOf(eventId: string): Promise<(Omit<EventWrite, 'record'> & { articleIds: string[] }) | undefined> {
    const event = await this.index.get(eventId);
    if (!event) return undefined;
    const { record: _record, ...write } = this.toWrite(event);
    return { ...write, articleIds: event.members.map((m) => m.articleId).sort() };
  }

  async assign(articleId: string): Promise<AssignResult> {
    return this.fromTheLogOnFailure(async () => {
      await this.catchUp();
      const a = await this.store.events.getAssignable(articleId);
      if (!a) return { outcome: 'missing', articleId };
      if (a.status === 'pending') return { outcome: 'not-ready', articleId };
      if (a.eventSeq !== null) return { outcome: 'already-assigned', articleId };
      return (await this.decideAndWrite([a]))[0]!;
    });
  }

  /**
   * Assigns every stored article that has no event yet, in publication order (assign-event jobs,
   * run-once), writing the decisions in batches: one transaction per batch, not per article.
   */
  async assignAll(onProgress?: (done: number, total: number) => void): Promise<AssignResult[]> {
    return this.fromTheLogOnFailure(async () => {
      await this.catchUp();
      const backlog = await this.store.events.unassigned();
      const results: AssignResult[] = [];
      for (let i = 0; i < backlog.length; i += BATCH) {
        results.push(...(await this.decideAndWrite(backlog.slice(i, i + BATCH))));
        onProgress?.(results.length, backlog.length);
      }
      return results;
    });
  }

  /**
   * Runs `work`; if it fails anywhere (a write refused, a connection lost, a read cut short), the
   * in-memory state may hold decisions the log does not, so it is dropped: the next call replays
   * the log from the start and decides from exactly what was written.
   */
  private async fromTheLogOnFailure<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      const conflict = err instanceof AssignmentConflictError;
      this.log.warn({ err: (err as Error).message, conflict }, 'event assignment failed; state will be rebuilt from the log');
      this.reset();
      throw err;
    }
  }

  private toWrite(event: EventState): EventWrite {
    const record = eventRecord(event, this.vocabulary);
    return {
      id: event.id,
      title: record.title,
      firstSeen: new Date(event.firstSeen),
      lastUpdated: new Date(event.lastUpdated),
      articleCount: event.members.length,
      // The articles live in the articles table (event_id); storing them again in the record
      // would rewrite the whole list on every assignment.
      record: { ...record, articles: undefined } as unknown as Record<string, unknown>,
    };
  }

  private async decideAndWrite(articles: AssignableArticle[]): Promise<AssignResult[]> {
    const writes: AssignmentWrite[] = [];
    const results: AssignResult[] = [];
    const touched = new Set<string>();
    for (const a of articles) {
      const r = await this.decide(a);
      writes.push({ articleId: a.id, seq: this.seq + writes.length + 1, eventId: r.eventId, duplicateOf: r.duplicateOf, why: { ...r.why, created: r.created }, merged: r.merged });
      results.push({ outcome: 'assigned', articleId: a.id, eventId: r.eventId, created: r.created, duplicateOf: r.duplicateOf });
      touched.add(r.eventId);
    }
    // Resolved after every decision of the batch: an event touched early and merged away later is
    // written as the event that absorbed it, once (one upsert cannot touch a row twice).
    const events = new Map<string, EventWrite>();
    for (const id of touched) {
      const event = await this.index.get(id);
      if (!event) throw new Error(`clusterer returned unknown event ${id}`);
      if (!events.has(event.id)) events.set(event.id, this.toWrite(event));
    }
    await this.store.events.record(writes, [...events.values()]);
    this.seq += writes.length;
    return results;
  }
}
