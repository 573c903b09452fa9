import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AlertPayload } from '../../src/alerts/types.js';
import type { AlertView } from '../../src/store/index.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/alert-receivers.js';
import { runCli } from '../helpers/cli-process.js';
import { freshPostgres } from '../helpers/databases.js';
import { eventsFeedsYaml, startEventsSite, type EventsSite } from '../helpers/events-site.js';

/**
 * Watchlists end to end through `parallax run-once --watchlists`: two stories of the labelled set
 * served locally (the Moroccan drivers freed, in three languages, and the Kayes ambush), a rule
 * that wants the first, one that matches nothing; the webhook receives the alerts before run-once
 * exits, signed; `alerts list` shows what was stored; a second run raises and sends nothing again.
 * On PostgreSQL: the store does not matter here, and run-once.test.ts covers the embedded one.
 */
const STORIES = new Set(['moroccan-drivers-freed', 'kayes-ambush']);
const SECRET = 'test-secret-of-the-analysts';

describe('run-once --watchlists', () => {
  let site: EventsSite;
  let hook: WebhookReceiver;
  let dir: string;
  let db: { url: string; drop(): Promise<void> };
  let env: NodeJS.ProcessEnv;
  const args = () => ['run-once', '--config', join(dir, 'feeds.yaml'), '--watchlists', join(dir, 'watchlists.yaml'), '--json'];

  beforeAll(async () => {
    site = await startEventsSite((l) => STORIES.has(l.gold));
    hook = await startWebhookReceiver(SECRET);
    dir = mkdtempSync(join(tmpdir(), 'px-alerts-'));
    db = await freshPostgres();
    env = { DATABASE_URL: db.url, PARALLAX_HOST_GAP_MS: '0', PX_ALERTS_TEST_SECRET: SECRET, PARALLAX_PUBLIC_URL: 'http://parallax.test' };
    writeFileSync(join(dir, 'feeds.yaml'), eventsFeedsYaml(site));
    writeFileSync(join(dir, 'watchlists.yaml'), `channels:
  analysts: { type: webhook, url: "${hook.url}", secretEnv: PX_ALERTS_TEST_SECRET }
watchlists:
  - name: drivers-freed
    query: '(chauffeurs OR routiers OR drivers OR truckers OR سائقين) AND (libération OR freed OR released OR الإفراج OR تحرير)'
    triggers: [new-event, divergence]
    channels: [analysts]
  - name: wagner
    query: 'Wagner OR "Africa Corps"'
    triggers: [new-event]
    channels: [analysts]
`);
  });
  afterAll(async () => {
    await site?.close();
    await hook?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('alerts are raised on the matching story only, delivered signed before exit, stored, and not raised twice', async () => {
    const first = await runCli(args(), env, 180_000);
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.alerts.created).toBeGreaterThan(0);
    expect(summary.alerts.sent).toBe(summary.alerts.created);

    const bodies = hook.requests.map((r) => r.body as AlertPayload);
    expect(hook.requests.every((r) => r.verified)).toBe(true);
    expect(bodies.map((b) => b.rule).every((r) => r === 'drivers-freed')).toBe(true);
    const newEvents = bodies.filter((b) => b.trigger === 'new-event');
    expect(newEvents.length).toBeGreaterThan(0);
    // Every article of every event alerted belongs to the drivers story; the ambush never alerted.
    for (const b of newEvents) {
      expect(b.event.articles.map((u) => site.set.find((l) => l.article.id === site.labelOf(u))!.gold)).toEqual(b.event.articles.map(() => 'moroccan-drivers-freed'));
      expect(b.event.url).toBe(`http://parallax.test/events/${b.event.id}`);
    }
    for (const b of bodies.filter((x) => x.trigger === 'divergence')) expect((b.conflicts?.length ?? 0) + (b.claims?.length ?? 0)).toBeGreaterThan(0);

    const listed = await runCli(['alerts', 'list', '--json'], env);
    expect(listed.code, listed.stderr).toBe(0);
    const alerts = JSON.parse(listed.stdout) as AlertView[];
    expect(alerts.map((a) => a.id).sort()).toEqual(bodies.map((b) => b.id).sort());
    expect(alerts.every((a) => a.status === 'queued')).toBe(true);
    const text = await runCli(['alerts', 'list'], env);
    expect(text.stdout).toContain(`${alerts.length} alerts`);

    const again = await runCli(args(), env, 180_000);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).alerts).toMatchObject({ evaluated: 0, created: 0, sent: 0 });
    expect(hook.requests).toHaveLength(bodies.length);
  }, 400_000);
});
