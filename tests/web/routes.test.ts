import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApi } from '../../src/api/server.js';
import { openStore, type Store } from '../../src/store/index.js';
import { storageTargets } from '../helpers/databases.js';
import { writeEvents, type SyntheticEvent } from '../helpers/synthetic-events.js';
import { COMPARISON } from './fixtures/comparison.js';

/**
 * The web pages through fastify against a real store (PGlite and PostgreSQL): the events list's one
 * query with its filters and pages, the event page, the feeds page, and the API beside them.
 */
const NOW = Date.now();
const HOUR = 3_600_000;
// 120 events, one an hour back from now; outlets and subjects vary with the index.
const EVENTS: SyntheticEvent[] = Array.from({ length: 120 }, (_, i) => ({
  id: `ev-${String(i).padStart(3, '0')}`,
  title: `Event number ${i}`,
  lastUpdated: new Date(NOW - i * HOUR),
  feeds: i % 3 === 0 ? ['ortm', 'hespress'] : i % 3 === 1 ? ['wire'] : ['ortm', 'wire', 'wire'],
  about: i % 10 === 0 ? ['NE'] : [],
}));

describe.each(storageTargets)('web pages on $name', { timeout: 120_000 }, (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let app: ReturnType<typeof buildApi>;
  beforeAll(async () => {
    const t = await backend.target();
    cleanup = t.cleanup;
    store = await openStore(t.target);
    await writeEvents(store, EVENTS);
    app = buildApi({ store, checks: [], comparison: async (id) => (id === 'ev-000' ? { ...COMPARISON, event: { ...COMPARISON.event, id } } : undefined) });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await cleanup?.();
  });

  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url });
    return { status: r.statusCode, type: r.headers['content-type'], $: load(r.body), body: r.body, location: r.headers.location };
  };
  const ids = ($: ReturnType<typeof load>) => $('table.events tbody tr').map((_, r) => $(r).attr('data-event-id')).get();

  test('/ lists events newest-updated first, 50 a page, with their outlets, countries, languages and article counts', async () => {
    const { status, type, $ } = await get('/');
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/html/);
    expect(ids($)).toEqual(EVENTS.slice(0, 50).map((e) => e.id));
    expect($('p.muted').first().text()).toBe('Events 1–50 of 120.');
    const first = $('table.events tbody tr').first().find('td');
    expect(first.eq(3).text()).toBe('Hespress, ORTM');
    expect(first.eq(4).text()).toContain('MA, ML');
    expect(first.eq(4).text()).toContain('about NE');
    expect(first.eq(5).text()).toBe('ar, fr');
    expect(first.eq(6).text()).toBe('2');
    const third = await get('/?page=3');
    expect(ids(third.$)).toEqual(EVENTS.slice(100).map((e) => e.id));
    expect((await get('/?page=9')).$('table.events')).toHaveLength(0);
  });

  test('filters: outlet country or subject country, language, time, together with paging', async () => {
    const ma = await get('/?country=MA');
    expect(ids(ma.$)).toEqual(EVENTS.filter((e) => e.feeds.includes('hespress')).slice(0, 50).map((e) => e.id));
    const ne = await get('/?country=ne');
    expect(ids(ne.$)).toEqual(EVENTS.filter((e) => e.about?.includes('NE')).map((e) => e.id));
    const en = await get('/?language=en&since=24h');
    expect(ids(en.$)).toEqual(EVENTS.filter((e, i) => e.feeds.includes('wire') && i < 24).map((e) => e.id));
    expect(en.$('select[name=since] option[selected]').attr('value')).toBe('24h');
    // Nonsense filter values are dropped, not obeyed.
    const junk = await get("/?country=M'A&since=forever&page=-2");
    expect(ids(junk.$)).toEqual(EVENTS.slice(0, 50).map((e) => e.id));
  });

  test('the watchlist filter appears once a rule is known, and keeps the events the rule matched', async () => {
    expect((await get('/')).$('select[name=watchlist]')).toHaveLength(0);
    // What alert evaluation records for every (rule, event) a rule matches.
    await store.database.db.insertInto('alert_states')
      .values(['ev-004', 'ev-001', 'ev-117'].map((id) => ({ rule: 'sahel-hostages', event_id: id, state: '{}', version: 1 })))
      .execute();
    const all = await get('/');
    expect(all.$('select[name=watchlist] option').map((_, o) => all.$(o).attr('value')).get()).toEqual(['', 'sahel-hostages']);
    expect(ids((await get('/?watchlist=sahel-hostages')).$)).toEqual(['ev-001', 'ev-004', 'ev-117']);
    expect(ids((await get('/?watchlist=sahel-hostages&language=fr')).$)).toEqual(['ev-117']);
    expect((await get('/?watchlist=other')).$('table.events')).toHaveLength(0);
  });

  test('/events/:id shows the comparison side by side when there is one, the articles when not, 404 when no event', async () => {
    const compared = await get('/events/ev-000');
    expect(compared.status).toBe(200);
    expect(compared.$('table.matrix th.account')).toHaveLength(COMPARISON.accounts.length);
    const plain = await get('/events/ev-001');
    expect(plain.status).toBe(200);
    expect(plain.$('.notice').text()).toBe('This event has not been compared yet.');
    expect(plain.$('table.list tbody tr')).toHaveLength(1);
    expect((await get('/events/nope')).status).toBe(404);
  });

  test('/feeds shows every feed; the API and /healthz still answer', async () => {
    const feeds = await get('/feeds');
    expect(feeds.$('table.feeds tbody tr').map((_, r) => feeds.$(r).attr('data-feed-id')).get().sort()).toEqual(['hespress', 'ortm', 'wire']);
    const api = await app.inject({ method: 'GET', url: '/api/events?limit=2' });
    expect(api.json().map((e: { id: string }) => e.id)).toEqual(['ev-000', 'ev-001']);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
