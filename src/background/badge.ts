/** The toolbar badge: how many corpus quotes the tab's page carries. */
import { browser } from 'wxt/browser';

/** The toolbar button's API: Firefox MV2 has `browserAction`, MV3 browsers `action`. */
export const toolbarAction = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
const action = toolbarAction;

export async function showCount(tabId: number, count: number): Promise<void> {
  await action().setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
  if (count > 0) await action().setBadgeBackgroundColor({ tabId, color: '#7a3e00' });
}

export async function clearBadge(tabId: number): Promise<void> {
  await action().setBadgeText({ tabId, text: '' });
}
