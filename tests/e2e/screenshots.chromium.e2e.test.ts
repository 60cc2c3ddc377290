/**
 * The screenshots README shows, taken from the real extension on every e2e run, in light and dark
 * mode: the highlighted page, the hover card, and the popup. `npm run screenshots` copies them to docs/.
 */
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
});
