import { join } from 'node:path';
import type pg from 'pg';
import { alertDeliveryId } from '../../../src/alerts/delivery-id.js';
import { Clusterer, loadVocabulary, MemoryDocumentFrequencies, MemoryEventIndex } from '../../../src/cluster/index.js';
import { MemoryDuplicateIndex } from '../../../src/dedup/index.js';
import { openStore } from '../../../src/store/index.js';
import type { ReceivedRequest } from '../../helpers/alert-receivers.js';
import { REPO_ROOT } from '../../helpers/cli-process.js';

/**
 * What must hold after the chaos, each as a list of problems naming the article, event or alert
 * that is wrong ([] when all is well), read with plain SQL on the test's own connection: the
 * suite judges the store, it does not trust the code under test to report on itself.
 */

/** Long lists are cut: the first few name the culprits, the count says how many. */
export function listed(what: string, items: string[], most = 12): string[] {
  if (items.length === 0) return [];
  return [`${items.length} ${what}${items.length > most ? ` (first ${most})` : ''}:`, ...items.slice(0, most).map((i) => `  ${i}`)];
}

export interface Progress {
  stored: number;
  pending: number;
  extracted: number;
  feedContent: number;
  assigned: number;
  liveEvents: number;
  alerts: number;
  deliveriesSent: number;
}

export async function progress(db: pg.Pool): Promise<Progress> {
  const { rows: [r] } = await db.query(`
    select (select count(*) from articles)::int as stored,
           (select count(*) from articles where status = 'pending')::int as pending,
           (select count(*) from articles where status = 'extracted')::int as extracted,
           (select count(*) from articles where status = 'feed-content')::int as "feedContent",
           (select count(*) from articles where event_seq is not null)::int as assigned,
           (select count(*) from events where merged_into is null)::int as "liveEvents",
           (select count(*) from alerts)::int as alerts,
           (select count(*) from deliveries where status = 'sent')::int as "deliveriesSent"`);
  return r as Progress;
}

export const describeProgress = (p: Progress) =>
  `${p.stored} stored (${p.pending} pending, ${p.extracted} extracted, ${p.feedContent} feed-content), ${p.assigned} in events, ` +
  `${p.liveEvents} live events, ${p.alerts} alerts, ${p.deliveriesSent} deliveries sent`;

/** How many of these articles are stored (in any state). */
export async function storedAmong(db: pg.Pool, urls: readonly string[]): Promise<number> {
  const { rows: [r] } = await db.query<{ n: number }>('select count(*)::int as n from articles where url = any($1)', [urls]);
  return r!.n;
}

/** How many of these articles are stored and extracted from their page. */
export async function extractedAmong(db: pg.Pool, urls: readonly string[]): Promise<number> {
  const { rows: [r] } = await db.query<{ n: number }>(`select count(*)::int as n from articles where status = 'extracted' and url = any($1)`, [urls]);
  return r!.n;
}

/** Each of `urls` stored and extracted from its page; the problems name the articles that are not. */
export async function batchProblems(db: pg.Pool, urls: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ url: string; status: string; fetch_error: string | null }>('select url, status, fetch_error from articles where url = any($1)', [urls]);
  const stored = new Map(rows.map((r) => [r.url, r]));
  return [
    ...listed('published articles not stored', urls.filter((u) => !stored.has(u))),
    ...listed(
      'published articles stored but not extracted from their page',
      rows.filter((r) => r.status !== 'extracted').map((r) => `${r.url}: ${r.status}${r.fetch_error ? ` (${r.fetch_error})` : ''}`),
    ),
  ];
}

/** Every published article stored once, from its page (status extracted), and nothing else. */
export async function articleProblems(db: pg.Pool, publishedUrls: readonly string[]): Promise<string[]> {
  const published = new Set(publishedUrls);
  const { rows: urls } = await db.query<{ url: string }>('select url from articles order by url');
  const { rows: repeated } = await db.query<{ feed_id: string; guid: string; n: number }>(
    'select feed_id, guid, count(*)::int as n from articles group by feed_id, guid having count(*) > 1 order by feed_id, guid',
  );
  return [
    ...(await batchProblems(db, publishedUrls)),
    ...listed('stored articles that were never published', urls.filter((r) => !published.has(r.url)).map((r) => r.url)),
    ...listed('feed items stored more than once', repeated.map((r) => `${r.feed_id} ${r.guid}: ${r.n} rows`)),
  ];
}

/**
 * Every stored article in exactly one live event, at one position of a gap-free assignment log;
 * every live event's article_count equal to the articles that point to it (so their sum equals
 * the articles assigned); no article left pointing at a merged-away or missing event.
 */
export async function eventProblems(db: pg.Pool): Promise<string[]> {
  const { rows: unassigned } = await db.query<{ url: string; status: string }>('select url, status from articles where event_seq is null or event_id is null order by url');
  const { rows: seqs } = await db.query<{ event_seq: number }>('select event_seq from articles where event_seq is not null order by event_seq');
  const gaps: string[] = [];
  seqs.forEach((r, i) => {
    if (r.event_seq !== i + 1) gaps.push(`position ${i + 1} holds log entry ${r.event_seq}`);
  });
  const { rows: counts } = await db.query<{ id: string; article_count: number; actual: number }>(`
    select e.id, e.article_count, count(a.id)::int as actual
      from events e left join articles a on a.event_id = e.id
     where e.merged_into is null
     group by e.id, e.article_count
    having e.article_count <> count(a.id)
     order by e.id`);
  const { rows: orphans } = await db.query<{ url: string; event_id: string; merged_into: string | null; exists: boolean }>(`
    select a.url, a.event_id, e.merged_into, e.id is not null as exists
      from articles a left join events e on e.id = a.event_id
     where a.event_id is not null and (e.id is null or e.merged_into is not null)
     order by a.url`);
  const { rows: [sums] } = await db.query<{ total: number; assigned: number }>(`
    select (select coalesce(sum(article_count), 0) from events where merged_into is null)::int as total,
           (select count(*) from articles where event_id is not null)::int as assigned`);
  return [
    ...listed('stored articles in no event', unassigned.map((r) => `${r.url} (${r.status})`)),
    ...listed('holes in the assignment log', gaps),
    ...listed('live events whose article_count is wrong', counts.map((r) => `${r.id}: article_count ${r.article_count}, articles ${r.actual}`)),
    ...listed('articles pointing at a merged-away or missing event', orphans.map((r) => `${r.url} -> ${r.event_id} (${r.exists ? `merged into ${r.merged_into}` : 'no such event'})`)),
    ...(sums!.total !== sums!.assigned ? [`sum(article_count) of live events is ${sums!.total}, but ${sums!.assigned} articles are assigned`] : []),
  ];
}

/**
 * A fresh clusterer fed the whole assignment log, in log order, as every decider replays it, must
 * put each article in the event the store says (merges followed): with eventProblems' counts, the
 * events survived the chaos as if it had never happened.
 */
export async function replayProblems(databaseUrl: string): Promise<string[]> {
  const index = new MemoryEventIndex();
  const clusterer = new Clusterer({
    vocabulary: loadVocabulary(join(REPO_ROOT, 'config', 'vocabulary')),
    events: index,
    frequencies: new MemoryDocumentFrequencies(),
    duplicates: new MemoryDuplicateIndex(),
  });
  const store = await openStore({ kind: 'postgres', url: databaseUrl }, { poolSize: 2 });
  const logged: { id: string; url: string; eventId: string | null }[] = [];
  try {
    for (let seq = 0; ; ) {
      const batch = await store.events.log(seq);
      if (batch.length === 0) break;
      for (const a of batch) {
        await clusterer.assign({ id: a.id, url: a.url, language: a.language, title: a.title, text: a.text, published: a.at, outlet: a.outlet });
        logged.push({ id: a.id, url: a.url, eventId: a.eventId });
        seq = a.eventSeq;
      }
    }
  } finally {
    await store.close();
  }
  const wrongEvent: string[] = [];
  for (const a of logged) {
    const replayed = (await index.get((await index.eventOfArticle(a.id))!))!;
    if (replayed.id !== a.eventId) wrongEvent.push(`${a.url}: stored in ${a.eventId}, replayed into ${replayed.id}`);
  }
  return listed('articles whose stored event differs from a fresh replay of the assignment log', wrongEvent);
}

export interface AlertExpectations {
  rule: string;
  channel: string;
  /** Feeds the rule watches: every live event holding one of their articles is alerted. */
  watchedFeeds: string[];
  /** When the test killed a process: only a kill between two receipts may explain a repeat. */
  killedAt: number[];
}

/**
 * Every live event of the watched feeds raised its new-event alert (itself or an event merged into
 * it); every alert stored was sent
 * (status sent) and reached the receiver, under its own delivery id, exactly once, signed. A
 * repeat is accepted only when a process was killed between the two receipts: the documented
 * crash between the receiver's answer and its record, which the receiver drops by delivery id.
 */
export async function alertProblems(db: pg.Pool, received: readonly ReceivedRequest[], x: AlertExpectations): Promise<string[]> {
  const { rows: watched } = await db.query<{ id: string }>(
    `select distinct e.id from events e join articles a on a.event_id = e.id where e.merged_into is null and a.feed_id = any($1) order by e.id`,
    [x.watchedFeeds],
  );
  const { rows: alerts } = await db.query<{ id: string; event_id: string; trigger: string }>('select id, event_id, trigger from alerts where rule = $1', [x.rule]);
  // An event alerted before another absorbed it has told the analyst already: its survivor is covered.
  const { rows: covered } = await db.query<{ root: string }>(
    `with recursive tree(root, id) as (
       select id, id from events where merged_into is null
       union all
       select t.root, e.id from events e join tree t on e.merged_into = t.id)
     select distinct t.root from tree t join alerts al on al.event_id = t.id and al.rule = $1 and al.trigger = 'new-event'`,
    [x.rule],
  );
  const { rows: deliveries } = await db.query<{ id: string; status: string; attempts: number; last_error: string | null }>(
    `select id, status, attempts, last_error from deliveries where kind = 'alert'`,
  );
  const alerted = new Set(covered.map((r) => r.root));
  const deliveryOf = new Map(deliveries.map((d) => [d.id, d]));
  const byDelivery = new Map<string, ReceivedRequest[]>();
  for (const r of received) byDelivery.set(r.delivery ?? '(none)', [...(byDelivery.get(r.delivery ?? '(none)') ?? []), r]);

  const expectedDeliveries = new Map(alerts.map((a) => [alertDeliveryId(a.id, x.channel), a]));
  const missingAlerts = watched.filter((e) => !alerted.has(e.id)).map((e) => e.id);
  const notSent: string[] = [];
  const notReceived: string[] = [];
  const repeated: string[] = [];
  for (const [id, a] of expectedDeliveries) {
    const d = deliveryOf.get(id);
    if (d?.status !== 'sent') notSent.push(`alert ${a.id} (${a.trigger}, event ${a.event_id}): delivery ${id} ${d ? `${d.status} after ${d.attempts} attempts${d.last_error ? `: ${d.last_error}` : ''}` : 'never created'}`);
    const got = byDelivery.get(id) ?? [];
    if (got.length === 0) notReceived.push(`alert ${a.id} (${a.trigger}, event ${a.event_id}), delivery ${id}`);
    for (let i = 1; i < got.length; i++) {
      const explained = x.killedAt.some((t) => got[i - 1]!.at <= t && t <= got[i]!.at) && got[i]!.raw === got[0]!.raw;
      if (!explained) repeated.push(`alert ${a.id} (event ${a.event_id}), delivery ${id}: received ${got.length} times, no kill between receipts ${i} and ${i + 1}${got[i]!.raw === got[0]!.raw ? '' : ', with another body'}`);
    }
  }
  const unknown = [...byDelivery.keys()].filter((id) => !expectedDeliveries.has(id));
  return [
    ...listed(`live events of ${x.watchedFeeds.join(', ')} without their new-event alert`, missingAlerts),
    ...listed('alerts whose delivery is not recorded as sent', notSent),
    ...listed('alerts the webhook receiver never got', notReceived),
    ...listed('alerts the webhook receiver got more than once', repeated),
    ...listed('deliveries received that match no stored alert', unknown.map((id) => `${id}: ${byDelivery.get(id)!.length} requests`)),
    ...listed('requests whose signature does not verify', received.filter((r) => !r.verified).map((r) => r.delivery ?? '(no delivery id)')),
  ];
}
