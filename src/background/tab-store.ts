/**
 * Per-tab results. Kept in `storage.session` so they survive the MV3 service worker being
 * stopped, and cleared when a tab navigates or closes.
 */
import { browser } from 'wxt/browser';
import type { TabState } from '../messages';

const key = (tabId: number) => `tab:${tabId}`;

export async function saveTab(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: state });
}

export async function loadTab(tabId: number): Promise<TabState | null> {
  const stored = await browser.storage.session.get(key(tabId));
  return (stored[key(tabId)] as TabState | undefined) ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
