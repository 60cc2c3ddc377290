/** Background wiring: decides which tabs get the highlighter, answers pages and the popup, keeps per-tab state, the badge and the corpus. */
import { browser, type Browser } from 'wxt/browser';
import { compileGate, GATE_SAMPLE_CHARS, type Gate } from '../engine/topic/gate';
import {
  broadcast,
  isRequest,
  listen,
  sendToTab,
  type AnalyseResponse,
  type CardDetails,
  type QuoteSpan,
  type Request,
} from '../shared/messages';
import { readGateSample, readPageHtml } from '../shared/page-functions';
import { hostOf, pageSettings, shouldRun, type Settings } from '../shared/settings';
import { DEFAULT_SHORTCUTS, shortcutsFrom, STEP_COMMANDS, type StepCommand, type StepShortcuts } from '../shared/shortcuts';
import { openCorpusDb } from '../storage/corpus-db';
import { loadSettings } from '../storage/settings-store';
import { askPopupFocus, forgetPopupFocus } from '../storage/popup-focus';
import { analyse } from './analyser';
import { clearBadge, showCount, toolbarAction } from './badge';
import { bundled } from './bundled';
import { answerCorpusRequest, isCorpusRequest } from './corpus-requests';
import { CorpusService } from './corpus-service';
import { bundledLexicon } from './lexicon';
import { INDEX_FORMAT } from '../engine/match/pack-index';
import { findQuote, forgetFrames, frameQuotes, rememberFrame, toSpan } from './frame-results';
import { createLearner, type Learner } from './learner';
import { migrateLegacyCorpus } from './legacy-corpus';
import { pageQuotes, reveals } from './privacy';
import { createTabGate, type TabGate } from './tab-gate';
import { changeTab, forgetTab, loadTab, noteLearning, updateTab } from './tab-store';
import { readArticle } from '../reading/read-article';
import { pageMeaning } from './meaning';
import { watchSettings } from './settings-watch';

const HIGHLIGHTER = '/highlighter.js';
const CARD = '/card.js';

async function handle(request: Request, sender: Browser.runtime.MessageSender, ctx: Context): Promise<unknown> {
  if (isCorpusRequest(request)) return answerCorpusRequest(ctx.corpus, request);
  switch (request.type) {
    case 'analyse': {
      const [settings, active] = await Promise.all([loadSettings(), ctx.corpus.current()]);
      if (settings.paused) return pausedAnswer(sender, request.page.url, settings);
      const started = performance.now();
      const analysis = analyse(active.index, request.page, settings);
      const engineMs = performance.now() - started;
      const tab = sender.tab;
      const frameId = sender.frameId ?? 0;
      if (tab?.id === undefined)
        return {
          quotes: [],
          engineMs,
          settings: pageSettings(settings, request.page.url, await stepShortcuts()),
        } satisfies AnalyseResponse;
      rememberFrame(tab.id, frameId, analysis.quotes);
      const visible = pageQuotes(analysis.quotes, active.publicGroups, await reveals.has(tab.id));
      if (frameId === 0) {
        const shown = new Set(visible);
        await changeTab(tab.id, (previous) => ({
          url: request.page.url,
          title: request.page.title,
          analysis,
          withheld: analysis.quotes.filter((q) => !shown.has(q)).map(toSpan),
          at: Date.now(),
          ...(previous?.learning && previous.url === request.page.url ? { learning: previous.learning } : {}),
        }));
        await showCount(tab.id, analysis.quotes.length);
        void ctx.learner.analysed(
          { id: tab.id, url: tab.url ?? request.page.url, incognito: tab.incognito, chars: request.page.text.length },
          analysis.status,
        );
      }
      return {
        quotes: visible.map(toSpan),
        engineMs,
        settings: pageSettings(settings, request.page.url, await stepShortcuts()),
      } satisfies AnalyseResponse;
    }
    case 'card-details': {
      const tabId = sender.tab?.id;
      return tabId === undefined ? null : cardDetails(ctx, tabId, sender.frameId ?? 0, request.span);
    }
    case 'load-card': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [CARD] });
      return true;
    }
    case 'open-popup':
      return openPopup(sender.tab?.id, request.group);
    case 'tab-state':
      return loadTab(request.tabId);
    case 'analyse-tab':
      return injectHighlighter(request.tabId);
    case 'reader-acted': {
      const tabId = request.tabId ?? sender.tab?.id;
      if (tabId === undefined) return false;
      if (await reveals.has(tabId)) return true;
      await reveals.add(tabId);
      // The page's next pass brings the quotes it was not sent yet (a page that was sent all needs none).
      if ((await loadTab(tabId))?.withheld?.length) await sendToTab(tabId, { type: 'refresh' }).catch(() => undefined);
      return true;
    }
    case 'page-update': {
      const tabId = sender.tab?.id;
      if (tabId === undefined || (sender.frameId ?? 0) !== 0) return undefined;
      const state = await updateTab(tabId, request.quotes, request.timings);
      if (state) await showCount(tabId, state.analysis.quotes.length);
      return undefined;
    }
  }
}

/** Paused: the engine does not run; the page removes its marks, and the badge and popup forget the tab. */
async function pausedAnswer(sender: Browser.runtime.MessageSender, url: string, settings: Settings): Promise<AnalyseResponse> {
  const tabId = sender.tab?.id;
  if (tabId !== undefined && (sender.frameId ?? 0) === 0) {
    forgetFrames(tabId);
    await Promise.all([forgetTab(tabId), clearBadge(tabId)]);
  }
  return { quotes: [], engineMs: 0, settings: pageSettings(settings, url, await stepShortcuts()) };
}

/** The step commands as the browser has them bound now (the reader may change them at any time). */
async function stepShortcuts(): Promise<StepShortcuts> {
  try {
    return shortcutsFrom(await browser.commands.getAll());
  } catch {
    return { ...DEFAULT_SHORTCUTS };
  }
}

/** A step command → the highlighter in that tab's top page, if one runs there (elsewhere nothing listens). */
async function relayStep(command: string, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const direction = STEP_COMMANDS[command as StepCommand];
  if (!direction) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId !== undefined) await sendToTab(tabId, { type: 'step', direction }, 0).catch(() => undefined);
}

/** What the background keeps for its lifetime. */
interface Context {
  corpus: CorpusService;
  learner: Learner;
}

/** The full match behind a highlight, and its group's source (matches do not carry it), for the hover card. */
async function cardDetails(ctx: Context, tabId: number, frameId: number, span: QuoteSpan): Promise<CardDetails | null> {
  const quotes = frameQuotes(tabId, frameId) ?? (frameId === 0 ? (await loadTab(tabId))?.analysis.quotes : undefined) ?? [];
  const quote = findQuote(quotes, span);
  if (!quote) return null;
  const { pack } = await ctx.corpus.current();
  const group = pack.groups.find((g) => g.id === quote.group);
  return { quote, source: group?.source ?? null, ...(group ? pageMeaning(pack, group, quote.text) : {}) };
}

/**
 * Hover card → opens the toolbar popup on the card's quote. `action.openPopup()` exists in Chrome ≥ 127
 * and Firefox, but may refuse (Firefox wants a user gesture, which does not survive a message); the card
 * then shows a hint, and the quote waits for the popup the reader opens on that tab.
 */
async function openPopup(tabId: number | undefined, group: string): Promise<{ opened: boolean }> {
  if (tabId !== undefined) await askPopupFocus(tabId, group);
  const action = toolbarAction() as { openPopup?: () => Promise<void> } | undefined;
  if (!action?.openPopup) return { opened: false };
  try {
    await action.openPopup();
    return { opened: true };
  } catch {
    return { opened: false };
  }
}

/**
 * The highlighter into a tab's top page; rejects where the browser refuses (no grant, a page that went away).
 * A copy already there retires first (src/content/lifetime.ts): only the extension can end one, never the page.
 */
async function injectInto(tabId: number): Promise<unknown> {
  await sendToTab(tabId, { type: 'retire' }, 0).catch(() => undefined);
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
    gate: () => (gate ??= compileGate(bundled.pack.topic)),
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

/** Every tab with a running highlighter looks again: the corpus it was matched against changed. */
async function refreshTabs(): Promise<void> {
  for (const tab of await browser.tabs.query({}))
    if (tab.id !== undefined) void sendToTab(tab.id, { type: 'refresh' }, 0).catch(() => undefined);
}

function learner(corpus: CorpusService): Learner {
  return createLearner({
    settings: loadSettings,
    readPage: async (tabId) => {
      const [result] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: readPageHtml }).catch(() => []);
      const page = result?.result as { html: string; url: string } | undefined;
      return page && typeof page.html === 'string' ? page : null;
    },
    readArticle: (html, url) => {
      const article = readArticle(html, url);
      if (!article) return null;
      const site = hostOf(url);
      return {
        url: article.url ?? url,
        outlet: article.outlet ?? site ?? url,
        site,
        title: article.title,
        published: article.published,
        text: article.text,
      };
    },
    keep: (article) => corpus.keep(article, 'learned'),
    report: noteLearning,
  });
}

export function startBackground(): void {
  let changes: ReturnType<typeof setTimeout> | null = null;
  const corpus = new CorpusService({
    bundled,
    openDb: () => openCorpusDb(),
    build: `${browser.runtime.getManifest().version}:${INDEX_FORMAT}:${bundled.pack.groups.length}:${bundled.pack.documents.map((d) => d.id).join(',')}`,
    now: () => new Date(),
    lexicon: bundledLexicon,
    changed: () => {
      broadcast({ type: 'corpus-changed' });
      if (changes) clearTimeout(changes);
      changes = setTimeout(() => void refreshTabs(), 300);
    },
  });
  const ctx: Context = { corpus, learner: learner(corpus) };
  listen((message, sender) => (isRequest(message) ? handle(message, sender, ctx) : undefined));
  browser.commands.onCommand.addListener((command, tab) => void relayStep(command, tab));
  // Highlighters hold a port open only to hear it drop when this extension goes away (src/content/lifetime.ts).
  browser.runtime.onConnect.addListener(() => undefined);
  void migrateLegacyCorpus(corpus).catch((error: unknown) =>
    console.warn('Verbatim: could not move the corpus kept by an older version', error),
  );
  const gate = tabGate();
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // Any new load (navigation or reload) makes the old results wrong; `url` is absent without host access.
    if (change.status === 'loading') {
      forgetFrames(tabId);
      void forgetTab(tabId);
      void clearBadge(tabId);
      void reveals.forget(tabId);
      void forgetPopupFocus(tabId);
      ctx.learner.forget(tabId);
    }
    // A URL change is also how single-page sites switch article (history API): a running highlighter
    // looks again (where none runs, nobody listens and the page is not touched).
    if (change.url) void sendToTab(tabId, { type: 'navigated', url: change.url }, 0).catch(() => undefined);
    gate.onUpdated(tabId, change, tab);
  });
  void lookAtOpenTabs(gate).catch(() => undefined);
  watchSettings({
    // Every running highlighter looks again (its analysis says whether to mark); on resuming, the gate
    // looks at every tab too, since none was injected while paused.
    paused: (paused) => {
      void refreshTabs();
      if (!paused) void lookAtOpenTabs(gate).catch(() => undefined);
    },
    highlightSites: () => void refreshTabs(),
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    gate.onRemoved(tabId);
    forgetFrames(tabId);
    void forgetTab(tabId);
    void reveals.forget(tabId);
    void forgetPopupFocus(tabId);
    ctx.learner.forget(tabId);
  });
}
