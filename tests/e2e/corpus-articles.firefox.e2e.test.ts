/**
 * Corpus articles in real Firefox ESR: the same article pages as the Chromium test, the extension
 * installed as a temporary add-on; checks highlights, the badge and the popup for the tab.
 */
import { describe, expect, it } from 'vitest';
import { unrelatedPage } from '../support/article-page';
import { corpusArticlePage, groupsOf, manifestDocuments } from '../support/corpus';
import { useFirefox } from './support/fixture';
import { openExtensionPage, tabInfo } from './support/firefox-pages';
import { readMarks, readPopup } from './support/page-checks';
import { artifact } from './support/paths';
import { gateHasCaughtUp, untilReported } from './support/waits';

const env = useFirefox();

describe('Firefox: corpus articles', () => {
  for (const doc of manifestDocuments()) {
    it(`highlights every quote of ${doc.outlet}'s article, badges and lists them`, async () => {
      const url = env.server.set(`/news/${doc.id}.html`, corpusArticlePage(doc));
      const page = await env.session.browser.newPage();
      await page.goto(url);
      await page.waitForSelector('mark.verbatim-quote', { timeout: 15_000 });
      await untilReported(env.driver, url);
      const marks = await page.evaluate(readMarks);
      await page.screenshot({ path: artifact(`firefox-${doc.id}-page.png`), fullPage: true });

      const expected = groupsOf(env.pack, doc.id);
      expect(new Set(marks.map((m) => m.group))).toEqual(expected);
      expect(marks.every((m) => m.landmark === 'article')).toBe(true);

      const probe = await openExtensionPage(env.session.browser, '/popup.html', 'main');
      const { tabId, badge } = await tabInfo(probe, url);
      await probe.close();
      const popup = await openExtensionPage(env.session.browser, `/popup.html?tabId=${tabId}`, '[data-testid="quotes"] > li');
      const view = await popup.evaluate(readPopup);
      await popup.screenshot({ path: artifact(`firefox-${doc.id}-popup.png`), fullPage: true });

      expect(badge).toBe(String(view.rows.length));
      expect(new Set(view.rows.map((r) => r.group))).toEqual(expected);
      for (const row of view.rows) {
        const group = env.pack.groups.find((g) => g.id === row.group)!;
        expect(row.outlets.map((o) => o.text).sort()).toEqual(group.variants.map((v) => v.text).sort());
      }
      await popup.close();
      await page.close();
    });
  }
});

describe('Firefox: a page with no topic signal', () => {
  it('stays silent: no marks and no badge', async () => {
    const url = env.server.set('/news/cycle-lanes.html', unrelatedPage());
    const page = await env.session.browser.newPage();
    await page.goto(url);
    await gateHasCaughtUp(env);
    expect(await page.$$eval('mark', (m) => m.length)).toBe(0);
    const probe = await openExtensionPage(env.session.browser, '/popup.html', 'main');
    expect((await tabInfo(probe, url)).badge).toBe('');
    await probe.close();
    await page.close();
  });
});
