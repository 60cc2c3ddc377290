/** Where each wording came from, in real Firefox: the popup's tree and closest relative, the meaning warnings. */
import { describe } from 'vitest';
import { useFirefox } from './support/fixture';
import { openExtensionPage, tabInfo } from './support/firefox-pages';
import { lineageSuite } from './support/lineage-suite';

const env = useFirefox();

describe('Firefox: lineage', () =>
  lineageSuite(env, async (url) => {
    const probe = await openExtensionPage(env.session.browser, '/popup.html', '#app[data-ready]');
    const { tabId } = await tabInfo(probe, url);
    await probe.close();
    const popup = await openExtensionPage(env.session.browser, `/popup.html?tabId=${tabId}`, '[data-testid="quotes"] > li');
    await popup.setViewport({ width: 460, height: 900 });
    return {
      evaluate: (fn, arg) => popup.evaluate(fn as never, arg as never) as never,
      click: (s) => popup.click(s),
      focus: (s) => popup.focus(s),
      press: (k) => popup.keyboard.press(k as never),
      screenshot: async (path) => {
        await popup.screenshot({ path: path as `${string}.png`, fullPage: true });
      },
      close: () => popup.close(),
    };
  }));
