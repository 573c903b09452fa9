import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_DELIVERY_SETTINGS } from '../../src/config/settings.js';
import type { FeedItem } from '../../src/feeds/types.js';
import { EventAssigner } from '../../src/pipeline/assign-event.js';
import { comparisonOf } from '../../src/pipeline/compare-event.js';
import { loadWatchlists, type LoadedWatchlists } from '../../src/pipeline/evaluate-alerts.js';
import { ALERTS_RECOVERED_WITHIN_MS, recoverPendingProcessor } from '../../workers/recover-pending.processor.js';
import { startWorkers } from '../../workers/runtime.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/alert-receivers.js';
import { eventually } from '../helpers/cli-process.js';
import { workersHarness } from '../helpers/workers-harness.js';

/**
 * Alert evaluation lives only as a job in Redis after the comparison is stored: when Redis loses
 * that job (or it fails for good), the recovery sweep, reading the store, must give the event an
 * evaluation again; likewise an alert stored but never handed to delivery.
 */
const feed = { id: 'ortm', url: 'https://ortm.example/feed', outlet: 'ORTM', country: 'ML', language: 'fr', intervalMs: 900_000, tags: [], robots: true };
const item = (url: string, title: string): FeedItem => ({
  url, guid: url, title, published: new Date().toISOString(), updated: null, summary: title, contentHtml: null, author: null, categories: [], image: null,
});
const SECRET = 'secret-of-the-recovery-test';

describe('recovery of lost alert evaluations', { timeout: 90_000 }, () => {
  const h = workersHarness();
  let hook: WebhookReceiver;
  let dir: string;
  let watchlists: LoadedWatchlists;
  const EVENT = 'ev-hostages';

  const recover = () =>
    recoverPendingProcessor({
      ...h.deps(), queues: h.queues, hostGapMs: 0, eventSettleMs: 0, delivery: DEFAULT_DELIVERY_SETTINGS,
      assigner: new EventAssigner(h.store, h.vocabulary, h.log), compareDelayMs: 0,
      alerts: { watchlists: () => watchlists, publicUrl: null },
    }, 0)();
  const alertsOf = (eventId: string) => h.store.alerts.list({ eventId });

  beforeAll(async () => {
    await h.open();
    hook = await startWebhookReceiver(SECRET);
    dir = mkdtempSync(join(tmpdir(), 'px-alerts-recovery-'));
    writeFileSync(join(dir, 'w.yaml'), `channels:
  hook: { type: webhook, url: "${hook.url}", secretEnv: PX_RECOVERY_SECRET }
watchlists:
  - name: hostages
    query: 'otages AND Mali'
    triggers: [new-event]
    channels: [hook]
`);
    // Delivery reads the channel's secret from the environment when it sends.
    process.env.PX_RECOVERY_SECRET = SECRET;
    watchlists = loadWatchlists(join(dir, 'w.yaml'), h.vocabulary);
    await h.store.feeds.sync([feed]);
    const [a] = await h.store.articles.insertDiscovered(feed, [item('https://ortm.example/1', 'Libération de quatre otages au Mali')]);
    await h.store.events.record(
      [{ articleId: a!.id, seq: 1, eventId: EVENT, duplicateOf: null, why: {}, merged: [] }],
      [{ id: EVENT, title: 'Otages libérés au Mali', firstSeen: new Date(), lastUpdated: new Date(), articleCount: 1, record: { countries: ['ML'] } }],
    );
    // Compared, as the compare job does; its evaluation job is the one Redis lost.
    await comparisonOf(h.store, h.deps().compare, EVENT);
    h.workers = await startWorkers(h.deps(), h.queues, h.settings({ watchlists: () => watchlists, publicUrl: null }));
  });
  afterAll(async () => {
    await h.close();
    await hook?.close();
    rmSync(dir, { recursive: true, force: true });
    delete process.env.PX_RECOVERY_SECRET;
  });

  test('a compared event never evaluated gets its evaluation from the sweep, then is left alone', async () => {
    expect(await alertsOf(EVENT)).toHaveLength(0);
    expect(await recover()).toMatchObject({ alerts: 1 });
    const [alert] = await eventually(async () => {
      const list = await alertsOf(EVENT);
      return list.length > 0 && list[0]!.status !== 'pending' && list;
    }, 30_000, 'the new-event alert stored and handed off');
    expect(alert!.trigger).toBe('new-event');
    await eventually(async () => hook.requests.length === 1, 30_000, 'the alert delivered');
    expect(await recover()).toMatchObject({ alerts: 0 });
  });

  test('an alert stored but never handed to delivery is handed off by the sweep', async () => {
    const [alert] = await alertsOf(EVENT);
    await h.store.alerts.setStatus(alert!.id, 'pending');
    expect(await recover()).toMatchObject({ alerts: 1 });
    await eventually(async () => (await alertsOf(EVENT))[0]!.status !== 'pending', 30_000, 'the alert handed off again');
    // Delivery is keyed by alert and channel: handing off again sends nothing twice.
    expect(await recover()).toMatchObject({ alerts: 0 });
    expect(hook.requests).toHaveLength(1);
  });

  test('a change older than the recovery window is not evaluated again (old news)', async () => {
    const db = h.store.database.db;
    const old = new Date(Date.now() - ALERTS_RECOVERED_WITHIN_MS - 3_600_000);
    await db.updateTable('events').set({ updated_at: old }).where('id', '=', EVENT).execute();
    await db.updateTable('comparisons').set({ event_updated_at: old }).where('event_id', '=', EVENT).execute();
    await db.deleteFrom('alert_evaluations').where('event_id', '=', EVENT).execute();
    expect(await recover()).toMatchObject({ alerts: 0 });
  });
});
