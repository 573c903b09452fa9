import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emptyState } from '../../src/alerts/triggers.js';
import type { AlertRecord } from '../../src/alerts/types.js';
import { AlertStateConflictError, openStore, type Store } from '../../src/store/index.js';
import { storageTargets } from '../helpers/databases.js';

const alert = (id: string, over: Partial<AlertRecord> = {}): AlertRecord => ({
  id, rule: 'sahel-hostages', trigger: 'new-event', eventId: 'ev-1', channels: ['hook'], mode: 'now',
  payload: {
    id, rule: 'sahel-hostages', trigger: 'new-event', summary: `alert ${id}`,
    event: { id: 'ev-1', title: 'Hostages freed', articles: ['https://a.example/1'], outlets: ['A'], countries: ['ML'], languages: ['en'], firstSeen: '2025-08-01T10:00:00.000Z', lastUpdated: '2025-08-01T10:00:00.000Z', url: null },
    createdAt: '2025-08-01T10:05:00.000Z',
  },
  ...over,
});

for (const backend of storageTargets) {
  describe(`alerts on ${backend.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      const t = await backend.target();
      cleanup = t.cleanup;
      store = await openStore(t.target);
    });
    afterAll(async () => {
      await store.close();
      await cleanup();
    });

    test('insert is idempotent and says whether the alert was new', async () => {
      expect(await store.alerts.insert(alert('a1'))).toBe(true);
      expect(await store.alerts.insert(alert('a1', { mode: 'hourly' }))).toBe(false);
      const [row] = await store.alerts.list({ eventId: 'ev-1' });
      expect(row).toMatchObject({ id: 'a1', mode: 'now', status: 'pending', channels: ['hook'], payload: { summary: 'alert a1' } });
      expect(row!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    });

    test('an evaluation commits its alerts and states together; only new alerts come back', async () => {
      const s = { ...emptyState('r1', 'ev-2'), conflicts: ['count|x|4/5'] };
      const fresh = await store.alerts.commitEvaluation([alert('a1'), alert('a2', { eventId: 'ev-2' })], [{ state: s, version: null }]);
      expect(fresh.map((a) => a.id)).toEqual(['a2']);
      const states = await store.alerts.states('ev-2');
      expect(states.get('r1')).toEqual({ state: s, version: 1 });
    });

    test('a racing evaluation of the same (rule, event) is refused, and writes nothing', async () => {
      const read = (await store.alerts.states('ev-2')).get('r1')!;
      await store.alerts.commitEvaluation([], [{ state: { ...read.state, claims: ['first'] }, version: read.version }]);
      await expect(store.alerts.commitEvaluation([alert('a3')], [{ state: { ...read.state, claims: ['second'] }, version: read.version }])).rejects.toBeInstanceOf(AlertStateConflictError);
      await expect(store.alerts.commitEvaluation([alert('a3')], [{ state: emptyState('r1', 'ev-2'), version: null }])).rejects.toBeInstanceOf(AlertStateConflictError);
      expect(await store.alerts.get('a3')).toBeUndefined();
      expect((await store.alerts.states('ev-2')).get('r1')).toMatchObject({ state: { claims: ['first'] }, version: 2 });
    });

    test('states of merged-away events stand in for rules the survivor has not seen', async () => {
      await store.alerts.commitEvaluation([], [{ state: { ...emptyState('r2', 'ev-old'), firstReports: ['country:DZ'] }, version: null }]);
      const states = await store.alerts.states('ev-2', ['ev-old']);
      expect(states.get('r1')!.version).toBe(2);
      expect(states.get('r2')).toEqual({ state: { ...emptyState('r2', 'ev-2'), firstReports: ['country:DZ'] }, version: null });
    });

    test('pending alerts oldest first; status set by delivery; list filters', async () => {
      expect((await store.alerts.pending()).map((a) => a.id).sort()).toEqual(['a1', 'a2']);
      await store.alerts.setStatus('a1', 'sent');
      expect((await store.alerts.pending()).map((a) => a.id)).toEqual(['a2']);
      expect((await store.alerts.list({ status: 'sent' })).map((a) => a.id)).toEqual(['a1']);
      expect((await store.alerts.list({ rule: 'nope' }))).toEqual([]);
    });
  });
}
