/**
 * `npm start`: shows Verbatim at work. Serves a corpus article on 127.0.0.1 inside realistic page
 * markup and opens the system's Chromium with the built extension loaded. With a display it stays
 * open until you close it; without one it runs headless, saves screenshots of the highlighted page
 * and of the popup, and prints where they are.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from '../tests/e2e/support/browsers';
import { launchChromium, tabIdOf } from '../tests/e2e/support/chromium';
import { corpusArticlePage, manifestDocuments } from '../tests/support/corpus';
import { artifact } from '../tests/e2e/support/paths';
import { startServer } from '../tests/e2e/support/server';
import { CHROME_BUILD } from '../tests/e2e/support/paths';

if (!existsSync(CHROMIUM)) {
  const ensured = spawnSync('npx', ['tsx', 'scripts/ensure-browsers.ts'], { stdio: 'inherit' });
  if (ensured.status !== 0) process.exit(1);
}

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
const server = await startServer();
const docs = manifestDocuments();
const urls = docs.map((doc) => server.set(`/demo/${doc.id}.html`, corpusArticlePage(doc)));
const session = await launchChromium(CHROME_BUILD, [], { headless: !headed });
const page = await session.context.newPage();
await page.setViewportSize({ width: 1100, height: 900 });
await page.goto(urls[0]!);
await page.waitForSelector('mark.verbatim-quote', { timeout: 15_000 });
const count = await page.locator('mark.verbatim-quote').count();
console.log(`Verbatim highlighted ${count} passages on ${urls[0]}`);

if (headed) {
  console.log(
    `Other demo articles:\n${urls
      .slice(1)
      .map((u) => '  ' + u)
      .join('\n')}`,
  );
  console.log('Chromium is open with Verbatim loaded; click its toolbar icon for the popup. Close the browser to stop.');
  await new Promise((resolve) => session.context.on('close', resolve));
} else {
  const pageShot = artifact('demo-page.png');
  await page.screenshot({ path: pageShot, fullPage: true });
  const tabId = await tabIdOf(session, urls[0]!);
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 480, height: 900 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('[data-testid="quotes"] > li');
  const popupShot = artifact('demo-popup.png');
  await popup.screenshot({ path: popupShot, fullPage: true });
  console.log(`No display: ran headless. Screenshots:\n  ${pageShot}\n  ${popupShot}`);
  await session.close();
}
await server.close();
