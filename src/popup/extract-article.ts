/**
 * "Add this page to my corpus": the page's HTML is read with `scripting.executeScript` (the popup's
 * activeTab grant, or the host permissions) and read by src/reading/ — the same reader the background
 * and the CLI use (linkedom, then Readability: nothing is parsed into or inserted in the popup).
 */
import { browser } from 'wxt/browser';
import type { ReadArticle } from '../reading/read-article';
import { readPageHtml } from '../shared/page-functions';

export type ExtractedArticle = ReadArticle;

export async function extractArticle(tabId: number): Promise<ExtractedArticle | null> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: readPageHtml,
  });
  const page = result?.result as { html: string; url: string } | undefined;
  if (!page || typeof page.html !== 'string') return null;
  // Loaded when a page is added, not with the popup: the reader is most of the popup's code.
  const { readArticle } = await import('../reading/read-article');
  return readArticle(page.html, page.url);
}
