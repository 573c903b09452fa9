import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadVocabulary, type Vocabulary } from '../../src/cluster/index.js';
import { EventAssigner } from '../../src/pipeline/assign-event.js';
import { openStore, type Store } from '../../src/store/index.js';
import { eventually, spawnCli, type LongRunning } from '../helpers/cli-process.js';
import { freshPostgres } from '../helpers/databases.js';
import { LONG_STREAM, longStream } from '../helpers/long-stream.js';
import { storeStream } from '../helpers/store-stream.js';

/**
 * The deciding process killed (SIGKILL) in the middle of assigning a backlog, after it wrote some
 * snapshots of its state: the next decider resumes from the latest snapshot and the log, and the
 * store ends as if one process had decided everything, no decision lost or made twice.
 */
const SNAPSHOT_EVERY = 300;
/** Killed once the log has passed this position: a few snapshots written, most of the backlog not. */
const KILL_AFTER_SEQ = 700;
const stream = longStream({ ...LONG_STREAM, days: 30 });
const silent = pino({ level: 'silent' });

async function decisions(store: Store): Promise<Record<string, string>> {
  const rows = await store.database.db.selectFrom('articles').select(['url', 'event_id', 'duplicate_of', 'event_seq']).orderBy('url').execute();
  return Object.fromEntries(rows.map((r) => [r.url, `${r.event_seq} ${r.event_id} ${r.duplicate_of}`]));
}

async function events(store: Store) {
  return store.database.db.selectFrom('events').select(['id', 'title', 'article_count', 'merged_into', 'record']).orderBy('id').execute();
}

describe('the event decider killed (SIGKILL) mid-backlog', { timeout: 600_000 }, () => {
  let vocabulary: Vocabulary;
  const dbs: { url: string; drop(): Promise<void> }[] = [];
  const stores: Store[] = [];
  let proc: LongRunning | undefined;
  let dir: string;
  beforeAll(() => {
    vocabulary = loadVocabulary();
    dir = mkdtempSync(join(tmpdir(), 'px-assign-kill-'));
  });
  afterAll(async () => {
    if (proc && proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL');
    await Promise.all(stores.map((s) => s.close()));
    for (const d of dbs) await d.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  async function freshStore(): Promise<{ store: Store; url: string }> {
    const db = await freshPostgres();
    dbs.push(db);
    const store = await openStore({ kind: 'postgres', url: db.url }, { poolSize: 2 });
    stores.push(store);
    await storeStream(store, stream);
    return { store, url: db.url };
  }

  test('the next decider resumes from the latest snapshot; events and log as one uninterrupted decider makes them', async () => {
    const reference = (await freshStore()).store;
    await new EventAssigner(reference, vocabulary, silent, { snapshotEvery: SNAPSHOT_EVERY, snapshotCostShare: null }).assignAll();

    const { store, url } = await freshStore();
    // run-once is one deciding process: its feed is unreachable, so it goes straight to the backlog.
    writeFileSync(join(dir, 'feeds.yaml'), 'feeds:\n  - id: feed-outlet-0\n    url: http://127.0.0.1:9/outlet-0.xml\n    outlet: outlet-0\n    country: ML\n    language: fr\n');
    proc = spawnCli(['run-once', '--config', join(dir, 'feeds.yaml')], { DATABASE_URL: url, PARALLAX_EVENT_SNAPSHOT_EVERY: String(SNAPSHOT_EVERY) });
    await eventually(async () => (await store.events.maxSeq()) >= KILL_AFTER_SEQ, 240_000, `the log past ${KILL_AFTER_SEQ}`);
    proc.child.kill('SIGKILL');
    await proc.exited;
    const written = await store.events.maxSeq();
    expect(written).toBeLessThan(stream.length);
    // The process's own cadence also weighs encoding time (snapshotCostShare): one at least, the latest kept two.
    const kept = await store.events.snapshots();
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept.length).toBeLessThanOrEqual(2);
    expect(kept[0]!.seq).toBeLessThanOrEqual(written);

    const lines: { msg: string; level: number; snapshot?: number }[] = [];
    const watching = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
    const next = new EventAssigner(store, vocabulary, watching, { snapshotEvery: SNAPSHOT_EVERY, snapshotCostShare: null });
    expect(await next.catchUp()).toBe(written - kept[0]!.seq);
    expect(lines.find((l) => l.msg === 'event state loaded from snapshot')?.snapshot).toBe(kept[0]!.seq);
    await next.assignAll();
    expect(lines.filter((l) => l.level === 40)).toEqual([]);

    // Every article once, at positions 1..n with none missing or repeated, in the same events.
    const seqs = Object.values(await decisions(store)).map((d) => Number(d.split(' ')[0])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: stream.length }, (_, i) => i + 1));
    expect(await decisions(store)).toEqual(await decisions(reference));
    expect(await events(store)).toEqual(await events(reference));
  });
});
