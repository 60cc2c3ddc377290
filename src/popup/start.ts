/** Finds the tab the popup is about, loads what is known of it, renders, and wires the actions. */
import bundledCorpus from 'virtual:verbatim-corpus';
import { browser } from 'wxt/browser';
import { listen, send, sendToTab, type TabState } from '../shared/messages';
import { hostOf, shouldRun } from '../shared/settings';
import { dismissNotice, loadSettings, pendingNotice, updateSettings } from '../storage/settings-store';
import { replaceChildren } from '../ui/dom';
import { readShortcuts } from '../ui/shortcuts-view';
import { t } from '../shared/i18n';
import type { CorpusView } from '../shared/messages';
import { takePopupFocus } from '../storage/popup-focus';
import { awaitAnalysis, type AnalysisProbe } from './await-analysis';
import { focusRow } from './focus-row';
import { hiddenPage } from './hidden-page';
import { restriction } from './page-kind';
import { popupView, type PopupActions, type PopupModel } from './view';

function fromCorpus(corpus: CorpusView): Pick<PopupModel, 'pack' | 'counts' | 'corpusError'> {
  return { pack: corpus.pack, counts: corpus.counts, corpusError: corpus.error };
}

/** `popup.html?tabId=N` shows tab N (tests open the popup as a page); otherwise the active tab. */
export async function targetTabId(search = location.search): Promise<number | null> {
  const param = new URLSearchParams(search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function tabUrl(tabId: number | null): Promise<string | null> {
  if (tabId === null) return null;
  try {
    return (await browser.tabs.get(tabId)).url ?? null;
  } catch {
    return null;
  }
}

/** Polls the background until the tab has a state newer than `after` (the highlighter reports in ~100 ms). */
async function waitForState(tabId: number, after: number, timeout = 6000): Promise<TabState | null> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const state = await send({ type: 'tab-state', tabId });
    if (state && state.at > after) return state;
    await new Promise((r) => setTimeout(r, 150));
  }
  return send({ type: 'tab-state', tabId });
}

function analysisProbe(tabId: number): AnalysisProbe {
  return {
    state: () => send({ type: 'tab-state', tabId }),
    loading: () =>
      browser.tabs.get(tabId).then(
        (tab) => tab.status === 'loading',
        () => false,
      ),
    highlighter: () =>
      sendToTab(tabId, { type: 'ping' }, 0).then(
        (answer) => answer === true,
        () => false,
      ),
  };
}

export async function startPopup(root: HTMLElement): Promise<void> {
  const loadStart = performance.now();
  document.title = t('popupTitle');
  const inTab = new URLSearchParams(location.search).has('tabId');
  const tabId = await targetTabId();
  // Opening the popup on a tab is the reader acting there: its page may now see every quote (privacy.ts).
  if (tabId !== null) void send({ type: 'reader-acted', tabId }).catch(() => undefined);
  const [url, state, corpus, settings, notice, focus, shortcuts] = await Promise.all([
    tabUrl(tabId),
    tabId === null ? null : send({ type: 'tab-state', tabId }),
    send({ type: 'corpus' }),
    loadSettings(),
    pendingNotice(),
    tabId === null ? null : takePopupFocus(tabId).catch(() => null),
    readShortcuts(),
  ]);
  const hidden = !url && !state && tabId !== null ? await hiddenPage(tabId) : undefined;
  // A page Verbatim runs on by itself, with no analysis yet: one is on its way, or the gate said no.
  const reading = !state && tabId !== null && !!url && !restriction(url) && !settings.paused && shouldRun(settings, url);
  const model: PopupModel = {
    tabId,
    url,
    state,
    ...fromCorpus(corpus),
    settings,
    notice,
    analysing: false,
    hidden,
    reading,
    texts: bundledCorpus.texts,
    shortcuts,
  };

  const render = () => {
    const start = performance.now();
    const focusedTestId = (document.activeElement as HTMLElement | null)?.dataset?.testid;
    replaceChildren(root, popupView(model, actions));
    const ms = performance.now() - start;
    root.dataset.renderMs = ms.toFixed(1);
    root.dataset.ready = 'true';
    if (focusedTestId) root.querySelector<HTMLElement>(`[data-testid="${focusedTestId}"]`)?.focus();
    return ms;
  };

  const analyseNow = async () => {
    if (tabId === null) return;
    const before = model.state?.at ?? 0;
    model.analysing = true;
    render();
    const ok = await send({ type: 'analyse-tab', tabId }).catch(() => false);
    model.state = ok ? await waitForState(tabId, before) : model.state;
    model.analysing = false;
    render();
  };

  const actions: PopupActions = {
    analyseNow: () => void analyseNow(),
    async setHighlights(on) {
      const host = model.url ? hostOf(model.url) : null;
      if (!host || tabId === null) return;
      model.settings = await updateSettings((s) => ({
        ...s,
        highlightsOffOn: on ? s.highlightsOffOn.filter((x) => x !== host) : [...s.highlightsOffOn.filter((x) => x !== host), host],
      }));
      await sendToTab(tabId, { type: 'refresh' }).catch(() => undefined);
    },
    async setPaused(paused) {
      model.settings = await updateSettings((s) => ({ ...s, paused }));
      // The background clears the tab when its page hears of the pause, and analyses it again on resuming.
      if (paused) model.state = null;
      render();
      if (!paused && tabId !== null) {
        model.state = await waitForState(tabId, 0);
        render();
      }
    },
    reveal(group, index) {
      if (tabId !== null) void sendToTab(tabId, { type: 'reveal', group, index }).catch(() => undefined);
    },
    openOptions: () => void browser.runtime.openOptionsPage(),
    addDocument: (article) => send({ type: 'add-article', article }),
    dismissNotice: () => void dismissNotice(),
    corpusChanged() {
      void (async () => {
        Object.assign(model, fromCorpus(await send({ type: 'corpus' })));
        await analyseNow();
      })();
    },
    learningExplained() {
      void updateSettings((s) => ({ ...s, learningExplained: true })).then((s) => (model.settings = s));
    },
  };

  // The corpus changed elsewhere (an article learned in another tab, options): show it, and this tab's new state.
  listen((message) => {
    if ((message as { type?: unknown } | null)?.type !== 'corpus-changed') return undefined;
    void (async () => {
      Object.assign(model, fromCorpus(await send({ type: 'corpus' })));
      if (tabId !== null) model.state = (await send({ type: 'tab-state', tabId })) ?? model.state;
      render();
    })();
    return undefined;
  });

  const firstRender = render();
  if (focus) focusRow(root, focus);
  const loadMs = performance.now() - loadStart;
  console.info(`Verbatim popup: data ${loadMs.toFixed(1)} ms, first render ${firstRender.toFixed(1)} ms`);
  root.dataset.loadMs = loadMs.toFixed(1);
  // Since the popup document started loading (navigation start): what the reader waits for.
  root.dataset.readyAt = performance.now().toFixed(1);

  if (reading && tabId !== null) {
    model.state = await awaitAnalysis(analysisProbe(tabId));
    model.reading = false;
    render();
  }

  // "Only when you open the popup": opening it is the request to analyse this page.
  if (
    !state &&
    tabId !== null &&
    url &&
    !restriction(url) &&
    settings.runMode === 'on-click' &&
    !settings.paused &&
    !shouldRun(settings, url)
  )
    await analyseNow();

  document.addEventListener('keydown', (event) => {
    // Escape not taken by an open row closes the toolbar popup (never the tab a test opened it in).
    if (event.key === 'Escape' && !event.defaultPrevented && !inTab) window.close();
  });
}
