import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COMPARE_VERSION, type Comparison } from '../../src/compare/index.js';
import { openStore } from '../../src/store/index.js';
import { eventually, runCli, spawnCli, type LongRunning } from '../helpers/cli-process.js';
import { freshPostgres } from '../helpers/databases.js';
import { eventsFeedsYaml, startEventsSite, type EventsSite } from '../helpers/events-site.js';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix.js';

/**
 * Issue 4, acceptance 4: the labelled multilingual set served as a news site and ingested by
 * `parallax start`, alone and then beside two `parallax worker` processes (real Redis, real
 * PostgreSQL): the same events come out. Issue 13, acceptance 4: `run-once` on the same site and
 * `parallax cluster` on the same articles make those events too.
 */
let site: EventsSite;
let config: string;

beforeAll(async () => {
  site = await startEventsSite();
  config = join(mkdtempSync(join(tmpdir(), 'px-events-')), 'feeds.yaml');
  writeFileSync(config, eventsFeedsYaml(site));
});
afterAll(async () => site?.close());

/** Runs Parallax with `extraWorkers` worker processes until every article is in an event; returns labelled id → event id. */
async function ingest(extraWorkers: number): Promise<{ events: Map<string, string>; duplicates: Map<string, string | null>; json: unknown[]; api: unknown[]; comparison: Comparison }> {
  const db = await freshPostgres();
  const prefix = testPrefix();
  const env = {
    DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, PARALLAX_QUEUE_PREFIX: prefix, PARALLAX_PORT: '0',
    PARALLAX_HOST_GAP_MS: '0', PARALLAX_EVENT_SETTLE_MS: '3000',
  };
  const store = await openStore({ kind: 'postgres', url: db.url }, { poolSize: 2 });
  const procs: LongRunning[] = [];
  try {
    const main = spawnCli(['start', '--config', config], env);
    procs.push(main);
    for (let i = 0; i < extraWorkers; i++) procs.push(spawnCli(['worker'], env));
    const [, address] = await main.waitFor(/listening (http:\/\/\S+)/, 30_000);
    await Promise.all(procs.slice(1).map((p) => p.waitFor(/worker ready/, 30_000)));
    await eventually(async () => (await store.events.maxSeq()) === site.set.length, 60_000, `all ${site.set.length} articles in events`);
    const rows = await store.articles.list({ limit: 1000 });
    const byUrl = new Map(rows.map((r) => [r.url, r]));
    const events = new Map(rows.map((r) => [site.labelOf(r.url)!, r.event_id!]));
    const duplicates = new Map(rows.map((r) => [site.labelOf(r.url)!, r.duplicate_of ? site.labelOf(byUrl.get(r.duplicate_of)?.url ?? r.duplicate_of)! : null]));
    const cli = await runCli(['events', '--json'], env);
    expect(cli.code, cli.stderr).toBe(0);
    const api = (await (await fetch(`${address}/api/events?limit=1000`)).json()) as unknown[];
    // The compare queue, not a reader, computed them: nothing reads a comparison before this.
    await eventually(async () => (await store.comparisons.stale(COMPARE_VERSION)).length === 0, 60_000, 'every event compared by the compare queue');
    const seedEvent = events.get(site.set.find((l) => l.seed)!.article.id)!;
    const comparison = (await (await fetch(`${address}/api/events/${seedEvent}/compare`)).json()) as Comparison;
    return { events, duplicates, json: JSON.parse(cli.stdout) as unknown[], api, comparison };
  } finally {
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await store.close();
    await dropPrefix(prefix);
    await db.drop();
  }
}

/** A partition as a comparable value: sorted groups of sorted labelled ids. */
const groups = (events: Map<string, string>) => {
  const by = new Map<string, string[]>();
  for (const [label, event] of events) by.set(event, [...(by.get(event) ?? []), label]);
  return [...by.values()].map((g) => g.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
};

describe('events through the queues', () => {
  let one: Awaited<ReturnType<typeof ingest>>;
  let three: Awaited<ReturnType<typeof ingest>>;
  beforeAll(async () => {
    one = await ingest(0);
    three = await ingest(2);
  }, 200_000);

  test('one process and three processes make the same events', () => {
    expect(one.events.size).toBe(site.set.length);
    expect(groups(three.events)).toEqual(groups(one.events));
    expect(three.duplicates).toEqual(one.duplicates);
  });

  test('run-once and parallax cluster make the same events and copies as the worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'px-events-paths-'));
    const data = join(dir, 'data');
    const once = await runCli(['run-once', '--config', config, '--data', data, '--init', '--json'], { PARALLAX_HOST_GAP_MS: '0' }, 110_000);
    expect(once.code, once.stderr).toBe(0);
    const listed = await runCli(['articles', '--data', data, '--json', '--limit', '1000']);
    expect(listed.code, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as { id: string; url: string; eventId: string; duplicateOf: string | null }[];
    const urlOf = new Map(rows.map((r) => [r.id, r.url]));
    expect(groups(new Map(rows.map((r) => [site.labelOf(r.url)!, r.eventId])))).toEqual(groups(one.events));
    expect(new Map(rows.map((r) => [site.labelOf(r.url)!, r.duplicateOf ? site.labelOf(urlOf.get(r.duplicateOf) ?? r.duplicateOf)! : null]))).toEqual(one.duplicates);

    // The articles as the site serves them: paragraphs parted by blank lines, the feed's language.
    const jsonl = site.set.map(({ article: a }) => JSON.stringify({
      id: a.id, title: a.title, language: a.language, published: a.published!.toISOString(), outlet: a.outlet,
      text: a.text.split(/\n+/).map((p) => p.trim()).filter(Boolean).join('\n\n'),
    }));
    writeFileSync(join(dir, 'set.jsonl'), `${jsonl.join('\n')}\n`);
    const clustered = await runCli(['cluster', '--json', join(dir, 'set.jsonl')]);
    expect(clustered.code, clustered.stderr).toBe(0);
    const decisions = JSON.parse(clustered.stdout) as { id: string; event: string; duplicateOf: string | null }[];
    expect(groups(new Map(decisions.map((d) => [d.id, d.event])))).toEqual(groups(one.events));
    expect(new Map(decisions.map((d) => [d.id, d.duplicateOf]))).toEqual(one.duplicates);
  }, 120_000);

  test('the seed story is one event with every account of it and no hard negative; the copy is flagged', () => {
    const seed = site.set.find((l) => l.seed)!;
    const story = site.set.filter((l) => l.gold === seed.gold).map((l) => l.article.id).sort();
    const seedEvent = one.events.get(seed.article.id);
    const together = [...one.events].filter(([, e]) => e === seedEvent).map(([id]) => id).sort();
    expect(together).toEqual(story);
    for (const l of site.set) expect(one.duplicates.get(l.article.id), l.article.id).toBe(l.copyOf);
  });

  test("every event's comparison is stored by the compare queue and served by GET /api/events/:id/compare", () => {
    for (const run of [one, three]) {
      const seedEvent = run.events.get(site.set.find((l) => l.seed)!.article.id);
      // The event as this run made it (whether the runs agree is the first test's question).
      const members = [...run.events].filter(([, e]) => e === seedEvent).map(([label]) => label);
      expect(run.comparison.event.id).toBe(seedEvent);
      expect(run.comparison.timeline.map((t) => site.labelOf(t.url)).sort()).toEqual(members.sort());
      const copies = members.filter((label) => run.duplicates.get(label) !== null);
      expect(run.comparison.accounts).toHaveLength(members.length - copies.length);
      expect(run.comparison.accounts.flatMap((a) => a.copies.map((c) => site.labelOf(c.url))).sort()).toEqual(copies.sort());
    }
  });

  test('parallax events --json and GET /api/events show the events with their articles', () => {
    expect(one.json).toHaveLength(new Set(one.events.values()).size);
    expect(one.api).toEqual(one.json);
    for (const e of one.json as Record<string, unknown>[]) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['id', 'title', 'firstSeen', 'lastUpdated', 'articles']));
      for (const a of e.articles as Record<string, unknown>[]) {
        expect(Object.keys(a)).toEqual(expect.arrayContaining(['url', 'outlet', 'country', 'language', 'title', 'published', 'duplicateOf']));
      }
    }
  });
});
