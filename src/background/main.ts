/** Background wiring: answers content scripts and the popup, keeps per-tab state and the badge. */
import { browser, type Browser } from 'wxt/browser';
import { isRequest, type AnalyseResponse, type CardDetails, type QuoteSpan, type Request, type TabState } from '../messages';
import { pageSettings, shouldRun } from '../settings';
import { loadSettings } from '../storage/settings';
import { analyse } from './analyser';
import { activePack } from './packs';
import { clearBadge, showCount, toolbarAction } from './badge';
import { forgetTab, loadTab, saveTab, updateTab } from './tab-store';
import { findQuote, forgetFrames, frameQuotes, rememberFrame, toSpan } from './frame-results';

const HIGHLIGHTER = '/highlighter.js';
const CARD = '/card.js';

async function handle(request: Request, sender: Browser.runtime.MessageSender): Promise<unknown> {
  switch (request.type) {
    case 'activate': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      // Run mode (Options): "listed sites" / "only when I open the popup" are enforced here too, whatever the gate decided.
      if (!shouldRun(await loadSettings(), sender.url ?? sender.tab?.url ?? '')) return false;
      await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [HIGHLIGHTER] });
      return true;
    }
    case 'analyse': {
      const settings = await loadSettings();
      const started = performance.now();
      const analysis = await analyse(request.page, settings);
      const engineMs = performance.now() - started;
      const tabId = sender.tab?.id;
      if (tabId !== undefined) rememberFrame(tabId, sender.frameId ?? 0, analysis.quotes);
      if (tabId !== undefined && (sender.frameId ?? 0) === 0) {
        const state: TabState = { url: request.page.url, title: request.page.title, analysis, at: Date.now() };
        await saveTab(tabId, state);
        await showCount(tabId, analysis.quotes.length);
      }
      const page = pageSettings(settings, request.page.url);
      return { quotes: analysis.quotes.map(toSpan), engineMs, settings: page } satisfies AnalyseResponse;
    }
    case 'card-details': {
      const tabId = sender.tab?.id;
      return tabId === undefined ? null : cardDetails(tabId, sender.frameId ?? 0, request.span);
    }
    case 'load-card': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [CARD] });
      return true;
    }
    case 'open-popup':
      return openPopup();
    case 'tab-state':
      return loadTab(request.tabId);
    case 'analyse-tab':
      return injectHighlighter(request.tabId);
    case 'page-update': {
      const tabId = sender.tab?.id;
      if (tabId === undefined || (sender.frameId ?? 0) !== 0) return undefined;
      const state = await updateTab(tabId, request.quotes, request.timings);
      if (state) await showCount(tabId, state.analysis.quotes.length);
      return undefined;
    }
  }
}

/** The full match behind a highlight, and its group's source (matches do not carry it), for the hover card. */
async function cardDetails(tabId: number, frameId: number, span: QuoteSpan): Promise<CardDetails | null> {
  const quotes = frameQuotes(tabId, frameId) ?? (frameId === 0 ? (await loadTab(tabId))?.analysis.quotes : undefined) ?? [];
  const quote = findQuote(quotes, span);
  if (!quote) return null;
  const pack = await activePack();
  return { quote, source: pack.groups.find((g) => g.id === quote.group)?.source ?? null };
}

/**
 * Hover card → opens the toolbar popup. `action.openPopup()` exists in Chrome ≥ 127 and Firefox, but
 * may refuse (Firefox wants a user gesture, which does not survive a message); the card then shows a hint.
 */
async function openPopup(): Promise<{ opened: boolean }> {
  const action = toolbarAction() as { openPopup?: () => Promise<void> } | undefined;
  if (!action?.openPopup) return { opened: false };
  try {
    await action.openPopup();
    return { opened: true };
  } catch {
    return { opened: false };
  }
}

/** Popup → injects the highlighter into a tab (the popup's activeTab grant, or the content-script hosts). */
async function injectHighlighter(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [HIGHLIGHTER] });
    return true;
  } catch (error) {
    console.warn('Verbatim: cannot analyse tab', tabId, error);
    return false;
  }
}

/**
 * Runs in the page's isolated world (serialised by `executeScript`: no closure, so the hook's name is
 * spelled out; it is `RECHECK_HOOK` in src/content/navigation.ts). Does nothing where the gate passed
 * or never ran.
 */
function recheckGate(): void {
  (globalThis as { __verbatimGateRecheck?: () => void }).__verbatimGateRecheck?.();
}

export function startBackground(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isRequest(message)) return undefined;
    return handle(message, sender);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // Any new load (navigation or reload) makes the old results wrong; `url` is absent without host access.
    if (change.status === 'loading') {
      forgetFrames(tabId);
      void forgetTab(tabId);
      void clearBadge(tabId);
    }
    // A URL change is also how single-page sites switch article (history API): the page's gate or
    // highlighter looks again. A cheap event here instead of a timer or observer on every page.
    if (change.url) {
      void browser.tabs.sendMessage(tabId, { type: 'navigated', url: change.url }, { frameId: 0 }).catch(() => undefined);
      // A gate that said no keeps no listener (src/content/navigation.ts): it is called from here.
      void browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: recheckGate }).catch(() => undefined);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetFrames(tabId);
    void forgetTab(tabId);
  });
}
