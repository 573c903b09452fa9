import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChannelConfig } from '../../src/alerts/channels/index.js';
import { alertDeliveries, alertDeliveryId, digestDeliveryId } from '../../src/alerts/delivery-id.js';
import { openStore, type Store } from '../../src/store/index.js';
import { sampleAlert } from '../helpers/alert-receivers.js';
import { storageTargets } from '../helpers/databases.js';

const channels: Record<string, ChannelConfig> = {
  analysts: { name: 'analysts', type: 'webhook', url: 'http://127.0.0.1:9/hook', secretEnv: 'PX_SECRET' },
  desk: { name: 'desk', type: 'slack', url: 'http://127.0.0.1:9/slack' },
};
const ok = { ok: true, status: 200, error: null, elapsedMs: 12, final: false };
const failed = (final: boolean) => ({ ok: false, status: 500, error: 'HTTP 500', elapsedMs: 8, final });

describe.each(storageTargets)('deliveries repository ($name)', ({ target }) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const t = await target();
    cleanup = t.cleanup;
    store = await openStore(t.target, { poolSize: 2 });
  });
  afterAll(async () => {
    await store?.close();
    await cleanup?.();
  });

  test('one delivery per channel, stored once however often the alert is added; attempts and states', async () => {
    const alert = sampleAlert({ id: 'al-a', channels: ['analysts', 'desk'] });
    const first = await store.deliveries.addAlert(alert, alertDeliveries(alert, channels));
    expect(first.now).toEqual([alertDeliveryId('al-a', 'analysts'), alertDeliveryId('al-a', 'desk')]);
    expect(await store.deliveries.addAlert(alert, alertDeliveries(alert, channels))).toEqual(first);
    expect((await store.deliveries.list()).filter((d) => d.alert_id === 'al-a')).toHaveLength(2);
    expect(() => alertDeliveries(sampleAlert({ id: 'al-x', channels: ['nowhere'] }), channels)).toThrow(/channel "nowhere", which is not configured/);

    const [hook, slack] = first.now as [string, string];
    expect(await store.deliveries.recordAttempt(hook, failed(false))).toEqual({ attempt: 1, status: 'retrying' });
    expect(await store.deliveries.recordAttempt(hook, ok)).toEqual({ attempt: 2, status: 'sent' });
    // A late duplicate's failure does not undo a send.
    expect(await store.deliveries.recordAttempt(hook, failed(true))).toEqual({ attempt: 3, status: 'sent' });
    expect(await store.deliveries.recordAttempt(slack, failed(false))).toEqual({ attempt: 1, status: 'retrying' });
    expect(await store.deliveries.recordAttempt(slack, failed(true))).toEqual({ attempt: 2, status: 'dead' });

    const attempts = await store.deliveries.attempts(hook);
    expect(attempts.map((a) => [a.attempt, a.ok, a.status])).toEqual([[1, false, 500], [2, true, 200], [3, false, 500]]);
    expect(attempts.every((a) => a.alertId === 'al-a' && a.channel === 'analysts' && a.deliveryId === hook)).toBe(true);
    const views = (await store.deliveries.forAlerts(['al-a'])).get('al-a')!;
    expect(views.map((v) => [v.channel, v.type, v.status, v.attempts])).toEqual([['analysts', 'webhook', 'sent', 3], ['desk', 'slack', 'dead', 2]]);
    expect(views[0]!.sentAt).not.toBeNull();
    expect(views[1]!.lastError).toBe('HTTP 500');
    expect((await store.deliveries.list({ status: 'dead' })).map((d) => d.id)).toEqual([slack]);
    const [shown, unknown] = await store.deliveries.attach([{ id: 'al-a', rule: 'sahel-hostages' }, { id: 'al-none', rule: 'x' }]);
    expect(shown).toMatchObject({ id: 'al-a', rule: 'sahel-hostages', deliveries: [{ channel: 'analysts', status: 'sent' }, { channel: 'desk', status: 'dead' }] });
    expect(unknown!.deliveries).toEqual([]);
  });

  test('digests: one per rule and channel for the period just ended; later alerts wait for the next', async () => {
    const at = (iso: string) => new Date(iso);
    const addDigestAlert = (id: string, rule: string, when: Date) => {
      const alert = sampleAlert({ id, rule, mode: 'hourly', channels: ['analysts'] });
      return store.deliveries.addAlert(alert, alertDeliveries(alert, channels), when);
    };
    expect(await addDigestAlert('al-h1', 'r1', at('2025-08-01T09:05:00Z'))).toEqual({ now: [], digest: [alertDeliveryId('al-h1', 'analysts')] });
    await addDigestAlert('al-h2', 'r1', at('2025-08-01T09:55:00Z'));
    await addDigestAlert('al-h3', 'r2', at('2025-08-01T09:30:00Z'));
    await addDigestAlert('al-h4', 'r1', at('2025-08-01T10:10:00Z'));

    expect(await store.deliveries.gatherDigests('hourly', at('2025-08-01T09:59:00Z'))).toEqual([]);
    const window = at('2025-08-01T09:00:00Z');
    const ids = await store.deliveries.gatherDigests('hourly', at('2025-08-01T10:01:00Z'));
    expect(ids.sort()).toEqual([digestDeliveryId('r1', 'analysts', 'hourly', window), digestDeliveryId('r2', 'analysts', 'hourly', window)].sort());
    const r1 = digestDeliveryId('r1', 'analysts', 'hourly', window);
    expect((await store.deliveries.digestAlerts(r1)).map((p) => p.id)).toEqual(['al-h1', 'al-h2']);
    // Running again in the same hour changes nothing; daily rules have nothing waiting.
    expect((await store.deliveries.gatherDigests('hourly', at('2025-08-01T10:30:00Z'))).sort()).toEqual(ids.sort());
    expect(await store.deliveries.gatherDigests('daily', at('2025-08-02T00:01:00Z'))).toEqual([]);

    await store.deliveries.recordAttempt(r1, ok);
    const views = await store.deliveries.forAlerts(['al-h1', 'al-h4']);
    expect(views.get('al-h1')![0]).toMatchObject({ status: 'sent', digest: r1, mode: 'hourly' });
    expect(views.get('al-h4')![0]).toMatchObject({ status: 'pending', digest: null });
    const next = await store.deliveries.gatherDigests('hourly', at('2025-08-01T11:01:00Z'));
    const r1Next = digestDeliveryId('r1', 'analysts', 'hourly', at('2025-08-01T10:00:00Z'));
    expect(next).toContain(r1Next);
    expect(next).not.toContain(r1);
    expect((await store.deliveries.digestAlerts(r1Next)).map((p) => p.id)).toEqual(['al-h4']);
  });
});
