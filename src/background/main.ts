/** Background wiring: decides which tabs get the highlighter, answers pages and the popup, keeps per-tab state and the badge. */
import { browser, type Browser } from 'wxt/browser';
import {
  isRequest,
  listen,
  sendToTab,
  type AnalyseResponse,
  type CardDetails,
  type QuoteSpan,
  type Request,
  type TabState,
} from '../shared/messages';
import { pageSettings, shouldRun } from '../shared/settings';
import { loadSettings } from '../storage/settings-store';
import { analyse } from './analyser';
import { activePack, bundledPack } from '../storage/active-pack';
import { compileGate, GATE_SAMPLE_CHARS, type Gate } from '../engine/topic/gate';
import { readGateSample } from '../shared/page-functions';
import { createTabGate, type TabGate } from './tab-gate';
import { clearBadge, showCount, toolbarAction } from './badge';
import { forgetTab, loadTab, saveTab, updateTab } from './tab-store';
import { findQuote, forgetFrames, frameQuotes, rememberFrame, toSpan } from './frame-results';
import { pageMeaning } from './meaning';

const HIGHLIGHTER = '/highlighter.js';
const CARD = '/card.js';

async function handle(request: Request, sender: Browser.runtime.MessageSender): Promise<unknown> {
  switch (request.type) {
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
  const group = pack.groups.find((g) => g.id === quote.group);
  return { quote, source: group?.source ?? null, ...(group ? pageMeaning(pack, group, quote.text) : {}) };
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

/** The highlighter into a tab's top page; rejects where the browser refuses (no grant, a page that went away). */
function injectInto(tabId: number): Promise<unknown> {
  return browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [HIGHLIGHTER] });
}

/** Popup → injects the highlighter into a tab (the popup's activeTab grant, or the host permissions). */
async function injectHighlighter(tabId: number): Promise<boolean> {
  try {
    await injectInto(tabId);
    return true;
  } catch (error) {
    console.warn('Verbatim: cannot analyse tab', tabId, error);
    return false;
  }
}

/** The gate's view of the browser: what it asks of tabs, through the extension APIs. */
function tabGate(): TabGate {
  let gate: Gate | undefined;
  return createTabGate({
    gate: () => (gate ??= compileGate(bundledPack.topic)),
    allowed: async (url) => shouldRun(await loadSettings(), url),
    ping: (tabId) =>
      sendToTab(tabId, { type: 'ping' }, 0).then(
        (answer) => answer === true,
        () => false,
      ),
    sample: async (tabId) => {
      const [result] = await browser.scripting
        .executeScript({ target: { tabId, frameIds: [0] }, func: readGateSample, args: [GATE_SAMPLE_CHARS] })
        .catch(() => []);
      return typeof result?.result === 'string' ? result.result : null;
    },
    inject: injectInto,
    later: (ms, run) => void setTimeout(run, ms),
  });
}

/**
 * Tabs that loaded while this worker was not listening get the same look as new ones: tabs open before
 * Verbatim was installed or updated, and pages whose events fired before the worker's first run had
 * registered its listeners (a fresh install's first page, seen in the e2e tests). Run at every worker
 * start; `look` pings first, so a tab whose highlighter runs is left as it is.
 */
async function lookAtOpenTabs(gate: TabGate): Promise<void> {
  for (const tab of await browser.tabs.query({})) if (tab.id !== undefined) void gate.look(tab.id, tab);
}

export function startBackground(): void {
  listen((message, sender) => (isRequest(message) ? handle(message, sender) : undefined));
  const gate = tabGate();
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // Any new load (navigation or reload) makes the old results wrong; `url` is absent without host access.
    if (change.status === 'loading') {
      forgetFrames(tabId);
      void forgetTab(tabId);
      void clearBadge(tabId);
    }
    // A URL change is also how single-page sites switch article (history API): a running highlighter
    // looks again (where none runs, nobody listens and the page is not touched).
    if (change.url) void sendToTab(tabId, { type: 'navigated', url: change.url }, 0).catch(() => undefined);
    gate.onUpdated(tabId, change, tab);
  });
  void lookAtOpenTabs(gate).catch(() => undefined);
  browser.tabs.onRemoved.addListener((tabId) => {
    gate.onRemoved(tabId);
    forgetFrames(tabId);
    void forgetTab(tabId);
  });
}
