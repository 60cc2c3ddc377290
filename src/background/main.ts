/** Background wiring: answers content scripts and the popup, keeps per-tab state and the badge. */
import { browser, type Browser } from 'wxt/browser';
import { isRequest, type Request, type TabState } from '../messages';
import { analyse } from './analyser';
import { clearBadge, showCount } from './badge';
import { forgetTab, loadTab, saveTab } from './tab-store';

const HIGHLIGHTER = '/content-scripts/highlighter.js';

async function handle(request: Request, sender: Browser.runtime.MessageSender): Promise<unknown> {
  switch (request.type) {
    case 'activate': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [HIGHLIGHTER] });
      return true;
    }
    case 'analyse': {
      const analysis = analyse(request.page);
      const tabId = sender.tab?.id;
      if (tabId !== undefined && (sender.frameId ?? 0) === 0) {
        const state: TabState = { url: request.page.url, title: request.page.title, analysis, at: Date.now() };
        await saveTab(tabId, state);
        await showCount(tabId, analysis.quotes.length);
      }
      return analysis;
    }
    case 'tab-state':
      return loadTab(request.tabId);
  }
}

export function startBackground(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isRequest(message)) return undefined;
    return handle(message, sender);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) {
      void forgetTab(tabId);
      void clearBadge(tabId);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
}
