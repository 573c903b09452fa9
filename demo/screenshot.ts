/**
 * docs/comparison.png, the README's picture of the comparison page: `parallax demo` run as a user
 * would, the planted hostage-release event opened in headless Chromium, the top of its page shot.
 *   node bin/run-ts.js demo/screenshot.ts
 */
import { join } from 'node:path';
import { launchChromium } from '../tests/helpers/browser.js';
import { REPO_ROOT, spawnCli } from '../tests/helpers/cli-process.js';

const demo = spawnCli(['demo', '--port', '0']);
const browser = await launchChromium({ width: 1600, height: 1000 });
try {
  const base = (await demo.waitFor(/listening (http:\S+)/, 120_000))[1]!;
  const page = await browser.context.newPage();
  await page.goto(`${base}/`);
  // Mali Daily reports only the planted event in the corpus.
  await page.locator('table.events tbody tr', { hasText: 'Mali Daily' }).locator('a').first().click();
  await page.waitForSelector('table.matrix');
  const out = join(REPO_ROOT, 'docs', 'comparison.png');
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1600, height: 2300 } });
  console.log(`${out} from ${page.url()}`);
} finally {
  await browser.close();
  demo.child.kill('SIGINT');
  await demo.exited;
}
