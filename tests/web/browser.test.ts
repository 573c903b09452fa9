import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, type Browser } from '../helpers/browser.js';
import { REPO_ROOT, spawnCli, type LongRunning } from '../helpers/cli-process.js';

/**
 * End to end, as a newcomer meets Parallax: `parallax demo` serves the bundled corpus, runs the
 * pipeline on it and serves the web page; headless Chromium opens the list, finds the planted
 * hostage-release event (tests/fixtures/compare/hostage-release.yaml, in demo/corpus) and opens it.
 */
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

  test('the events list shows the demo events; the hostage-release event opens; Ctrl-C stops the demo cleanly', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/`);
    const rows = page.locator('table.events tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(10);
    // Hespress FR reports only the hostage release in the corpus.
    const hostage = rows.filter({ hasText: 'Hespress FR' });
    await expect.poll(() => hostage.count()).toBe(1);
    expect(await hostage.locator('td').nth(3).innerText()).toContain('Revue du Sahel');
    await hostage.locator('a').first().click();
    await page.waitForURL(/\/events\/ev-/);
    expect(await page.locator('h1').innerText()).not.toBe('');
    // The comparison, side by side: accounts as columns, the syndicated copy folded under its original.
    const accounts = page.locator('table.matrix th.account');
    expect(await accounts.count()).toBeGreaterThanOrEqual(6);
    expect(await accounts.filter({ hasText: 'Sahel Wire' }).innerText()).toContain('West Africa Daily');
    await page.screenshot({ path: join(REPO_ROOT, 'tests', 'artifacts', 'comparison.png'), fullPage: true });

    demo.child.kill('SIGINT');
    const exit = await demo.exited;
    expect(exit.code, demo.stderr()).toBe(0);
  });
});
