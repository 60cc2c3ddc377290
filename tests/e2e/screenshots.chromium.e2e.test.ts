/**
 * The screenshots README shows, taken from the real extension on every e2e run, in light and dark
 * mode: the highlighted page, the hover card, and the popup; and the store listing's two at 1280×800.
 * `npm run screenshots` copies them to docs/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusArticlePage, manifestDocuments } from '../support/corpus';
import { tabIdOf } from './support/chromium';
import { useChromium } from './support/fixture';
import { artifact } from './support/paths';
import { untilReported } from './support/waits';

const env = useChromium();

describe('Chromium: README screenshots', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`shows the highlighted page, the hover card and the popup (${scheme})`, async () => {
      const doc = manifestDocuments().find((d) => d.id === 'nme')!;
      const url = env.server.set(`/shots/${scheme}/nme.html`, corpusArticlePage(doc));
      const page = await env.session.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 900, height: 760 });
      await page.goto(url);
      const mark = page.locator('mark.verbatim-quote').nth(4);
      await mark.waitFor({ timeout: 15_000 });
      await untilReported(env.driver, url); // every quote marked, not only the first five
      await mark.scrollIntoViewIfNeeded();
      await page.screenshot({ path: artifact(`readme-page-${scheme}.png`) });

      await mark.hover();
      // The card is drawn and placed beside the quote (`data-side` is set once it has its position).
      await page.waitForSelector('[data-verbatim-ui="card"][data-side]', { state: 'attached' });
      await page.screenshot({ path: artifact(`readme-card-${scheme}.png`) });

      const popup = await env.session.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 460, height: 900 });
      await popup.goto(`chrome-extension://${env.session.extensionId}/popup.html?tabId=${await tabIdOf(env.session, url)}`);
      await popup.waitForSelector('[data-testid="quotes"] > li');
      await popup.locator('[data-testid="quotes"] > li [aria-expanded]').nth(1).click();
      await popup.locator('[data-testid="quotes"] > li').nth(1).locator('[data-testid="comparison"]').waitFor({ state: 'visible' });
      await popup.screenshot({ path: artifact(`readme-popup-${scheme}.png`) });
      expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      await popup.close();
      await page.close();
    });
  }

  it('takes the store listing screenshots at 1280×800: the page with its card, the page beside the popup', async () => {
    const doc = manifestDocuments().find((d) => d.id === 'nme')!;
    const url = env.server.set('/shots/store/nme.html', corpusArticlePage(doc));
    const page = await env.session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url);
    const mark = page.locator('mark.verbatim-quote').nth(4);
    await mark.waitFor({ timeout: 15_000 });
    await untilReported(env.driver, url);
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    await page.waitForSelector('[data-verbatim-ui="card"][data-side]', { state: 'attached' });
    const cardShot = artifact('readme-store-page-card.png');
    await page.screenshot({ path: cardShot });
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-verbatim-ui="card"]', { state: 'detached' });

    // The page and the popup side by side: the popup is a toolbar window the browser draws apart, so the
    // listing shows it beside the page it describes.
    await page.setViewportSize({ width: 820, height: 800 });
    await mark.scrollIntoViewIfNeeded();
    const pageShot = await page.screenshot();
    const popup = await env.session.context.newPage();
    await popup.setViewportSize({ width: 460, height: 800 });
    await popup.goto(`chrome-extension://${env.session.extensionId}/popup.html?tabId=${await tabIdOf(env.session, url)}`);
    await popup.waitForSelector('[data-testid="quotes"] > li');
    await popup.locator('[data-testid="quotes"] > li [aria-expanded]').nth(1).click();
    await popup.locator('[data-testid="quotes"] > li').nth(1).locator('[data-testid="comparison"]').waitFor({ state: 'visible' });
    const popupShot = await popup.screenshot();
    const canvas = await env.session.context.newPage();
    await canvas.setViewportSize({ width: 1280, height: 800 });
    await canvas.evaluate(
      async ([left, right]) => {
        document.body.style.cssText = 'margin:0;display:flex;background:#ccc';
        for (const png of [left, right]) {
          const img = document.createElement('img');
          img.src = `data:image/png;base64,${png}`;
          document.body.append(img);
          await img.decode();
        }
      },
      [pageShot.toString('base64'), popupShot.toString('base64')],
    );
    const sideShot = artifact('readme-store-page-popup.png');
    await canvas.screenshot({ path: sideShot });
    for (const shot of [cardShot, sideShot]) expect(pngSize(readFileSync(shot))).toEqual({ width: 1280, height: 800 });
    await Promise.all([canvas.close(), popup.close(), page.close()]);
  });
});

/** A PNG's pixel size, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
