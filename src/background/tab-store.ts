/**
 * Per-tab results. Kept in `storage.session` so they survive the MV3 service worker being
 * stopped, and cleared when a tab navigates or closes.
 */
import { browser } from 'wxt/browser';
import type { LearnOutcome, PageTimings, QuoteSpan, TabState } from '../shared/messages';
import { placedQuotes } from './frame-results';
import { perKeyQueue } from './per-key-queue';

const key = (tabId: number) => `tab:${tabId}`;

async function saveTab(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: state });
}

/**
 * One tab's changes, one at a time. Each reads the state and writes it back, and a page's report, its next
 * analysis and learning's outcome can arrive together: run at once, the last write would drop the others'.
 */
const serial = perKeyQueue<number>();

/** Replaces a tab's state with what `change` makes of the current one (null: there is none yet). */
export function changeTab(tabId: number, change: (state: TabState | null) => TabState): Promise<TabState> {
  return serial(tabId, async () => {
    const next = change(await loadTab(tabId));
    await saveTab(tabId, next);
    return next;
  });
}

export async function loadTab(tabId: number): Promise<TabState | null> {
  const stored = await browser.storage.session.get(key(tabId));
  return (stored[key(tabId)] as TabState | undefined) ?? null;
}

/**
 * The highlighter reports what is on the page now (after marking, or after content went away). The
 * quotes the page was not sent (privacy.ts) stay listed: the page cannot have marked them.
 */
export function updateTab(tabId: number, spans: readonly QuoteSpan[], timings?: PageTimings): Promise<TabState | null> {
  return serial(tabId, async () => {
    const state = await loadTab(tabId);
    if (!state) return null;
    const withheld = placedQuotes(state.analysis.quotes, state.withheld ?? []);
    const quotes = [...placedQuotes(state.analysis.quotes, spans), ...withheld].sort((a, b) => a.start - b.start);
    const next: TabState = { ...state, analysis: { ...state.analysis, quotes }, ...(timings ? { timings } : {}) };
    await saveTab(tabId, next);
    return next;
  });
}

/** What learning did with the tab's page, kept with its state for the popup. */
export function noteLearning(tabId: number, learning: LearnOutcome): Promise<void> {
  return serial(tabId, async () => {
    const state = await loadTab(tabId);
    if (state) await saveTab(tabId, { ...state, learning });
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return serial(tabId, () => browser.storage.session.remove(key(tabId)));
}
