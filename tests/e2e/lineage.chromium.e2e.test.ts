/** Where each wording came from, in real Chromium: the popup's tree and closest relative, the meaning warnings. */
import { describe } from 'vitest';
import { tabIdOf } from './support/chromium';
import { useChromium } from './support/fixture';
import { lineageSuite } from './support/lineage-suite';

const env = useChromium();

describe('Chromium: lineage', () =>
  lineageSuite(env, async (url) => {
    const tabId = await tabIdOf(env.session, url);
    const popup = await env.session.context.newPage();
    await popup.setViewportSize({ width: 460, height: 900 });
    await popup.goto(`chrome-extension://${env.session.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-testid="quotes"] > li', { timeout: 15_000 });
    return {
      evaluate: (fn, arg) => popup.evaluate(fn as never, arg as never),
      click: (s) => popup.click(s),
      focus: (s) => popup.focus(s),
      press: (k) => popup.keyboard.press(k),
      screenshot: async (path) => {
        await popup.screenshot({ path, fullPage: true });
      },
      close: () => popup.close(),
    };
  }));
