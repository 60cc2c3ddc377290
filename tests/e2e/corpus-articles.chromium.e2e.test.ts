/**
 * Corpus articles in real Chromium: each corpus article served from 127.0.0.1 gets its quotes
 * highlighted, the badge counts them, and the popup (opened for that tab) lists every outlet's wording.
 */
import { describe, expect, it } from 'vitest';
import { unrelatedPage } from '../support/article-page';
import { corpusArticlePage, groupsOf, manifestDocuments } from '../support/corpus';
import { badgeText, tabIdOf } from './support/chromium';
import { useChromium } from './support/fixture';
import { readMarks, readPopup } from './support/page-checks';
import { artifact } from './support/paths';
import { gateHasCaughtUp, untilReported } from './support/waits';

const env = useChromium();

describe('Chromium: corpus articles', () => {
  for (const doc of manifestDocuments()) {
    it(`highlights every quote of ${doc.outlet}'s article, badges and lists them`, async () => {
      const url = env.server.set(`/news/${doc.id}.html`, corpusArticlePage(doc));
      const page = await env.session.context.newPage();
      await page.goto(url);
      await page.waitForSelector('mark.verbatim-quote', { timeout: 15_000 });
      await untilReported(env.driver, url);
      const marks = await page.evaluate(readMarks);
      await page.screenshot({ path: artifact(`chromium-${doc.id}-page.png`), fullPage: true });

      const expected = groupsOf(env.pack, doc.id);
      expect(expected.size).toBeGreaterThan(0);
      expect(new Set(marks.map((m) => m.group))).toEqual(expected);
      expect(marks.every((m) => m.landmark === 'article')).toBe(true);

      const tabId = await tabIdOf(env.session, url);
      const popup = await env.session.context.newPage();
      await popup.goto(`chrome-extension://${env.session.extensionId}/popup.html?tabId=${tabId}`);
      await popup.waitForSelector('[data-testid="quotes"] > li');
      const view = await popup.evaluate(readPopup);
      await popup.screenshot({ path: artifact(`chromium-${doc.id}-popup.png`), fullPage: true });

      expect(await badgeText(env.session, tabId)).toBe(String(view.rows.length));
      expect(new Set(view.rows.map((r) => r.group))).toEqual(expected);
      for (const row of view.rows) {
        const group = env.pack.groups.find((g) => g.id === row.group)!;
        expect(row.outlets.map((o) => o.document).sort()).toEqual(group.variants.map((v) => v.document).sort());
        expect(row.outlets.map((o) => o.text).sort()).toEqual(group.variants.map((v) => v.text).sort());
        for (const outlet of row.outlets) {
          expect(outlet.href).toBe(env.pack.documents.find((d) => d.id === outlet.document)!.url);
        }
      }
      await popup.close();
      await page.close();
    });
  }
});

describe('Chromium: a page with no topic signal', () => {
  it('runs no script at all in a page with no topic signal, and only the highlighter in a Mad Men article', async () => {
    // Every script an extension runs in a page gets an execution context of its own (an isolated world
    // named after the extension); the DevTools Protocol reports each one as it is created.
    // `settle` waits for Verbatim to be done with the page; then the gate must also have handled its
    // events (a late second injection would show as a second world).
    const worldsIn = async (path: string, html: string, settle: (url: string) => Promise<unknown>) => {
      const page = await env.session.context.newPage();
      const cdp = await env.session.context.newCDPSession(page);
      const worlds: string[] = [];
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        if (context.origin.startsWith(`chrome-extension://${env.session.extensionId}`) || context.name.includes('Verbatim'))
          worlds.push(context.name);
      });
      await cdp.send('Runtime.enable');
      const url = env.server.set(path, html);
      await page.goto(url);
      await settle(url);
      await gateHasCaughtUp(env);
      await page.close();
      return worlds;
    };
    const none = await worldsIn('/news/no-topic.html', unrelatedPage(), async () => undefined);
    expect(none).toEqual([]);
    const doc = manifestDocuments()[0]!;
    const article = await worldsIn('/news/with-topic.html', corpusArticlePage(doc), (url) => untilReported(env.driver, url));
    expect(article).toHaveLength(1); // the highlighter's world (its scripts share it), created once
  });

  it('stays silent: no marks, no badge, popup says it did not analyse the page', async () => {
    const url = env.server.set('/news/cycle-lanes.html', unrelatedPage());
    const page = await env.session.context.newPage();
    await page.goto(url);
    await gateHasCaughtUp(env);
    expect(await page.locator('mark').count()).toBe(0);
    const tabId = await tabIdOf(env.session, url);
    expect(await badgeText(env.session, tabId)).toBe('');
    const popup = await env.session.context.newPage();
    await popup.goto(`chrome-extension://${env.session.extensionId}/popup.html?tabId=${tabId}`);
    // The popup first waits for an analysis that might be on its way ("Reading this page…"), then says.
    await popup.waitForSelector('[data-testid="status"]:not([data-status="reading"])', { timeout: 15_000 });
    const view = await popup.evaluate(readPopup);
    expect(view.rows).toHaveLength(0);
    expect(view.status).toContain('has not analysed');
    await popup.close();
    await page.close();
  });
});
