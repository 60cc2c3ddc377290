/**
 * Per-tab results. Kept in `storage.session` so they survive the MV3 service worker being
 * stopped, and cleared when a tab navigates or closes.
 */
import { browser } from 'wxt/browser';
import type { LearnOutcome, PageTimings, QuoteSpan, TabState } from '../shared/messages';
import { placedQuotes } from './frame-results';

const key = (tabId: number) => `tab:${tabId}`;

export async function saveTab(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: state });
}

export async function loadTab(tabId: number): Promise<TabState | null> {
  const stored = await browser.storage.session.get(key(tabId));
  return (stored[key(tabId)] as TabState | undefined) ?? null;
}

/**
 * The highlighter reports what is on the page now (after marking, or after content went away). The
 * quotes the page was not sent (privacy.ts) stay listed: the page cannot have marked them.
 */
export async function updateTab(tabId: number, spans: readonly QuoteSpan[], timings?: PageTimings): Promise<TabState | null> {
  const state = await loadTab(tabId);
  if (!state) return null;
  const withheld = placedQuotes(state.analysis.quotes, state.withheld ?? []);
  const quotes = [...placedQuotes(state.analysis.quotes, spans), ...withheld].sort((a, b) => a.start - b.start);
  const next: TabState = { ...state, analysis: { ...state.analysis, quotes }, ...(timings ? { timings } : {}) };
  await saveTab(tabId, next);
  return next;
}

/** What learning did with the tab's page, kept with its state for the popup. */
export async function noteLearning(tabId: number, learning: LearnOutcome): Promise<void> {
  const state = await loadTab(tabId);
  if (state) await saveTab(tabId, { ...state, learning });
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
