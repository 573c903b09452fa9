/**
 * `npm run bench:web`: the web page's events list with a few hundred events, on embedded PGlite
 * (the default store) and on PostgreSQL when DATABASE_URL is set. Events are SYNTHESISED
 * (tests/helpers/synthetic-events.ts: 1 to 3 articles each over three outlets), written straight
 * to the store; each page is requested through fastify (inject: no socket), so the time is the
 * query plus rendering. Flags: --events N (default 500), --runs N (default 50).
 */
import { parseArgs } from 'node:util';
import { buildApi } from '../src/api/server.js';
import { openStore } from '../src/store/index.js';
import { writeEvents, type SyntheticEvent } from '../tests/helpers/synthetic-events.js';
import { machineLine } from './lib/machine.js';

const { values: args } = parseArgs({ options: { events: { type: 'string', default: '500' }, runs: { type: 'string', default: '50' } } });
const n = Number(args.events);
const runs = Number(args.runs);
console.log(machineLine());

const store = await openStore(process.env.DATABASE_URL ? { kind: 'postgres', url: process.env.DATABASE_URL } : { kind: 'pglite-memory' });
const now = Date.now();
const events: SyntheticEvent[] = Array.from({ length: n }, (_, i) => ({
  id: `ev-bench-${i}`, title: `Synthetic event ${i}`, lastUpdated: new Date(now - i * 600_000),
  feeds: i % 3 === 0 ? ['ortm', 'hespress'] : i % 3 === 1 ? ['wire'] : ['ortm', 'wire', 'hespress'],
  about: i % 7 === 0 ? ['NE'] : [],
}));
await writeEvents(store, events);
const app = buildApi({ store, checks: [] });

const pages = ['/', '/?page=5', '/?country=MA', '/?language=en&since=24h'];
console.log(`${n} events (${events.reduce((s, e) => s + e.feeds.length, 0)} articles), ${store.database.target.kind}, ${runs} runs per page after 5 warm-up runs`);
for (const url of pages) {
  for (let i = 0; i < 5; i++) await app.inject({ method: 'GET', url });
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = await app.inject({ method: 'GET', url });
    times.push(performance.now() - t);
    bytes = r.body.length;
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
  console.log(`GET ${url.padEnd(26)} median ${q(0.5)} ms  p90 ${q(0.9)} ms  max ${q(1)} ms  (${(bytes / 1024).toFixed(0)} KiB)`);
}
await app.close();
await store.close();
