import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadVocabulary } from '../../src/cluster/index.js';
import type { FeedItem } from '../../src/feeds/types.js';
import { buildApi } from '../../src/api/server.js';
import { alertsToHandOff, evaluateAlerts, loadWatchlists } from '../../src/pipeline/evaluate-alerts.js';
import { openStore, type Store } from '../../src/store/index.js';
import { freshPostgres } from '../helpers/databases.js';

/**
 * Evaluation against the real PostgreSQL with two stores (two workers' connection pools) racing
 * on the same change: one set of alert rows, whoever commits first; the other re-reads and adds
 * nothing. Then a new article from a watched country: exactly one first-report.
 */
const feeds = [
  { id: 'ortm', url: 'https://ortm.example/feed', outlet: 'ORTM', country: 'ML', language: 'fr', intervalMs: 900_000, tags: ['sahel'], robots: true },
  { id: 'watan', url: 'https://watan.example/feed', outlet: 'El Watan', country: 'DZ', language: 'fr', intervalMs: 900_000, tags: [], robots: true },
];
const item = (url: string, title: string, published: string): FeedItem => ({
  url, guid: url, title, published, updated: null, summary: title, contentHtml: null, author: null, categories: [], image: null,
});
const log = pino({ level: 'silent' });
const vocabulary = loadVocabulary();

describe('alert evaluation on PostgreSQL', () => {
  let stores: Store[];
  let drop: () => Promise<void>;
  let dir: string;

  beforeAll(async () => {
    const db = await freshPostgres();
    drop = db.drop;
    stores = [await openStore({ kind: 'postgres', url: db.url }), await openStore({ kind: 'postgres', url: db.url })];
    const store = stores[0]!;
    await store.feeds.sync(feeds);
    const [a] = await store.articles.insertDiscovered(feeds[0]!, [item('https://ortm.example/1', 'Libération de quatre otages au Mali', '2025-08-01T10:00:00.000Z')]);
    await store.events.record(
      [{ articleId: a!.id, seq: 1, eventId: 'ev-1', duplicateOf: null, why: {}, merged: [] }],
      [{ id: 'ev-1', title: 'Otages libérés', firstSeen: new Date('2025-08-01T10:00:00Z'), lastUpdated: new Date('2025-08-01T10:00:00Z'), articleCount: 1, record: { countries: ['ML'] } }],
    );
    dir = mkdtempSync(join(tmpdir(), 'px-wl-'));
    writeFileSync(join(dir, 'w.yaml'), `channels:
  hook: { type: webhook, url: "http://127.0.0.1:9/h", secretEnv: HOOK_SECRET }
watchlists:
  - name: hostages
    query: 'otage AND Mali'
    triggers: [new-event, { first-report: { countries: [DZ] } }]
    channels: [hook]
`);
  });
  afterAll(async () => {
    for (const s of stores ?? []) await s.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  test('two workers evaluating the same change at once store one alert', async () => {
    const watchlists = loadWatchlists(join(dir, 'w.yaml'), vocabulary);
    const results = await Promise.all(stores.map((store) => evaluateAlerts({ store, vocabulary, log, publicUrl: null }, watchlists, 'ev-1')));
    expect(results.flatMap((r) => r.created.map((a) => a.trigger))).toEqual(['new-event']);
    const rows = await stores[0]!.alerts.list();
    expect(rows.map((a) => [a.trigger, a.status])).toEqual([['new-event', 'pending']]);
    expect((await alertsToHandOff({ store: stores[0]!, vocabulary, log, publicUrl: null }, watchlists, 'ev-1')).map((a) => a.id)).toEqual([rows[0]!.id]);
  });

  test('a first report from a watched country fires once; GET /api/alerts lists both alerts', async () => {
    const store = stores[1]!;
    const watchlists = loadWatchlists(join(dir, 'w.yaml'), vocabulary);
    const [b] = await store.articles.insertDiscovered(feeds[1]!, [item('https://watan.example/1', 'Quatre otages libérés au Mali', '2025-08-01T12:00:00.000Z')]);
    await store.events.record(
      [{ articleId: b!.id, seq: 2, eventId: 'ev-1', duplicateOf: null, why: {}, merged: [] }],
      [{ id: 'ev-1', title: 'Otages libérés', firstSeen: new Date('2025-08-01T10:00:00Z'), lastUpdated: new Date('2025-08-01T12:00:00Z'), articleCount: 2, record: { countries: ['ML'] } }],
    );
    const first = await evaluateAlerts({ store, vocabulary, log, publicUrl: null }, watchlists, 'ev-1');
    const again = await evaluateAlerts({ store: stores[0]!, vocabulary, log, publicUrl: null }, watchlists, 'ev-1');
    expect(first.created.map((a) => [a.trigger, a.payload.newCountries])).toEqual([['first-report', ['DZ']]]);
    expect(again.created).toEqual([]);

    const api = buildApi({ store, checks: [] });
    const r = await api.inject({ method: 'GET', url: '/api/alerts?event=ev-1' });
    expect(r.statusCode).toBe(200);
    expect((r.json() as { trigger: string }[]).map((a) => a.trigger).sort()).toEqual(['first-report', 'new-event']);
    expect((await api.inject({ method: 'GET', url: '/api/alerts?limit=0' })).statusCode).toBe(400);
    await api.close();
  });
});
