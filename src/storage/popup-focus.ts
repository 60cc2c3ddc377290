/**
 * The quote the hover card's "Compare every wording" asked the popup to open on, per tab, in
 * `storage.session` (the MV3 worker may stop between the click and the popup). The next popup opened
 * on that tab takes it once: when the browser cannot open its popup from a message, the reader's own
 * click on the toolbar button still lands on that quote.
 */
import { browser } from 'wxt/browser';

const key = (tabId: number) => `popup-focus:${tabId}`;

export async function askPopupFocus(tabId: number, group: string): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: group });
}

/** The group asked for on this tab, removed as it is read (null when none was asked). */
export async function takePopupFocus(tabId: number): Promise<string | null> {
  const stored = await browser.storage.session.get(key(tabId));
  const group = stored[key(tabId)];
  if (group === undefined) return null;
  await browser.storage.session.remove(key(tabId));
  return typeof group === 'string' ? group : null;
}

/** The tab loaded another page or closed: its quote is gone. */
export async function forgetPopupFocus(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
