import { decodeState, encodeState, eventRecord, finalEventIds, memoryClusterer, type Assignment, type ClustererSnapshot, type EventState, type MemoryClusterer, type MemoryClustererOptions, type Vocabulary } from '../cluster/index.js';
import type { Logger } from '../log.js';
import { AssignmentConflictError, type AssignableArticle, type AssignmentWrite, type EventSnapshotWrite, type EventWrite, type Store } from '../store/index.js';

/** Decisions written per transaction. */
const BATCH = 200;

export type AssignResult =
  | { outcome: 'missing' | 'not-ready' | 'already-assigned'; articleId: string }
  | { outcome: 'assigned'; articleId: string; eventId: string; created: boolean; duplicateOf: string | null };

export interface EventAssignerOptions {
  /**
   * Decisions between two snapshots of the clusterer's state saved in the store: a process that
   * starts replays at most about this many (plus one batch), whatever the length of the log. A
   * count of decisions, not a time: replay costs what was decided since, however long that took.
   * A thousand: replaying one costs a few ms on a dense stream, so a start replays for seconds.
   */
  snapshotEvery: number;
  /**
   * At most this share of the decider's time goes to snapshots, encoding and writing them: a due
   * one waits until the time since the last is that one's cost over this share. null: every `snapshotEvery`. A snapshot
   * of a large state takes seconds to encode, and a backlog decides thousands a minute; the log
   * makes a skipped one cost only a longer replay. The clock decides when, never what is decided.
   */
  snapshotCostShare: number | null;
  /** The clusterer's windows (tests shorten them); the defaults otherwise. */
  windows: Partial<MemoryClustererOptions>;
}

export const DEFAULT_EVENT_ASSIGNER_OPTIONS: EventAssignerOptions = { snapshotEvery: 1000, snapshotCostShare: 0.1, windows: {} };

/**
 * Event assignment with the clusterer's state in memory, kept correct across processes.
 *
 * Online clustering is a sequence of decisions, each depending on all before it, so one decider
 * may run at a time: the events queue has a global concurrency of 1 (BullMQ), and run-once is one
 * process. Any process may be that decider, though, one job after another. The store keeps the
 * decisions as a log (articles.event_seq); the clusterer is deterministic, so a process that is
 * behind replays the log it has not seen through the same clusterer and arrives at exactly the
 * state the other deciders had, event ids included. It starts from the latest snapshot of that
 * state the store holds (written with the decisions it covers, every `snapshotEvery`), so it
 * replays only the log after it. The log position is unique in the database, so even two
 * deciders that did overlap (a stalled job taken over) cannot both write: the loser gets a
 * conflict and its job is retried. After any failure (a conflict or a fault) the state is rebuilt
 * from the latest snapshot and the log before the next decision, so nothing decided but unwritten
 * counts twice.
 */
export class EventAssigner {
  private state!: MemoryClusterer;
  private seq = 0;
  /** Whether the state was started from the store's snapshot (done before the first replay). */
  private started = false;
  /** The log position of the latest snapshot written or loaded. */
  private snapshotSeq = 0;
  /** When the latest snapshot was encoded or written (performance.now()), and what it cost, encoding and writing (ms). */
  private snapshotTimes = { at: -Infinity, costMs: 0 };
  /** Calls deciding or replaying now (checkpoint waits for none: it is refused). */
  private busy = 0;
  private readonly options: EventAssignerOptions;

  constructor(
    private readonly store: Store,
    private readonly vocabulary: Vocabulary,
    private readonly log: Logger,
    options: Partial<EventAssignerOptions> = {},
  ) {
    this.options = { ...DEFAULT_EVENT_ASSIGNER_OPTIONS, ...options };
    this.reset();
  }

  private reset(): void {
    this.state = memoryClusterer(this.vocabulary, {}, this.options.windows);
    this.seq = 0;
    this.started = false;
    this.snapshotSeq = 0;
  }

  /** The log position this decider's state has reached. */
  position(): number {
    return this.seq;
  }

  private decide(a: AssignableArticle): Promise<Assignment> {
    return this.state.clusterer.assign({ id: a.id, url: a.url, language: a.language, title: a.title, text: a.text, published: a.at, outlet: a.outlet });
  }

  /**
   * Loads the latest snapshot this clusterer can resume. One of another clusterer version or
   * vocabulary is passed over (its decisions would not be ours): the log is replayed from further back.
   */
  private async start(): Promise<void> {
    if (this.started) return;
    // Marked only once read: a read that fails is tried again before the next replay.
    await this.loadSnapshot();
    this.started = true;
  }

  private async loadSnapshot(): Promise<void> {
    const kept = await this.store.events.snapshots();
    const usable = kept.find((k) => k.identity === this.state.identity);
    if (kept.length > 0 && kept[0] !== usable) {
      this.log.warn({ snapshot: kept[0]!.seq, identity: kept[0]!.identity, ours: this.state.identity, resumeFrom: usable?.seq ?? 0 }, 'event state snapshot made by another clusterer or vocabulary; replaying the log from further back');
    }
    if (!usable) return;
    const began = performance.now();
    const read = await this.readSnapshot(usable.seq);
    if (!read) return;
    try {
      if ('error' in read) throw read.error;
      this.state.restore(read.state);
    } catch (err) {
      this.log.warn({ err: (err as Error).message, snapshot: usable.seq }, 'event state snapshot unreadable; replaying the log from the start');
      this.state = memoryClusterer(this.vocabulary, {}, this.options.windows);
      return;
    }
    this.seq = this.snapshotSeq = usable.seq;
    this.log.info({ snapshot: usable.seq, bytes: read.bytes, ms: Math.round(performance.now() - began) }, 'event state loaded from snapshot');
  }

  /**
   * A snapshot read and decoded. Its encoded bytes are not kept past the decoding, so a restore
   * never holds both; a read that fails throws, a decoding that fails is returned.
   */
  private async readSnapshot(seq: number): Promise<{ state: ClustererSnapshot; bytes: number } | { error: unknown } | undefined> {
    const bytes = await this.store.events.snapshotState(seq);
    if (!bytes) return undefined;
    try {
      return { state: decodeState<ClustererSnapshot>(bytes), bytes: bytes.byteLength };
    } catch (error) {
      return { error };
    }
  }

  private snapshotDue(seq: number): boolean {
    if (seq - this.snapshotSeq < this.options.snapshotEvery) return false;
    const share = this.options.snapshotCostShare;
    return share === null || performance.now() - this.snapshotTimes.at >= this.snapshotTimes.costMs / share;
  }

  /**
   * Saves the state as a snapshot if it holds decisions the latest one does not: a process that
   * starts next (after a deploy, say) then replays nothing. For a clean stop, once no job runs.
   * Refused while a decision is under way: the state would be ahead of the log.
   */
  async checkpoint(): Promise<boolean> {
    if (this.busy > 0 || !this.started || this.seq <= this.snapshotSeq) return false;
    const began = performance.now();
    const saved = await this.saveSnapshotNow();
    this.log.debug({ seq: this.seq, saved, ms: Math.round(performance.now() - began) }, 'event state checkpoint');
    return saved;
  }

  private snapshotAt(seq: number): EventSnapshotWrite {
    const began = performance.now();
    const state = encodeState(this.state.snapshot());
    this.snapshotTimes = { at: performance.now(), costMs: performance.now() - began };
    return { seq, identity: this.state.identity, state };
  }

  /** Adds a snapshot's write, begun at `began`, to its cost: a large state takes longer to write than to encode. */
  private countWrite(began: number): void {
    const now = performance.now();
    this.snapshotTimes = { at: now, costMs: this.snapshotTimes.costMs + (now - began) };
  }

  /** Replays the decisions other processes logged since this one last looked. */
  async catchUp(): Promise<number> {
    await this.start();
    // The store holds each article's event as it is now, after merges decided later in the log:
    // replay and store are compared once the whole log has been replayed, both through the merges
    // the replay made (the state no longer holds events no decision can reach).
    const replayedAs: { articleId: string; logged: string; replayed: string }[] = [];
    const replayedMerges: Pick<Assignment, 'eventId' | 'merged'>[] = [];
    let replayedCount = 0;
    for (;;) {
      const batch = await this.store.events.log(this.seq);
      if (batch.length === 0) break;
      for (const a of batch) {
        const again = await this.decide(a);
        if (again.merged.length > 0) replayedMerges.push(again);
        if (a.eventId !== null) replayedAs.push({ articleId: a.id, logged: a.eventId, replayed: again.eventId });
        this.seq = a.eventSeq;
        replayedCount++;
      }
    }
    if (replayedAs.length > 0) {
      const ids = replayedAs.flatMap((r) => [{ eventId: r.replayed, merged: [] }, { eventId: r.logged, merged: [] }]);
      const finals = finalEventIds([...replayedMerges, ...ids]).slice(replayedMerges.length);
      replayedAs.forEach((r, i) => {
        const [replayed, logged] = [finals[2 * i], finals[2 * i + 1]];
        // Replay must reproduce the log; if it does not (clusterer or vocabulary changed since),
        // later decisions are still valid, only their event ids may differ from older ones.
        if (replayed !== logged) this.log.warn({ articleId: r.articleId, logged: r.logged, replayed }, 'event log replay diverged');
      });
    }
    // A long replay (a first start, a passed-over snapshot) is saved, so the next start is short.
    if (replayedCount > 0 && this.snapshotDue(this.seq)) await this.saveSnapshotNow();
    return replayedCount;
  }

  /**
   * An event as this decider's state holds it (following merges), with its articles' ids sorted;
   * undefined for an event the state no longer holds (closed, and beyond the reach of any copy).
   */
  async stateOf(eventId: string): Promise<(Omit<EventWrite, 'record'> & { articleIds: string[] }) | undefined> {
    const event = await this.state.index.get(eventId);
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
      // A backlog decides faster than snapshots are allowed to cost; once it is done, one that came
      // due meanwhile is taken, so a start after it does not replay the whole backlog.
      if (this.seq - this.snapshotSeq >= this.options.snapshotEvery) await this.saveSnapshotNow();
      return results;
    });
  }

  /**
   * Runs `work`; if it fails anywhere (a write refused, a connection lost, a read cut short), the
   * in-memory state may hold decisions the log does not, so it is dropped: the next call replays
   * the log from the start and decides from exactly what was written.
   */
  private async fromTheLogOnFailure<T>(work: () => Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await work();
    } catch (err) {
      const conflict = err instanceof AssignmentConflictError;
      this.log.warn({ err: (err as Error).message, conflict }, 'event assignment failed; state will be rebuilt from the log');
      this.reset();
      throw err;
    } finally {
      this.busy--;
    }
  }

  private async saveSnapshotNow(): Promise<boolean> {
    const seq = this.seq;
    const snapshot = this.snapshotAt(seq);
    const began = performance.now();
    const saved = await this.store.events.saveSnapshot(snapshot);
    this.countWrite(began);
    if (saved) this.snapshotSeq = seq;
    return saved;
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
    const decided: Assignment[] = [];
    // Each event's state as the batch leaves it, taken as it is touched: the index may forget a
    // closed event before the batch is written (one an old article started, say).
    const states = new Map<string, EventState>();
    for (const a of articles) {
      const r = await this.decide(a);
      writes.push({ articleId: a.id, seq: this.seq + writes.length + 1, eventId: r.eventId, duplicateOf: r.duplicateOf, why: { ...r.why, created: r.created }, merged: r.merged });
      results.push({ outcome: 'assigned', articleId: a.id, eventId: r.eventId, created: r.created, duplicateOf: r.duplicateOf });
      decided.push(r);
      for (const m of r.merged) states.delete(m);
      const event = await this.state.index.get(r.eventId);
      if (!event) throw new Error(`clusterer returned unknown event ${r.eventId}`);
      states.set(r.eventId, event);
    }
    // Resolved after every decision of the batch: an event touched early and merged away later is
    // written as the event that absorbed it, once (one upsert cannot touch a row twice).
    const events = [...new Set(finalEventIds(decided))].map((id) => this.toWrite(states.get(id)!));
    const last = this.seq + writes.length;
    const snapshot = this.snapshotDue(last) ? this.snapshotAt(last) : undefined;
    const began = performance.now();
    await this.store.events.record(writes, events, snapshot);
    // The batch's own writes are counted with the snapshot's: a few ms beside seconds.
    if (snapshot) this.countWrite(began);
    this.seq = last;
    if (snapshot) this.snapshotSeq = last;
    return results;
  }
}
