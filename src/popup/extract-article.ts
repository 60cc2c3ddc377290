/**
 * "Add this page to my corpus": the page's HTML is read with `scripting.executeScript` (the popup's
 * activeTab grant, or the host permissions) and read by src/reading/ — the same reader the background
 * and the CLI use (linkedom, then Readability: nothing is parsed into or inserted in the popup).
 */
import { browser } from 'wxt/browser';
import type { ReadArticle } from '../reading/read-article';
import { readPageHtml } from '../shared/page-functions';

/** The article, at its canonical URL or, when the page names none, the address it was read at. */
export type ExtractedArticle = ReadArticle & { url: string };

export async function extractArticle(tabId: number): Promise<ExtractedArticle | null> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: readPageHtml,
  });
  const page = result?.result as { html: string; url: string } | undefined;
  if (!page || typeof page.html !== 'string') return null;
  // Loaded when a page is added, not with the popup: the reader is most of the popup's code.
  const { readArticle } = await import('../reading/read-article');
  const article = readArticle(page.html, page.url);
  return article && { ...article, url: article.url ?? page.url };
}
