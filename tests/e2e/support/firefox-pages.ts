/** Helpers for extension pages in Firefox, where `page.goto('moz-extension://…')` never resolves. */
import type { Browser, Page } from 'puppeteer-core';
import { FIREFOX_ORIGIN } from './firefox';

/**
 * Opens an extension page and waits until `readySelector` is there. A wait that BiDi breaks off (a
 * protocol error while the page is still navigating, seen on a loaded machine) is tried again on a new
 * page; a plain timeout is not.
 */
export async function openExtensionPage(browser: Browser, path: string, readySelector: string): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    const page = await browser.newPage();
    void page.goto(`${FIREFOX_ORIGIN}${path}`).catch(() => undefined);
    try {
      await page.waitForSelector(readySelector, { timeout: 15_000 });
      return page;
    } catch (error) {
      await page.close().catch(() => undefined);
      if (attempt >= 3 || (error as Error).name === 'TimeoutError') throw error;
    }
  }
}

/** Runs in an extension page: the tab id of the tab showing `url`, and its badge. */
export async function tabInfo(extensionPage: Page, url: string): Promise<{ tabId: number; badge: string }> {
  return extensionPage.evaluate(async (u: string) => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    const tabs = await api.tabs.query({});
    const tab = tabs.find((t: { url?: string; id?: number }) => t.url === u);
    if (!tab?.id) throw new Error(`no tab for ${u}`);
    const action = (api as unknown as { browserAction?: typeof chrome.action }).browserAction ?? api.action;
    return { tabId: tab.id, badge: await action.getBadgeText({ tabId: tab.id }) };
  }, url);
}
