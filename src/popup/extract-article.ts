/**
 * "Add this page to my corpus": the page's HTML is read with `scripting.executeScript` (the popup's
 * activeTab grant, or the content-script hosts), parsed here with DOMParser — an inert document: no
 * script runs, nothing loads, nothing is ever inserted into the popup — and Readability extracts the
 * article. Only its text is kept, one line per block, like the corpus's own captures.
 */
import { browser } from 'wxt/browser';
import { readPageHtml } from '../shared/page-functions';

export interface ExtractedArticle {
  url: string;
  title: string | null;
  siteName: string | null;
  published: string | null;
  text: string;
  words: number;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd, div, section, article, header, br';

/** Article element → text with one line per block (Readability's textContent runs paragraphs together). */
export function blockText(root: Element): string {
  const clone = root.cloneNode(true) as Element;
  const doc = clone.ownerDocument;
  for (const el of clone.querySelectorAll(BLOCKS)) el.after(doc.createTextNode('\n'));
  return (clone.textContent ?? '')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Pure apart from the parser: a page's HTML → the article Readability finds in it (null when none). */
export async function articleFromHtml(html: string, url: string): Promise<ExtractedArticle | null> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const { Readability } = await import('@mozilla/readability');
  const article = new Readability<Element>(doc, { serializer: (node) => node as Element }).parse();
  if (!article?.content) return null;
  const title = article.title?.trim() || null;
  let text = blockText(article.content);
  // Corpus captures start with the headline; Readability leaves it out of the content.
  if (title && !text.startsWith(title)) text = `${title}\n${text}`;
  const published = article.publishedTime && /^\d{4}-\d{2}(-\d{2})?/.exec(article.publishedTime)?.[0];
  return {
    url,
    title,
    siteName: article.siteName?.trim() || null,
    published: published || null,
    text,
    words: text.split(/\s+/).filter(Boolean).length,
  };
}

export async function extractArticle(tabId: number): Promise<ExtractedArticle | null> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: readPageHtml,
  });
  const page = result?.result as { html: string; url: string } | undefined;
  if (!page || typeof page.html !== 'string') return null;
  return articleFromHtml(page.html, page.url);
}
