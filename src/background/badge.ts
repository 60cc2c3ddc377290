/** The toolbar badge: how many corpus quotes the tab's page carries. */
import { browser } from 'wxt/browser';

// Firefox MV2 has `browserAction`, MV3 browsers `action`.
const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

export async function showCount(tabId: number, count: number): Promise<void> {
  await action().setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
  if (count > 0) await action().setBadgeBackgroundColor({ tabId, color: '#7a3e00' });
}

export async function clearBadge(tabId: number): Promise<void> {
  await action().setBadgeText({ tabId, text: '' });
}
