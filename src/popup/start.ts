/** Finds the tab the popup is about and renders what the background knows of it. */
import { browser } from 'wxt/browser';
import pack from 'virtual:verbatim-pack';
import { send } from '../messages';
import { replaceChildren } from '../ui/dom';
import { popupView } from './view';

/** `popup.html?tabId=N` shows tab N (tests open the popup as a page); otherwise the active tab. */
export async function targetTabId(search = location.search): Promise<number | null> {
  const param = new URLSearchParams(search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function startPopup(root: Element): Promise<void> {
  const tabId = await targetTabId();
  const state = tabId === null ? null : await send({ type: 'tab-state', tabId });
  replaceChildren(root, popupView(state, pack));
}
