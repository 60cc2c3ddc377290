/**
 * The reader's controls in real Firefox ESR: a step shortcut changed in the browser (Firefox lets an
 * extension page set one, as its "Manage Extension Shortcuts" does) is the one the popup, the options and
 * the page follow, and the old key no longer steps.
 */
import { describe, expect, it } from 'vitest';
import { corpusArticlePage, manifestDocuments } from '../support/corpus';
import { useFirefox } from './support/fixture';
import { openExtensionPage, tabInfo } from './support/firefox-pages';
import { expectStaysTrue, untilReported } from './support/waits';

const env = useFirefox();

/** Runs in an extension page: rebinds (or, with '', removes) a command's key, as the browser's manager does. */
async function rebind([name, shortcut]: [string, string]): Promise<void> {
  const api = (globalThis as unknown as { browser: typeof chrome & { commands: { update(d: object): Promise<void> } } }).browser;
  await api.commands.update({ name, shortcut });
}

const focusedGroup = () => document.querySelector('mark[data-verbatim-focus]')?.getAttribute('data-verbatim-group') ?? null;

describe('Firefox: the reader’s controls', () => {
  it('a step shortcut changed in the browser is shown in the popup and options, and is the key the page follows', async () => {
    const probe = await openExtensionPage(env.session.browser, '/popup.html?tabId=999999', '#app[data-ready]');
    await probe.evaluate(rebind, ['next-quote', 'Alt+Shift+U'] as [string, string]);
    await probe.close();

    const url = env.server.set('/controls/shortcuts-ff.html', corpusArticlePage(manifestDocuments()[0]!));
    const page = await env.session.browser.newPage();
    await page.goto(url);
    await page.waitForSelector('mark.verbatim-quote', { timeout: 15_000 });
    await untilReported(env.driver, url);

    const inspector = await openExtensionPage(env.session.browser, '/popup.html?tabId=999999', '#app[data-ready]');
    const { tabId } = await tabInfo(inspector, url);
    await inspector.close();
    const popup = await openExtensionPage(env.session.browser, `/popup.html?tabId=${tabId}`, '[data-testid="shortcuts"]');
    expect(await popup.$eval('[data-testid="shortcut-next"]', (e) => e.textContent)).toBe('Alt+Shift+U');
    expect(await popup.$eval('[data-testid="shortcuts"]', (e) => e.textContent)).toContain('Manage Extension Shortcuts');
    await popup.close();
    const options = await openExtensionPage(env.session.browser, '/options.html', '#app[data-ready]');
    expect(await options.$eval('[data-testid="shortcuts-options"] [data-testid="shortcut-next"]', (e) => e.textContent)).toBe(
      'Alt+Shift+U',
    );
    await options.close();

    await page.bringToFront();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // The old key: nothing. Nothing observable says a key was ignored, so this holds a short quiet period
    // (a step marks its quote within a frame or two).
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyJ');
    await expectStaysTrue(async () => (await page.evaluate(focusedGroup)) === null, { for: 800, message: 'the old key still steps' });
    await page.keyboard.press('KeyU');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await page.waitForFunction(() => document.querySelector('mark[data-verbatim-focus]') !== null, { timeout: 5000, polling: 50 });
    await page.close();
  });
});
