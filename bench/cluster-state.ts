/**
 * `node --expose-gc bin/run-ts.js bench/cluster-state.ts`: the clusterer's state over a long, dense
 * stream. What it holds and the heap after the stream, the size of its snapshot and the time to
 * encode, decode and restore it, and a restart from the snapshot (the tail of the stream replayed)
 * against the uninterrupted run: same decisions, and the time saved over a replay from the start.
 *
 * The stream is ECB+ (train and dev, 772 documents with their bodies) replayed many times at a
 * news wire's density (--per-day articles a day, default 2,740: a million a year). Replays overlap
 * in time, so each replay's words are made its own (a suffix on every fifth word, so that no five-word shingle is shared; titles included):
 * otherwise every replay would be a copy of the one before. The replays are still news-like: the
 * same kinds of documents, bodies and event structure, with a vocabulary that keeps growing.
 *
 * Flags: --articles N (default 100,000), --per-day N, --every N (progress every N articles), --tail N (decisions replayed after the
 * snapshot, default 5,000: the snapshot cadence), --unbounded (nothing forgotten, as before the
 * state was bounded: heap only), --database-url URL (also time writing and reading the snapshot
 * in PostgreSQL, in a table of a new database of that server, dropped after).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  Clusterer, decodeState, encodeState, loadVocabulary, memoryClusterer, MemoryDocumentFrequencies, MemoryEventIndex,
  type ClusterArticle, type ClustererSnapshot,
} from '../src/cluster/index.js';
import { MemoryDuplicateIndex } from '../src/dedup/index.js';
import { ecbStream, loadEcbDocuments } from './cluster/ecbplus.js';
import { machineLine } from './lib/machine.js';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    'per-day': { type: 'string', default: '2740' },
    tail: { type: 'string', default: '5000' },
    unbounded: { type: 'boolean', default: false },
    'database-url': { type: 'string' },
    every: { type: 'string' },
  },
});
const total = Number(args.articles);
const perDay = Number(args['per-day']);
const tail = Number(args.tail);
const DAY = 86_400_000;
const gc = (globalThis as { gc?: () => void }).gc;
const heapMiB = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

function suffix(r: number): string {
  let s = '';
  for (let n = r + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
  return `x${s}`;
}
const own = (text: string, r: number) => {
  let i = 0;
  return text.replace(/\p{L}+/gu, (w) => (i++ % 5 === 0 ? w + suffix(r) : w));
};

function stream(): ClusterArticle[] {
  const docs = [...loadEcbDocuments('train'), ...loadEcbDocuments('dev')];
  const base = ecbStream(docs, { windowDays: 30, seed: 1 });
  const offset = (base.length / perDay) * DAY;
  const out: ClusterArticle[] = [];
  for (let r = 0; out.length < total; r++) {
    for (const { article: a } of base) {
      if (out.length >= total) break;
      out.push({ ...a, id: `${a.id}-r${r}`, url: `${a.url}#r${r}`, outlet: `${a.outlet}-r${r}`, title: own(a.title, r), text: own(a.text, r), published: new Date(a.published!.getTime() + r * offset) });
    }
  }
  return out.sort((x, y) => x.published!.getTime() - y.published!.getTime() || (x.id < y.id ? -1 : 1));
}

console.log(machineLine());
const vocabulary = loadVocabulary();
const articles = stream();
const days = (articles.at(-1)!.published!.getTime() - articles[0]!.published!.getTime()) / DAY;
console.log(`stream: ${articles.length.toLocaleString('en')} ECB+-like articles over ${days.toFixed(0)} days (${perDay}/day)`);
const heapBefore = heapMiB();

if (args.unbounded) {
  const index = new MemoryEventIndex();
  const frequencies = new MemoryDocumentFrequencies();
  const duplicates = new MemoryDuplicateIndex();
  const clusterer = new Clusterer({ vocabulary, events: index, frequencies, duplicates });
  const t0 = performance.now();
  for (const a of articles) await clusterer.assign(a);
  const s = (performance.now() - t0) / 1000;
  const c = index.counts();
  console.log(`unbounded: ${(articles.length / s).toFixed(0)} articles/s; held ${c.open} open, ${c.closed} closed, ${c.aliases} aliases, ${c.articles} links, ${duplicates.size()} duplicate entries, ${frequencies.features()} features`);
  console.log(`  heap ${(heapMiB() - heapBefore).toFixed(0)} MiB over the stream's own (${heapMiB().toFixed(0)} MiB in all)`);
  process.exit(0);
}

const cut = articles.length - tail;
const never = memoryClusterer(vocabulary);
// Only the tail's decisions are kept (as text), so that the heap measured is the clusterer's.
const decided: string[] = [];
let bytes: Uint8Array | undefined;
let encodeMs = 0;
const t0 = performance.now();
// --every N: what the state holds and the cost per article as the stream goes (without a forced GC).
const every = Number(args.every ?? 0);
let lap = performance.now();
for (const [i, a] of articles.entries()) {
  if (every && i > 0 && i % every === 0) {
    const h = never.index.counts();
    const now = performance.now();
    console.log(`  ${i.toLocaleString('en')}: ${Math.round(((now - lap) * 1000) / every)} µs/article; held ${h.open} open, ${h.closed} closed, ${h.articles} links, ${never.duplicates.size()} duplicate entries, ${never.frequencies.features()} features; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
    lap = now;
  }
  if (i === cut) {
    const e0 = performance.now();
    bytes = encodeState(never.snapshot());
    encodeMs = performance.now() - e0;
  }
  const r = await never.clusterer.assign(a);
  if (i >= cut) decided.push(JSON.stringify(r));
}
const seconds = (performance.now() - t0 - encodeMs) / 1000;
const rate = articles.length / seconds;
const c = never.index.counts();
console.log(`bounded: ${rate.toFixed(0)} articles/s; held ${c.open} open, ${c.closed} closed, ${c.aliases} aliases, ${c.articles} links, ${never.duplicates.size()} duplicate entries, ${never.frequencies.features()} features`);
console.log(`  heap ${(heapMiB() - heapBefore).toFixed(0)} MiB over the stream's own (${heapMiB().toFixed(0)} MiB in all)`);

const d0 = performance.now();
const restored = memoryClusterer(vocabulary);
restored.restore(decodeState<ClustererSnapshot>(bytes!));
const loadMs = performance.now() - d0;
const r0 = performance.now();
const again: string[] = [];
for (const a of articles.slice(cut)) again.push(JSON.stringify(await restored.clusterer.assign(a)));
const tailMs = performance.now() - r0;
const same = again.length === decided.length && again.every((x, i) => x === decided[i]);
console.log(`snapshot after ${cut.toLocaleString('en')} decisions: ${(bytes!.byteLength / 2 ** 20).toFixed(1)} MiB; encode ${encodeMs.toFixed(0)} ms, decode and restore ${loadMs.toFixed(0)} ms`);
console.log(`restart: snapshot loaded and ${tail.toLocaleString('en')} decisions replayed in ${((loadMs + tailMs) / 1000).toFixed(1)} s, against ${(cut / rate).toFixed(0)} s to replay the ${cut.toLocaleString('en')} before it from the start; the same ${tail} decisions as the uninterrupted run: ${same ? 'yes' : 'NO'}`);

if (args['database-url']) {
  const name = `parallax_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: args['database-url'] });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(args['database-url']);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
    await client.query('create table snapshots (seq integer primary key, state bytea not null)');
    const w0 = performance.now();
    await client.query('insert into snapshots values ($1, $2)', [cut, bytes]);
    const writeMs = performance.now() - w0;
    const q0 = performance.now();
    const row = await client.query('select state from snapshots where seq = $1', [cut]);
    const readMs = performance.now() - q0;
    if ((row.rows[0].state as Buffer).byteLength !== bytes!.byteLength) throw new Error('snapshot read back differs');
    console.log(`PostgreSQL: snapshot written in ${writeMs.toFixed(0)} ms, read in ${readMs.toFixed(0)} ms`);
  } finally {
    await client.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
