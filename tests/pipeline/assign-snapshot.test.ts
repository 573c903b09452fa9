import { pino } from 'pino';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadVocabulary, type MemoryClustererOptions, type Vocabulary } from '../../src/cluster/index.js';
import { EventAssigner } from '../../src/pipeline/assign-event.js';
import type { Store } from '../../src/store/index.js';
import { storageTargets } from '../helpers/databases.js';
import { freshStores } from '../helpers/fresh-stores.js';
import { LONG_STREAM, longStream } from '../helpers/long-stream.js';
import { storeStream } from '../helpers/store-stream.js';

/**
 * Snapshots of the clusterer's state in the store: a new decider resumes from the latest one and
 * replays only the log after it, and decides exactly as a decider that never stopped.
 */
const silent = pino({ level: 'silent' });
const DAY = 86_400_000;
/** Short windows, so that the stream crosses several and the snapshots hold a bounded state. */
const WINDOWS: Partial<MemoryClustererOptions> = { events: { windowMs: 7 * DAY, sweepEvery: 100 }, duplicates: { windowMs: 20 * DAY, sweepEvery: 150 } };
const SNAPSHOT_EVERY = 200;
const stream = longStream({ ...LONG_STREAM, days: 22 });
const half = Math.floor(stream.length / 2);

let vocabulary: Vocabulary;
beforeAll(() => {
  vocabulary = loadVocabulary();
});

/** Each article's decision as the store holds it, by URL: event, copy-of, log position. */
async function decisions(store: Store): Promise<Record<string, string>> {
  const rows = await store.database.db.selectFrom('articles').select(['url', 'event_id', 'duplicate_of', 'event_seq']).orderBy('url').execute();
  return Object.fromEntries(rows.map((r) => [r.url, `${r.event_seq} ${r.event_id} ${r.duplicate_of}`]));
}

async function events(store: Store) {
  return store.database.db.selectFrom('events').select(['id', 'title', 'article_count', 'merged_into', 'first_seen', 'last_updated', 'record']).orderBy('id').execute();
}

describe.each(storageTargets)('event state snapshots on $name', { timeout: 600_000 }, (backend) => {
  const freshStore = freshStores(backend);

  test('a new decider resumes from the latest snapshot, replays only the tail, and decides as one that never stopped', async () => {
    // One decider that never stops, over the stream stored in two halves.
    const never = await freshStore();
    const uninterrupted = new EventAssigner(never, vocabulary, silent, { snapshotEvery: SNAPSHOT_EVERY, snapshotCostShare: null, windows: WINDOWS });
    await storeStream(never, stream.slice(0, half));
    await uninterrupted.assignAll();
    await storeStream(never, stream.slice(half));
    await uninterrupted.assignAll();

    // The same, with a new decider (a restarted process) for the second half.
    const store = await freshStore();
    await storeStream(store, stream.slice(0, half));
    await new EventAssigner(store, vocabulary, silent, { snapshotEvery: SNAPSHOT_EVERY, snapshotCostShare: null, windows: WINDOWS }).assignAll();
    const kept = await store.events.snapshots();
    expect(kept.length).toBe(2);
    expect(kept[0]!.seq).toBeGreaterThan(kept[1]!.seq);
    expect(half - kept[0]!.seq).toBeLessThan(SNAPSHOT_EVERY + 200);

    await storeStream(store, stream.slice(half));
    const lines: { msg: string; snapshot?: number }[] = [];
    const watching = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
    const resumed = new EventAssigner(store, vocabulary, watching, { snapshotEvery: SNAPSHOT_EVERY, snapshotCostShare: null, windows: WINDOWS });
    const replayed = await resumed.catchUp();
    expect(replayed).toBe(half - kept[0]!.seq);
    expect(replayed).toBeLessThan(half);
    expect(lines.find((l) => l.msg === 'event state loaded from snapshot')?.snapshot).toBe(kept[0]!.seq);
    expect(lines.filter((l) => l.msg === 'event log replay diverged')).toEqual([]);
    await resumed.assignAll();

    expect(await decisions(store)).toEqual(await decisions(never));
    expect(await events(store)).toEqual(await events(never));
    // The stream reached what the windows are for: merges, and copies of articles whose event had closed.
    const late = await store.database.db.selectFrom('articles').select('url').where('url', 'like', '%/late').where('duplicate_of', 'is not', null).execute();
    expect(late.length).toBeGreaterThan(10);
    expect((await events(store)).filter((e) => (e.record as { mergedFrom: string[] }).mergedFrom.length > 0).length).toBeGreaterThan(5);
    const after = await store.events.snapshots();
    expect(after.length).toBe(2);
    expect(after[0]!.seq).toBeGreaterThan(half);

    // A snapshot another clusterer made is passed over, with a warning: the whole log is replayed.
    lines.length = 0;
    const other = new EventAssigner(store, vocabulary, watching, { windows: { ...WINDOWS, events: { windowMs: 6 * DAY, sweepEvery: 100 } } });
    expect(await other.catchUp()).toBe(stream.length);
    expect(lines.some((l) => l.msg.startsWith('event state snapshot made by another clusterer'))).toBe(true);
  });

  test('a checkpoint saves what was decided since the latest snapshot: the next decider replays nothing', async () => {
    const store = await freshStore();
    const few = stream.slice(0, 40);
    await storeStream(store, few);
    const first = new EventAssigner(store, vocabulary, silent, { snapshotEvery: SNAPSHOT_EVERY, snapshotCostShare: null, windows: WINDOWS });
    expect(await first.checkpoint()).toBe(false);
    await first.assignAll();
    expect(await store.events.snapshots()).toEqual([]);
    expect(await first.checkpoint()).toBe(true);
    expect((await store.events.snapshots()).map((k) => k.seq)).toEqual([few.length]);
    expect(await first.checkpoint()).toBe(false);
    const next = new EventAssigner(store, vocabulary, silent, { snapshotEvery: SNAPSHOT_EVERY, snapshotCostShare: null, windows: WINDOWS });
    expect(await next.catchUp()).toBe(0);
    expect(next.position()).toBe(few.length);
  });

  test('an unreadable snapshot is replayed past with a warning; a snapshot that cannot be read now is tried again', async () => {
    const store = await freshStore();
    const few = stream.slice(0, 40);
    await storeStream(store, few);
    const first = new EventAssigner(store, vocabulary, silent, { snapshotEvery: SNAPSHOT_EVERY, snapshotCostShare: null, windows: WINDOWS });
    await first.assignAll();
    expect(await first.checkpoint()).toBe(true);
    const [kept] = await store.events.snapshots();

    // The store fails the read: nothing is replayed yet, and the next try loads the snapshot.
    const lines: { msg: string }[] = [];
    const watching = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
    const flaky = new EventAssigner(store, vocabulary, watching, { snapshotEvery: SNAPSHOT_EVERY, snapshotCostShare: null, windows: WINDOWS });
    const read = store.events.snapshotState.bind(store.events);
    store.events.snapshotState = async () => { throw new Error('connection lost'); };
    await expect(flaky.catchUp()).rejects.toThrow('connection lost');
    store.events.snapshotState = read;
    expect(await flaky.catchUp()).toBe(0);
    expect(lines.some((l) => l.msg === 'event state loaded from snapshot')).toBe(true);

    // Bytes that do not decode: the whole log is replayed, with the same decisions.
    await store.database.db.updateTable('event_snapshots').set({ state: new Uint8Array([1, 2, 3, 4, 5]) }).where('seq', '=', kept!.seq).execute();
    lines.length = 0;
    const resumed = new EventAssigner(store, vocabulary, watching, { snapshotEvery: SNAPSHOT_EVERY, snapshotCostShare: null, windows: WINDOWS });
    expect(await resumed.catchUp()).toBe(few.length);
    expect(lines.some((l) => l.msg === 'event state snapshot unreadable; replaying the log from the start')).toBe(true);
    expect(lines.filter((l) => l.msg === 'event log replay diverged')).toEqual([]);
  });

  test("a snapshot's cost counts its write, not only its encoding: slow writes hold the next back", async () => {
    const store = await freshStore();
    const backlog = stream.slice(0, 3 * SNAPSHOT_EVERY + 50);
    await storeStream(store, backlog);
    // A store that takes a second to write a snapshot (a large state on a busy database).
    const record = store.events.record.bind(store.events);
    let written = 0;
    store.events.record = async (writes, events, snapshot) => {
      if (snapshot) {
        written++;
        await new Promise((r) => setTimeout(r, 1000));
      }
      return record(writes, events, snapshot);
    };
    // At a tenth of the time, one slow write holds the next back ten seconds: longer than this backlog takes.
    await new EventAssigner(store, vocabulary, silent, { snapshotEvery: SNAPSHOT_EVERY, snapshotCostShare: 0.1, windows: WINDOWS }).assignAll();
    expect(written).toBe(1);
  });

  test('a backlog whose snapshots were held back by their cost ends with one', async () => {
    const store = await freshStore();
    const backlog = stream.slice(0, 3 * SNAPSHOT_EVERY + 50);
    await storeStream(store, backlog);
    // A share this small lets the first due snapshot through and holds back every later one.
    await new EventAssigner(store, vocabulary, silent, { snapshotEvery: SNAPSHOT_EVERY, snapshotCostShare: 1e-9, windows: WINDOWS }).assignAll();
    const kept = (await store.events.snapshots()).map((k) => k.seq);
    expect(kept).toHaveLength(2);
    expect(kept[0]).toBe(backlog.length);
    expect(kept[1]).toBeLessThan(2 * SNAPSHOT_EVERY);
  });
});
