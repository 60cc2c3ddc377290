/**
 * The popup in real Chromium, opened for a served article tab (`popup.html?tabId=N`): status and why,
 * every quote row in page order, an expanded comparison with its diff marks (keyboard only), the
 * outlet fidelity summary, the corpus browser on an unrelated page, restricted pages, the badge and
 * per-tab state surviving a stopped MV3 worker, the per-site switch, "add this page", axe, screenshots.
 * Pages are served under real host names (`--host-resolver-rules`) so "this page is NME's article" works.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { outletFidelity } from '../../src/engine/compare/fidelity';
import { CHANGE_INFO } from '../../src/engine/compare/taxonomy';
import { articlePage, unrelatedPage } from '../support/article-page';
import { CORPUS_DIR, corpusArticlePage, groupsOf, manifestDocuments } from '../support/corpus';
import { badgeText, stopServiceWorker, tabIdOf } from './support/chromium';
import { useChromium } from './support/fixture';
import { readMarks, readPopup } from './support/page-checks';
import { artifact } from './support/paths';
import {
  axeSource,
  readComparison,
  readFidelity,
  readFontSizes,
  readRows,
  readStatus,
  readTimings,
  runAxe,
  serious,
} from './support/popup-ui';
import { expectStaysTrue, gateHasCaughtUp, untilReported } from './support/waits';

const env = useChromium({ args: ['--host-resolver-rules=MAP * 127.0.0.1'] });

/** Serves `html` at `path` under `host` (resolved to 127.0.0.1). */
function serve(host: string, path: string, html: string): string {
  env.server.set(path, html);
  return `http://${host}:${new URL(env.server.origin).port}${path}`;
}

/** Opens an article and waits until it is highlighted and the background has its quotes and badge. */
async function openArticle(url: string): Promise<Page> {
  const page = await env.session.context.newPage();
  await page.goto(url);
  await page.waitForSelector('mark.verbatim-quote', { timeout: 15_000 });
  await untilReported(env.driver, url);
  return page;
}

async function openPopup(tabId: number, ready = '#app[data-ready]'): Promise<Page> {
  const popup = await env.session.context.newPage();
  await popup.setViewportSize({ width: 460, height: 700 });
  await popup.goto(`chrome-extension://${env.session.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector(ready, { timeout: 15_000 });
  return popup;
}

async function axe(page: Page, label: string): Promise<void> {
  await page.evaluate(axeSource());
  const violations = await page.evaluate(runAxe);
  console.info(`axe ${label}: ${violations.length} violation(s)`, violations.map((v) => `${v.id} (${v.impact})`).join(', ') || 'none');
  expect(serious(violations)).toEqual([]);
}

const nme = manifestDocuments().find((d) => d.id === 'nme')!;

describe('Chromium popup on a corpus article (NME, served as www.nme.com)', () => {
  it('shows status and why, every quote in page order, a keyboard-expanded comparison with diff marks, fidelity; passes axe; screenshots', async () => {
    const url = serve('www.nme.com', '/news/tv/elisabeth-moss-cried-mad-men-3340459', corpusArticlePage(nme));
    const page = await openArticle(url);
    const marks = await page.evaluate(readMarks);
    const tabId = await tabIdOf(env.session, url);
    const popup = await openPopup(tabId, '[data-testid="quotes"] > li');

    const timings = await popup.evaluate(readTimings);
    console.info(
      `popup (Chromium): data ${timings.loadMs} ms, first render ${timings.renderMs} ms, ready ${timings.readyAt} ms after navigation start`,
    );

    // Status: a Mad Men article, why, counts, and that this page is NME's own article.
    const status = await popup.evaluate(readStatus);
    const rows = await popup.evaluate(readRows, 'quotes');
    expect(status.kind).toBe('topic');
    expect(status.text).toContain('A Mad Men article');
    // One count for the status and the rows: every outlet carrying the page's quotes, NME's own article included.
    const carriers = new Set(
      env.pack.groups.filter((g) => rows.some((r) => r.group === g.id)).flatMap((g) => g.variants.map((v) => v.document)),
    );
    expect(carriers.has('nme')).toBe(true);
    expect(status.counts).toBe(`${rows.length} corpus quotes on this page, carried by ${carriers.size} outlets`);
    expect(status.own).toContain("NME's article");
    expect(status.why.length).toBeGreaterThan(0);
    expect(status.why.some((w) => w.term === 'Mad Men' && w.text.includes('+'))).toBe(true);

    // Every quote: the page's groups, in page order (marks in document order, repeats collapsed).
    const markOrder = marks.map((m) => m.group).filter((g, i, all) => g !== all[i - 1]);
    expect(rows.map((r) => r.group)).toEqual(markOrder);
    expect(new Set(rows.map((r) => r.group))).toEqual(groupsOf(env.pack, 'nme'));
    for (const row of rows) {
      const group = env.pack.groups.find((g) => g.id === row.group)!;
      const docs = new Set(group.variants.map((v) => v.document)).size;
      expect(row.outletsChip).toBe(docs === 1 ? '1 outlet' : `${docs} outlets`);
      expect(row.text.startsWith('“') && row.text.endsWith('”')).toBe(true);
      expect(row.expanded).toBe(false);
    }
    const view = await popup.evaluate(readPopup);
    for (const r of view.rows) {
      const group = env.pack.groups.find((g) => g.id === r.group)!;
      expect(r.outlets.map((o) => o.text).sort()).toEqual(group.variants.map((v) => v.text).sort());
    }

    // Keyboard only: Tab into the list, arrow down to a row whose wording differs, Enter, then Escape.
    const target = rows.findIndex((r) => r.differs);
    expect(target).toBeGreaterThanOrEqual(0);
    await popup.focus('[data-testid="quotes"] .quote__toggle[tabindex="0"]');
    for (let i = 0; i < target; i++) await popup.keyboard.press('ArrowDown');
    const focused = await popup.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-verbatim-group'));
    expect(focused).toBe(rows[target]!.group);
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await popup.keyboard.press('Enter');
    const opened = (await popup.evaluate(readRows, 'quotes'))[target]!;
    expect(opened.expanded).toBe(true);
    expect(opened.comparisonVisible).toBe(true);

    const lines = await popup.evaluate(readComparison, opened.group);
    const group = env.pack.groups.find((g) => g.id === opened.group)!;
    expect(lines.map((l) => l.document).sort()).toEqual(group.variants.map((v) => v.document).sort());
    expect(lines[0]!.own).toBe(true); // this page's own outlet first
    expect(lines.some((l) => l.consensus)).toBe(true);
    for (const l of lines) {
      const doc = env.pack.documents.find((d) => d.id === l.document)!;
      expect(l.href).toBe(doc.url);
      expect(l.name).toBe(doc.outlet);
      expect(l.date).not.toBe('');
      expect(l.kinds.length).toBeGreaterThan(0);
      expect(l.kinds.every((k) => Object.values(CHANGE_INFO).some((i) => i.label === k))).toBe(true);
      expect(l.consensus).toBe(group.variants.some((v) => v.document === l.document && v.text === group.consensus && v.text === l.wording));
    }
    const marked = lines.filter((l) => l.ins.length + l.del.length > 0);
    expect(marked.length).toBeGreaterThan(0);
    for (const l of marked) {
      if (l.ins.length) expect(l.insDecoration).toContain('underline');
      if (l.del.length) expect(l.delDecoration).toContain('line-through');
      expect(l.srLabels.every((s) => s === 'added: ' || s === 'removed: ')).toBe(true);
      expect(l.srLabels.length).toBe(l.ins.length + l.del.length);
    }
    console.info('expanded comparison:', JSON.stringify(marked.map((l) => ({ outlet: l.name, ins: l.ins, del: l.del, kinds: l.kinds }))));

    // The row's activation asked the page to reveal (scroll to and flash) that quote: its marks carry
    // the content script's focus attribute (the page highlighter's contract) and the page scrolled if it had to.
    await page.waitForSelector(`mark[data-verbatim-focus][data-verbatim-group="${opened.group}"]`, { state: 'attached', timeout: 5000 });
    const scrollAfter = await page.evaluate(() => window.scrollY);
    console.info(`reveal: page scrollY ${scrollBefore} → ${scrollAfter}`);

    // Fidelity: one line per outlet of the corpus, numbers from the pure function.
    const fidelity = await popup.evaluate(readFidelity);
    const expected = outletFidelity(env.pack);
    expect(fidelity.map((f) => f.document)).toEqual(expected.map((f) => f.document));
    for (const f of expected) {
      const line = fidelity.find((x) => x.document === f.document)!.text;
      expect(line).toContain(`${f.outlet}`);
      expect(line).toContain(`words ${f.asConsensus} of the ${f.compared} quotes it shares with other outlets as most of them do`);
      for (const k of f.kinds) expect(line).toContain(` in ${k.count}`);
      // A reader's words, not the taxonomy's labels.
      for (const jargon of ['truncated', 'as most outlets word them', 'editorial bracket']) expect(line).not.toContain(jargon);
    }
    // The score is behind the "why" disclosure: not in the text a reader sees before opening it.
    expect(await popup.locator('[data-testid="status"]').innerText()).not.toMatch(/topic score/i);
    expect(await popup.textContent('[data-testid="why"] summary')).toBe('Why Verbatim takes this page to be about Mad Men');
    expect(await popup.getAttribute('[data-testid="timings"]', 'open')).toBeNull();
    expect(await popup.textContent('[data-testid="timings"] summary')).toBe('How long this took');

    // Readable in Chrome, whose extension pages style body at 75 %: quotes >= 13 px, all text >= 12 px.
    const fonts = await popup.evaluate(readFontSizes, 12);
    console.info(
      `popup fonts (Chromium): quote text ${fonts.quoteMin} px; ${fonts.measured} text elements, ${fonts.small.length} below 12 px`,
    );
    expect(fonts.quoteMin).toBeGreaterThanOrEqual(13);
    expect(fonts.small).toEqual([]);

    await axe(popup, 'popup, light, row expanded');
    await popup.screenshot({ path: artifact('popup-chromium-light.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    const bg = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(28, 26, 23)');
    await axe(popup, 'popup, dark, row expanded');
    await popup.screenshot({ path: artifact('popup-chromium-dark.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'light' });

    // Escape collapses the open row and keeps focus on it.
    await popup.focus(`li[data-verbatim-group="${opened.group}"] .outlet__name`);
    await popup.keyboard.press('Escape');
    expect((await popup.evaluate(readRows, 'quotes'))[target]!.expanded).toBe(false);
    expect(await popup.evaluate(() => document.activeElement?.classList.contains('quote__toggle'))).toBe(true);

    await page.screenshot({ path: artifact('page-chromium-highlighted.png') });
    await popup.close();
    await page.close();
  });

  it('switches highlights off for the site (stored, page told to refresh) and on again', async () => {
    const url = serve('www.nme.com', '/news/tv/switch-test', corpusArticlePage(nme));
    const page = await openArticle(url);
    const tabId = await tabIdOf(env.session, url);
    const popup = await openPopup(tabId, '[data-testid="quotes"] > li');
    const toggle = popup.getByRole('switch', { name: 'Highlights on www.nme.com' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.press('Space');
    await popup.waitForFunction(async () => {
      const s = (await chrome.storage.local.get('settings'))['settings'] as { highlightsOffOn?: string[] } | undefined;
      return s?.highlightsOffOn?.includes('www.nme.com');
    });
    await page.waitForFunction(() => document.querySelectorAll('mark.verbatim-quote').length === 0, undefined, { timeout: 5000 });
    await toggle.press('Space');
    await page.waitForSelector('mark.verbatim-quote', { timeout: 5000 });
    const stored = await popup.evaluate(
      async () => (await chrome.storage.local.get('settings'))['settings'] as { highlightsOffOn: string[] },
    );
    expect(stored.highlightsOffOn).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('Chromium popup: honest states', () => {
  it('says it is reading a page whose analysis has not arrived, never "Not a Mad Men article", then gives the verdict', async () => {
    // The article arrives 3 s after the page's head (its title already names the show): no analysis before.
    const html = corpusArticlePage(nme);
    env.server.set('/news/tv/slow-to-load', html, {}, { after: '<body>', ms: 3000 });
    const url = `http://www.nme.com:${new URL(env.server.origin).port}/news/tv/slow-to-load`;
    const page = await env.session.context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const tabId = await tabIdOf(env.session, url);
    const popup = await openPopup(tabId);
    const first = await popup.evaluate(readStatus);
    console.info(`popup before the analysis: ${first.kind}: ${first.text}`);
    expect(first.text).not.toContain('Not a Mad Men article');
    expect(first.kind).toBe('reading');
    expect(first.text).toContain('Reading this page');
    await popup.waitForSelector('[data-testid="status"][data-status="topic"]', { timeout: 15_000 });
    expect(await popup.locator('[data-testid="highlights-switch"]').count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('on a page already in the corpus offers no "Add" and says it is in the corpus', async () => {
    const url = serve('www.nme.com', new URL(nme.url!).pathname, corpusArticlePage(nme));
    const page = await openArticle(url);
    const popup = await openPopup(await tabIdOf(env.session, url), '[data-testid="quotes"] > li');
    expect(await popup.locator('[data-testid="add-page-button"]').count()).toBe(0);
    expect(await popup.textContent('[data-testid="in-corpus"]')).toContain('already in your corpus');
    await popup.close();
    await page.close();
  });
});

describe("Chromium popup in a reader's words", () => {
  it('on a Mad Men article with none of the corpus quotes, says what the corpus is', async () => {
    const url = serve(
      'tv.example.com',
      '/mad-men-streaming',
      articlePage({
        outlet: 'TV Weekly',
        title: 'Mad Men leaves Netflix: where to stream Mad Men now',
        text: [
          'Mad Men leaves Netflix at the end of the month, and fans of Don Draper are asking where to watch.',
          'All seven seasons of Mad Men, with Jon Hamm as Don Draper and Elisabeth Moss as Peggy Olson, move to another service.',
          'Sterling Cooper’s offices, Betty Draper and Joan Holloway return on the first of the month, the service said.',
        ].join('\n'),
      }),
    );
    const page = await env.session.context.newPage();
    await page.goto(url);
    await untilReported(env.driver, url);
    const popup = await openPopup(await tabIdOf(env.session, url));
    const status = await popup.evaluate(readStatus);
    expect(status.kind).toBe('topic');
    const bundled = env.pack.documents.filter((d) => (d.origin ?? 'bundled') === 'bundled');
    expect(await popup.textContent('[data-testid="status-no-quotes"]')).toBe(
      `None of the quotes Verbatim knows is on this page. Verbatim compares quotes from ${bundled.length} articles from 2022 (${[...new Set(bundled.map((d) => d.outlet))].join(', ')}).`,
    );
    await popup.close();
    await page.close();
  });
});

describe('Chromium popup on other pages', () => {
  it('on an unrelated page says so and lets the reader browse and search every corpus quote', async () => {
    const url = serve('news.example.org', '/city/cycle-lanes.html', unrelatedPage());
    const page = await env.session.context.newPage();
    await page.goto(url);
    await gateHasCaughtUp(env); // the gate has left the page alone: the popup finds no analysis
    const tabId = await tabIdOf(env.session, url);
    const popup = await openPopup(tabId, '[data-testid="corpus-quotes"] > li');
    const status = await popup.evaluate(readStatus);
    expect(status.text).toContain('Not a Mad Men article');
    expect(await popup.locator('[data-testid="quotes"]').count()).toBe(0);
    // Nothing to switch off and nothing to add on a page that is not about the show.
    expect(await popup.locator('[data-testid="highlights-switch"]').count()).toBe(0);
    expect(await popup.locator('[data-testid="add-page-button"]').count()).toBe(0);
    const all = await popup.evaluate(readRows, 'corpus-quotes');
    expect(all.map((r) => r.group)).toEqual(env.pack.groups.map((g) => g.id));

    await popup.fill('[data-testid="corpus-search"]', 'january jones');
    const found = await popup.evaluate(readRows, 'corpus-quotes');
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(all.length);
    expect(await popup.textContent('[data-testid="corpus-count"]')).toBe(`${found.length} of ${all.length} quotes match`);

    // Same comparison view, against the consensus.
    await popup.fill('[data-testid="corpus-search"]', '');
    const differing = env.pack.groups.find((g) => g.variants.some((v) => !v.change.every((k) => k === 'identical' || k === 'typography')))!;
    await popup.click(`li[data-verbatim-group="${differing.id}"] .quote__toggle`);
    const lines = await popup.evaluate(readComparison, differing.id);
    expect(lines.length).toBe(differing.variants.length);
    expect(lines.filter((l) => l.consensus).length).toBeGreaterThan(0);
    expect(lines.some((l) => l.ins.length + l.del.length > 0)).toBe(true);
    for (const l of lines) expect(differing.variants.map((v) => v.text)).toContain(l.wording);
    const fonts = await popup.evaluate(readFontSizes, 12);
    expect(fonts.quoteMin).toBeGreaterThanOrEqual(13);
    expect(fonts.small).toEqual([]);
    // An outlet quoting the same line twice: both wordings, each with a note.
    const twice = env.pack.groups.find((g) => new Set(g.variants.map((v) => v.document)).size < g.variants.length)!;
    const repeated = twice.variants.map((v) => v.document).find((d, i, all) => all.indexOf(d) !== i)!;
    await popup.click(`li[data-verbatim-group="${twice.id}"] .quote__toggle`);
    const repeatLines = popup.locator(`li[data-verbatim-group="${twice.id}"] .outlet[data-verbatim-document="${repeated}"]`);
    expect(await repeatLines.count()).toBe(2);
    expect(await repeatLines.locator('[data-testid="outlet-repeat"]').allTextContents()).toEqual([
      'quotes this line twice',
      'quotes this line twice',
    ]);
    await axe(popup, 'popup, unrelated page, corpus browser');
    await popup.screenshot({ path: artifact('popup-chromium-browse.png'), fullPage: true });
    await popup.close();
    await page.close();
  });

  it('on a browser page and on an extension store says why it cannot run', async () => {
    const ids = async () => (await env.session.worker()).evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
    const known = new Set(await ids());
    const page = await env.session.context.newPage();
    await page.goto('chrome://version');
    const browserTab = (await ids()).find((id) => !known.has(id))!;
    const popup = await openPopup(browserTab);
    expect((await popup.evaluate(readStatus)).kind).toBe('restricted');
    expect(await popup.textContent('[data-testid="status"]')).toContain('Browsers keep their own pages');
    expect(await popup.locator('[data-testid="corpus-quotes"] > li').count()).toBe(env.pack.groups.length);
    await popup.close();
    await page.close();

    // A file on this computer: the reason is file access, and how to allow it.
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-file-'));
    const file = join(dir, 'mad-men.html');
    writeFileSync(file, corpusArticlePage(nme));
    const filePage = await env.session.context.newPage();
    await filePage.goto(pathToFileURL(file).href);
    const fileTab = (await ids()).find((id) => !known.has(id) && id !== browserTab)!;
    const filePopup = await openPopup(fileTab);
    const fileStatus = await filePopup.evaluate(readStatus);
    console.info(`popup on a file: ${fileStatus.text}`);
    expect(fileStatus.kind).toBe('restricted');
    expect(fileStatus.text).toContain('Allow access to file URLs');
    expect(fileStatus.text).not.toContain('Browsers keep their own pages');
    await filePopup.close();
    await filePage.close();
    rmSync(dir, { recursive: true, force: true });

    const store = serve(
      'addons.mozilla.org',
      '/en-US/firefox/addon/mad-men-quotes/',
      articlePage({ outlet: 'Add-ons', title: 'Mad Men quotes', text: 'An add-on page about Mad Men.' }),
    );
    const storePage = await env.session.context.newPage();
    await storePage.goto(store);
    const storeTab = await tabIdOf(env.session, store);
    const popup2 = await openPopup(storeTab);
    const s2 = await popup2.evaluate(readStatus);
    // The gate may still have analysed it (the host is served locally); with no state the popup explains the store.
    if (s2.kind === 'restricted') expect(s2.text).toContain('Extension stores');
    await popup2.close();
    await storePage.close();
  });
});

describe('Chromium badge and per-tab state', () => {
  it('survive the MV3 service worker being stopped; are cleared on navigation and on tab close', async () => {
    const doc = manifestDocuments().find((d) => d.id === 'indiewire')!;
    const url = serve('www.indiewire.com', '/2022/10/elisabeth-moss-cried-jon-hamm-mad-men-improvised-1234777593/', corpusArticlePage(doc));
    const page = await openArticle(url);
    const tabId = await tabIdOf(env.session, url);
    const before = await badgeText(env.session, tabId);
    expect(Number(before)).toBeGreaterThan(0);

    await stopServiceWorker(env.session);
    console.info('service worker stopped');

    // The popup wakes a new worker, which finds the tab's state in storage.session; the badge is intact.
    const popup = await openPopup(tabId, '[data-testid="quotes"] > li');
    const rows = await popup.evaluate(readRows, 'quotes');
    expect(String(rows.length)).toBe(before);
    expect(await popup.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(before);
    const sessionState = (id: number) =>
      popup.evaluate(async (t) => (await chrome.storage.session.get(`tab:${t}`))[`tab:${t}`] ?? null, id);

    // Navigation clears the state and the badge.
    const other = serve('www.indiewire.com', '/2022/10/box-office/', unrelatedPage());
    await page.goto(other);
    await expect.poll(() => popup.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');
    await expect.poll(() => sessionState(tabId)).toBeNull();

    // Closing a tab drops its state.
    const page2 = await openArticle(url);
    // (Ask through the popup: the test's old worker handle is stale after the stop.)
    const tab2 = await popup.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)!.id!, url);
    expect(await sessionState(tab2)).not.toBeNull();
    await page2.close();
    await expect.poll(() => sessionState(tab2)).toBeNull();
    await popup.close();
    await page.close();
  });
});

describe('Chromium: run mode "only when I open the popup"', () => {
  it('leaves the page alone until the popup is opened, which then analyses it', async () => {
    const setup = await env.session.context.newPage();
    await setup.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    await setup.waitForSelector('#app[data-ready]');
    await setup.getByLabel('Only when I open the popup').check();
    await setup.waitForFunction(
      async () => ((await chrome.storage.local.get('settings'))['settings'] as { runMode?: string } | undefined)?.runMode === 'on-click',
    );

    const doc = manifestDocuments().find((d) => d.id === 'thenews')!;
    const url = serve('thenews.com.pk', '/latest/1005604-elizabeth-moss-mad-men', corpusArticlePage(doc));
    const page = await env.session.context.newPage();
    await page.goto(url);
    // A quiet period, not a control page: in this mode the gate injects into no page at all, so no page
    // loaded afterwards can show that it has decided on this one.
    await expectStaysTrue(async () => (await page.locator('mark.verbatim-quote').count()) === 0, {
      for: 1200,
      message: 'no marks before the popup opens',
    });
    const tabId = await tabIdOf(env.session, url);
    const popup = await openPopup(tabId, '[data-testid="quotes"] > li');
    expect((await popup.evaluate(readStatus)).kind).toBe('topic');
    await page.waitForSelector('mark.verbatim-quote', { timeout: 5000 });
    await setup.evaluate(async () => chrome.storage.local.set({ settings: { version: 2, learning: false } })); // defaults, learning still off
    await Promise.all([popup.close(), page.close(), setup.close()]);
  });
});

describe('Chromium: add this page to my corpus', () => {
  it('refuses a page that is not about the show, even one that quotes the corpus, and keeps nothing', async () => {
    // A song review borrowing one corpus line: highlighted as a strong quote, but not an article to learn from.
    const text = [
      'The new album is a “triumph” of mood',
      'The band’s “difficult” second record opens with a song about rain.',
      '“That’s actually real tears, which you know, hate to break it to you,” the singer sang, borrowing a line from television.',
      'The closing track is the best thing they have made, a slow build over eight minutes of guitar.',
    ].join('\n');
    const url = serve('www.music-example.com', '/reviews/new-album/', articlePage({ outlet: 'Music Weekly', title: null, text }));
    const page = await env.session.context.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(env.session, url);
    const popup = await openPopup(tabId);
    const outcome = await popup.evaluate(
      async (article): Promise<unknown> => chrome.runtime.sendMessage({ type: 'add-article', article }),
      { url, outlet: 'Music Weekly', site: 'www.music-example.com', title: text.split('\n')[0]!, published: null, text },
    );
    expect(outcome).toEqual({
      status: 'refused',
      reason: 'this page is not an article about Mad Men: only articles about it join the corpus',
    });
    expect(await popup.evaluate(async (): Promise<unknown> => chrome.runtime.sendMessage({ type: 'articles' }))).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('extracts the article with Readability, asks the outlet, and its wording joins the comparisons', async () => {
    // A new outlet's article: IndieWire's text with one quote reworded.
    // …and a paragraph of the page's own scare quotes and a title in quotes: none of them is anyone's words.
    const scare = 'The “prestige” drama’s “golden age” look, and the episode “The Other Woman”, still draw “fans” a decade on.';
    const text = `${readFileSync(resolve(CORPUS_DIR, 'indiewire.txt'), 'utf8').replace('real tears', 'genuine tears')}\n${scare}`;
    expect(text).toContain('genuine tears');
    const url = serve(
      'www.variety-example.com',
      '/tv/news/elisabeth-moss-mad-men-tears/',
      articlePage({ outlet: 'Variety', title: 'Elisabeth Moss on the Mad Men scene that made her cry', text }),
    );
    const page = await openArticle(url);
    const tabId = await tabIdOf(env.session, url);
    const popup = await openPopup(tabId, '[data-testid="quotes"] > li');
    await popup.click('[data-testid="add-page-button"]');
    await popup.waitForSelector('[data-testid="add-outlet"]');
    await popup.fill('[data-testid="add-outlet"]', 'Variety');
    await popup.keyboard.press('Enter');
    await popup.waitForFunction(
      () => document.querySelector('[data-testid="add-page-message"]')?.textContent?.startsWith('Added Variety'),
      undefined,
      { timeout: 30_000 },
    );
    // The popup re-analyses the page with the new corpus: Variety now appears beside the other outlets,
    // and the status has its counts again (while the analysis runs it says "Analysing" and has none).
    await popup.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('[data-testid="fidelity"] li strong')).some((s) => s.textContent === 'Variety') &&
        document.querySelector('[data-testid="status"][data-status="topic"] [data-testid="status-counts"]') !== null,
      undefined,
      { timeout: 30_000 },
    );
    // The page is never its own source: its own wording is not listed beside it (another page's popup lists it, below).
    expect(await popup.locator('[data-testid="quotes"] .outlet[data-verbatim-origin="added"]').count()).toBe(0);
    // The status counts outlets as the rows do: never fewer than a row shows (it said 4, rows 5).
    const counted = Number(/carried by (\d+) outlet/.exec((await popup.evaluate(readStatus)).counts)?.[1]);
    const shown = await popup.evaluate(readPopup);
    const union = new Set(shown.rows.flatMap((r) => r.outlets.map((o) => o.document)));
    expect(union.size).toBeGreaterThan(0);
    expect(counted).toBe(union.size);
    for (const chip of (await popup.evaluate(readRows, 'quotes')).map((r) => parseInt(r.outletsChip)))
      expect(chip).toBeLessThanOrEqual(counted);

    // Now in the corpus: the popup says so, keeps the confirmation, and offers no second "Add".
    expect(await popup.textContent('[data-testid="in-corpus"]')).toContain('already in your corpus');
    expect(await popup.textContent('[data-testid="add-page-message"]')).toMatch(/^Added Variety/);
    expect(await popup.locator('[data-testid="add-page-button"]').count()).toBe(0);
    const stored = (await popup.evaluate(async (): Promise<unknown> => chrome.runtime.sendMessage({ type: 'articles' }))) as {
      id: string;
      origin: string;
      outlet: string;
    }[];
    // The title is the headline, not the byline ("By Staff Writer") the page puts under it.
    expect(stored).toEqual([
      expect.objectContaining({ origin: 'added', outlet: 'Variety', title: 'Elisabeth Moss on the Mad Men scene that made her cry' }),
    ]);
    const corpus = (await popup.evaluate(async (): Promise<unknown> => chrome.runtime.sendMessage({ type: 'corpus' }))) as {
      pack: { groups: { variants: { document: string; text: string }[] }[] };
    };
    const learnedWordings = corpus.pack.groups.flatMap((g) => g.variants.filter((v) => v.document === stored[0]!.id).map((v) => v.text));
    expect(learnedWordings.some((w) => w.includes('genuine tears'))).toBe(true);
    expect(learnedWordings.filter((w) => /prestige|golden age|Other Woman|fans/.test(w))).toEqual([]);
    const marked = (await page.evaluate(readMarks)).map((m) => m.text).join(' | ');
    expect(marked).not.toMatch(/prestige|golden age|Other Woman|fans/);
    // Another outlet's copy of the same text: Variety's added wording ("genuine tears") is listed beside it.
    const copyUrl = serve(
      'www.copydesk-example.com',
      '/tv/moss-mad-men-genuine-tears/',
      articlePage({ outlet: 'Copy Desk', title: 'Elisabeth Moss on the Mad Men scene that made her cry', text }),
    );
    const copy = await openArticle(copyUrl);
    const copyPopup = await openPopup(await tabIdOf(env.session, copyUrl), '[data-testid="quotes"] > li');
    await copyPopup.waitForSelector('[data-testid="quotes"] .outlet[data-verbatim-origin="added"]', { state: 'attached', timeout: 10_000 });
    await copyPopup.close();
    await copy.close();
    await popup.evaluate(
      async (ids): Promise<unknown> => chrome.runtime.sendMessage({ type: 'forget', ids }),
      stored.map((a) => a.id),
    );
    await popup.close();
    await page.close();
  });
});
