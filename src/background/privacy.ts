/**
 * What a page may see of the reader's own corpus. Marks are in the page's DOM: a page could plant
 * quotes from other outlets' articles and watch which get marked — with a learned corpus, that would
 * tell any site which articles the reader has read. So a quote known only from the reader's corpus
 * (learned, added, imported) is sent to the page only after the reader acts on that page: opens the
 * popup there or presses the step shortcut (a trusted key press). The badge and the popup, which pages
 * cannot read, count and list such quotes at once. Quotes with a bundled wording are public: every
 * install of Verbatim knows them (docs/decisions.md).
 */
import { browser } from 'wxt/browser';
import type { QuoteMatch } from '../engine/match/match';

const KEY = 'revealedTabs';

/** The quotes a page may have marked now: public ones, and the others once the reader acted there. */
export function pageQuotes(quotes: readonly QuoteMatch[], publicGroups: ReadonlySet<string>, revealed: boolean): QuoteMatch[] {
  return revealed ? quotes.slice() : quotes.filter((q) => publicGroups.has(q.group));
}

/**
 * Tabs where the reader acted since the page loaded. Kept in `storage.session` so a stopped worker
 * remembers them; a navigation forgets the tab (the next page has not been acted on).
 */
export const reveals = {
  async has(tabId: number): Promise<boolean> {
    return (await list()).includes(tabId);
  },
  async add(tabId: number): Promise<void> {
    const tabs = await list();
    if (!tabs.includes(tabId)) await browser.storage.session.set({ [KEY]: [...tabs, tabId] });
  },
  async forget(tabId: number): Promise<void> {
    const tabs = await list();
    if (tabs.includes(tabId)) await browser.storage.session.set({ [KEY]: tabs.filter((t) => t !== tabId) });
  },
};

async function list(): Promise<number[]> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  return Array.isArray(stored) ? stored.filter((t): t is number => typeof t === 'number') : [];
}
