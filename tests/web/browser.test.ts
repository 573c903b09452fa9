import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, type Browser } from '../helpers/browser.js';
import { REPO_ROOT, spawnCli, type LongRunning } from '../helpers/cli-process.js';
import { loadPlantedEvent } from '../compare/fixtures.js';

/**
 * End to end, as a newcomer meets Parallax: `parallax demo` serves the bundled corpus, runs the
 * pipeline on it and serves the web page; headless Chromium opens the list, finds the planted
 * hostage-release event (tests/fixtures/compare/hostage-release.yaml, in demo/corpus) and opens it.
 */
const { input, planted } = loadPlantedEvent();
// The fixture names its articles by id; the page names them by outlet.
const outletOf = (id: string) => input.articles.find((a) => a.id === id)!.outlet;

describe('the demo in a browser', { timeout: 90_000 }, () => {
  let demo: LongRunning;
  let base: string;
  let browser: Browser;
  beforeAll(async () => {
    demo = spawnCli(['demo', '--port', '0']);
    [browser, base] = await Promise.all([launchChromium(), demo.waitFor(/listening (http:\S+)/, 80_000).then((m) => m[1]!)]);
  });
  afterAll(async () => {
    await browser?.close();
    if (demo && demo.child.exitCode === null) demo.child.kill('SIGKILL');
  });

  test('the list shows the demo events; the planted event opens on its comparison with the conflicts and the unique claim; Ctrl-C stops the demo', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/`);
    const rows = page.locator('table.events tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(10);
    // Mali Daily reports only the planted event in the corpus.
    const hostage = rows.filter({ hasText: 'Mali Daily' });
    await expect.poll(() => hostage.count()).toBe(1);
    expect(await hostage.locator('td').nth(3).innerText()).toContain('Revue du Sahel');
    await hostage.locator('a').first().click();
    await page.waitForURL(/\/events\/ev-/);
    expect(await page.locator('h1').innerText()).not.toBe('');
    // The comparison, side by side: accounts as columns, the syndicated copy folded under its original.
    const accounts = page.locator('table.matrix th.account');
    expect(await accounts.count()).toBeGreaterThanOrEqual(6);
    const copy = planted.copies[0]!;
    const original = accounts.filter({ hasText: outletOf(copy.copy) });
    expect(await original.locator('.outlet').innerText()).toBe(outletOf(copy.of));
    expect(await original.locator('.copies').innerText()).toContain(`${copy.added} sentences added, ${copy.dropped} dropped`);

    // Every planted conflicting figure is highlighted, with its value; a value that one account
    // alone gives names that account.
    for (const conflict of planted.conflicts) {
      for (const [value, ids] of Object.entries(conflict.values)) {
        const item = page.locator('#conflicts .conflict li').filter({ has: page.locator('.value', { hasText: new RegExp(`^${value}$`) }) });
        expect(await item.count(), `${conflict.kind} ${value}`).toBeGreaterThanOrEqual(1);
        if (ids.length === 1) expect(await item.first().innerText()).toContain(outletOf(ids[0]!));
      }
    }
    // The claim planted in one account only: a row marked unique, said in that account's column alone.
    const unique = planted.unique.find((u) => u.country === null && u.articles.length === 1)!;
    const outlet = outletOf(unique.articles[0]!);
    const row = page.locator('table.matrix tr.unique', { hasText: unique.says });
    expect(await row.locator('td.claim').innerText()).toContain(`unique to ${outlet}`);
    const columns = await page.locator('table.matrix th.account .outlet').allInnerTexts();
    const made = await row.locator('td.says').evaluateAll((cells) => cells.map((c) => c.classList.contains('made')));
    expect(columns.filter((_, i) => made[i])).toEqual([outlet]);
    // Arabic accounts read right to left.
    expect(await page.locator('table.matrix td.says.made[lang=ar][dir=rtl]').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: join(REPO_ROOT, 'tests', 'artifacts', 'comparison.png'), fullPage: true });

    demo.child.kill('SIGINT');
    const exit = await demo.exited;
    expect(exit.code, demo.stderr()).toBe(0);
  });
});
