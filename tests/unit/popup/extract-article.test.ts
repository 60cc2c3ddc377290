/** "Add this page": the popup reads the tab's HTML and hands it to the shared reader (src/reading/). */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extractArticle } from '../../../src/popup/extract-article';
import { readPageHtml } from '../../../src/shared/page-functions';
import { articlePage } from '../../support/article-page';
import { DAILY_REEL_URL, page } from '../reading/fixtures';

/** The tab's page as `readPageHtml` returns it from inside the page. */
function servePage(html: string, url: string) {
  return vi
    .spyOn(fakeBrowser.scripting, 'executeScript')
    .mockResolvedValue([{ frameId: 0, documentId: 'd', result: { html, url } }] as never);
}

afterEach(() => vi.restoreAllMocks());

describe('extractArticle (popup)', () => {
  it('runs readPageHtml in the tab and reads its HTML as the background and CLI do: headline, not byline', async () => {
    const spy = servePage(page('dailyReel'), `${DAILY_REEL_URL}?utm_source=twitter`);
    const article = await extractArticle(7);
    expect(spy).toHaveBeenCalledWith({ target: { tabId: 7 }, func: readPageHtml });
    expect(article).toMatchObject({
      url: DAILY_REEL_URL,
      outlet: 'The Daily Reel',
      title: 'Mad Men: Peggy’s farewell dress goes on display, and Elisabeth Moss wants it back',
      published: '2024-03-15',
    });
    expect(article!.text.split('\n')[0]).toBe(article!.title);
  });

  it('finds the article of the page the e2e tests serve: headline first, one line per paragraph, no nav or ads', async () => {
    const text = readFileSync('assets/corpus/nme.txt', 'utf8');
    const title = 'Elisabeth Moss cried after Jon Hamm improvised iconic ‘Mad Men’ scene';
    servePage(articlePage({ outlet: 'NME', title, text }), 'https://www.nme.com/news/x');
    const article = await extractArticle(1);
    expect(article!.text.split('\n')[0]).toBe(title);
    expect(article!.text).toContain('That’s actually real tears');
    expect(article!.text).not.toContain('Advertisement');
    expect(article!.text).not.toContain('All rights reserved');
    expect(article!.text.split('\n').length).toBeGreaterThan(5);
  });

  it('null when the page could not be read', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    expect(await extractArticle(1)).toBeNull();
  });
});
