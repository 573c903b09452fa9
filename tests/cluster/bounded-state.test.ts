import { describe, expect, it } from 'vitest';
import {
  Clusterer, compileVocabulary, decodeState, encodeState, loadVocabulary, memoryClusterer, MemoryDocumentFrequencies, MemoryEventIndex,
  type Assignment, type ClusterArticle, type ClustererSnapshot, type MemoryClustererOptions,
} from '../../src/cluster/index.js';
import { MemoryDuplicateIndex } from '../../src/dedup/index.js';
import { LONG_STREAM, longStream } from '../helpers/long-stream.js';

const vocabulary = loadVocabulary();
const DAY = 86_400_000;
/** Windows and sweeps shorter than the defaults, so that a stream of a few thousand articles crosses many. */
const WINDOWS: MemoryClustererOptions = { events: { windowMs: 7 * DAY, sweepEvery: 100 }, duplicates: { windowMs: 20 * DAY, sweepEvery: 250 } };
const stream = longStream({ ...LONG_STREAM, days: 75 });

/** The same clusterer with nothing ever forgotten: its links are never dropped, so neither is any closed event. */
function unbounded() {
  const index = new MemoryEventIndex(WINDOWS.events);
  const duplicates = new MemoryDuplicateIndex(WINDOWS.duplicates);
  return { index, clusterer: new Clusterer({ vocabulary, events: index, frequencies: new MemoryDocumentFrequencies(), duplicates }) };
}

/** A snapshot as plain data, its closed events decoded. */
function asData(snapshot: ClustererSnapshot): ClustererSnapshot {
  const data = decodeState<ClustererSnapshot>(encodeState(snapshot));
  data.events.closed = data.events.closed.map((c) => decodeState((c as [string, Uint8Array])[1]));
  return data;
}

async function run(articles: readonly ClusterArticle[], assign: (a: ClusterArticle) => Promise<Assignment>): Promise<Assignment[]> {
  const out: Assignment[] = [];
  for (const a of articles) out.push(await assign(a));
  return out;
}

describe('bounded clusterer state', { timeout: 120_000 }, () => {
  it('decides exactly as the unbounded state while forgetting closed events, links and aliases, and stays bounded', async () => {
    const full = unbounded();
    const bounded = memoryClusterer(vocabulary, {}, WINDOWS);
    const expected = await run(stream, (a) => full.clusterer.assign(a));
    const got: Assignment[] = [];
    // What the state holds, every 500 decisions, with the articles the duplicate window reaches then.
    const counts: (ReturnType<MemoryEventIndex['counts']> & { reachable: number })[] = [];
    for (const [i, a] of stream.entries()) {
      got.push(await bounded.clusterer.assign(a));
      if (i % 500 === 499) {
        const since = a.published!.getTime() - WINDOWS.duplicates.windowMs!;
        counts.push({ ...bounded.index.counts(), reachable: stream.slice(0, i + 1).filter((x) => x.published!.getTime() >= since).length });
      }
    }
    expect(got).toEqual(expected);

    // The stream provokes what the windows are for: events closed, merged, and copies of articles
    // whose event had closed (joined to that event all the same).
    const late = stream.map((a, i) => ({ a, r: got[i]! })).filter(({ a, r }) => a.id.endsWith('l') && r.duplicateOf !== null);
    expect(late.length).toBeGreaterThan(50);
    expect(got.filter((r) => r.merged.length > 0).length).toBeGreaterThan(20);

    const end = bounded.index.counts();
    const all = full.index.counts();
    expect(all.articles).toBe(stream.length);
    // What is held follows the windows, not the stream: links only for articles the duplicate
    // window (plus one sweep's worth) still reaches, closed events and aliases only through them.
    for (const c of counts) {
      expect(c.articles).toBeLessThanOrEqual(c.reachable + WINDOWS.duplicates.sweepEvery!);
      expect(c.closed).toBeLessThanOrEqual(c.articles);
      expect(c.aliases).toBeLessThanOrEqual(c.articles);
    }
    expect(bounded.duplicates.size()).toBe(end.articles);
    expect(end.closed).toBeLessThan(all.closed / 3);
    expect(end.aliases).toBeLessThan(all.aliases);
    expect(end.open).toBe(all.open);
    // Flat once the first windows have passed: the last third holds no more than the first did, give or take.
    const third = Math.floor(counts.length / 3);
    const maxOf = (xs: typeof counts, k: 'articles' | 'closed') => Math.max(...xs.map((c) => c[k]));
    expect(maxOf(counts.slice(-third), 'articles')).toBeLessThan(1.5 * maxOf(counts.slice(0, third), 'articles'));
    expect(maxOf(counts.slice(-third), 'closed')).toBeLessThan(1.5 * maxOf(counts.slice(0, third), 'closed'));
  });

  it('restored from its encoded snapshot, makes the same next decisions as the state that never stopped', async () => {
    const never = memoryClusterer(vocabulary, {}, WINDOWS);
    const expected = await run(stream, (a) => never.clusterer.assign(a));
    let current = memoryClusterer(vocabulary, {}, WINDOWS);
    const got: Assignment[] = [];
    const sizes: number[] = [];
    for (const [i, a] of stream.entries()) {
      // A restart every 700 decisions: the state encoded, and a new clusterer started from it.
      if (i > 0 && i % 700 === 0) {
        const bytes = encodeState(current.snapshot());
        sizes.push(bytes.byteLength);
        current = memoryClusterer(vocabulary, {}, WINDOWS);
        current.restore(decodeState<ClustererSnapshot>(bytes));
      }
      got.push(await current.clusterer.assign(a));
    }
    expect(sizes.length).toBeGreaterThanOrEqual(5);
    expect(got).toEqual(expected);
    expect(current.index.counts()).toEqual(never.index.counts());
    // Compared as data: byte-wise deep equality of megabytes is slow, and the codec may share objects
    // differently (or write one number as an integer once and as a double another time).
    expect(asData(current.snapshot())).toEqual(asData(never.snapshot()));
  });

  it('holds a closed event encoded and gives it back as it was closed; resumes a snapshot that holds closed events as they are', async () => {
    const never = memoryClusterer(vocabulary, {}, WINDOWS);
    const half = Math.floor(stream.length / 2);
    for (const a of stream.slice(0, half)) await never.clusterer.assign(a);
    const snapshot = never.snapshot();
    expect(snapshot.events.closed.length).toBeGreaterThan(10);
    for (const c of snapshot.events.closed) {
      expect(Array.isArray(c)).toBe(true);
      const [id, bytes] = c as [string, Uint8Array];
      expect(bytes).toBeInstanceOf(Uint8Array);
      const event = await never.index.get(id);
      expect(event?.id).toBe(id);
      expect(decodeState(bytes)).toEqual(event);
    }
    // A snapshot written before closed events were encoded holds them as plain states.
    const older = asData(snapshot);
    const resumed = memoryClusterer(vocabulary, {}, WINDOWS);
    resumed.restore(decodeState<ClustererSnapshot>(encodeState(older)));
    const rest = stream.slice(half);
    expect(await run(rest, (a) => resumed.clusterer.assign(a))).toEqual(await run(rest, (a) => never.clusterer.assign(a)));
  });

  it('names the clusterer and vocabulary that made a state, so that another one does not resume it', () => {
    const ours = memoryClusterer(vocabulary).identity;
    expect(memoryClusterer(loadVocabulary()).identity).toBe(ours);
    expect(memoryClusterer(vocabulary, { mergeThreshold: 0.31 }).identity).not.toBe(ours);
    expect(memoryClusterer(vocabulary, {}, { events: { windowMs: 3 * DAY } }).identity).not.toBe(ours);
    const other = compileVocabulary([{ kind: 'place', entries: [{ key: 'mali', country: 'ML', en: ['Mali'], fr: [], ar: [] }] }]);
    expect(memoryClusterer(other).identity).not.toBe(ours);
  });
});
