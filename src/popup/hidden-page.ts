/**
 * What a tab is whose address the browser hides from Verbatim. Chrome hides a file's address from an
 * extension without file access, as it hides its own pages', so the address cannot tell them apart; the
 * refusal to read the page can: Chrome's own pages are refused as "a chrome:// URL", other extensions'
 * pages as theirs, while a file (or a blank page) is refused as "contents of the page" (Chromium 156,
 * tests/e2e/popup-chromium.e2e.test.ts). Only the popup asks, once, when it has no address.
 */
import { browser } from 'wxt/browser';
import type { Restriction } from './page-kind';

export type ReadTab = (tabId: number) => Promise<unknown>;

const readTab: ReadTab = (tabId) => browser.scripting.executeScript({ target: { tabId }, func: () => 0 });

export async function hiddenPage(tabId: number, read: ReadTab = readTab): Promise<Restriction> {
  try {
    await read(tabId);
    return 'browser';
  } catch (error) {
    return /contents of the page/i.test(error instanceof Error ? error.message : String(error)) ? 'maybe-file' : 'browser';
  }
}
