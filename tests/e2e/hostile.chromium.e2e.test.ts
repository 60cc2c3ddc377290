/**
 * Hardening in real Chromium: pages that fight back. On each, Verbatim keeps working, and the page
 * keeps working. The main-thread time Verbatim's scripts take in each task is attributed from a
 * performance trace (the page's own work is not charged to us) and printed as a table: the 50 ms budget
 * is a measurement, read from that table on a quiet machine, not a timed assertion on a shared one.
 * The assertion below only guards against a catastrophe (a synchronous pass over a 5 MB page takes
 * seconds); a cold first injection on a loaded machine has measured 20–180 ms.
 *
 * Reads go through Playwright locators (its utility world), never the page's main world, whose
 * built-ins some of these pages replace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { corpusArticlePage, groupsOf, manifestDocuments } from '../support/corpus';
import { useChromium } from './support/fixture';
import { hostilePages, STRICT_CSP } from './support/hostile-pages';
import { artifact } from './support/paths';
import { extensionTasks, Tracer, type ExtensionTaskReport } from './support/trace';
import { untilReported } from './support/waits';

const env = useChromium();
const nme = manifestDocuments().find((d) => d.id === 'nme')!;
const report: Record<string, unknown> = {};
/** Far above the 50 ms budget on purpose: see the comment at the top. */
const CATASTROPHE_MS = 500;

beforeAll(() => {
  env.server.set('/hostile/frame-inner.html', corpusArticlePage(manifestDocuments().find((d) => d.id === 'indiewire')!));
});
afterAll(() => {
  console.table(report);
});

async function markedGroups(page: Page): Promise<Set<string>> {
  const marks = page.locator('mark.verbatim-quote');
  const n = await marks.count();
  const groups = new Set<string>();
  for (let i = 0; i < n; i++) groups.add((await marks.nth(i).getAttribute('data-verbatim-group')) ?? '');
  return groups;
}

/**
 * What must also be in the trace of a page that keeps fighting after Verbatim has marked it: a stretch of
 * the fight itself, counted in the page's own rounds (read in the main world: this page replaces no built-ins).
 */
const AFTER_REPORT: Record<string, (page: Page) => Promise<unknown>> = {
  // 300 rounds of 40 nodes added and removed (about 1.2 s at its 4 ms interval) hit the highlighted page.
  'mutation-storm': async (page) => {
    const now = await page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
    await page.waitForFunction((until) => (window as unknown as { __ticks: number }).__ticks >= until, now + 300);
  },
};

/**
 * Opens `path` with a trace running until the highlighter has finished its pass there and reported it
 * (or `settle` ms went by: the test's own checks then say what is missing), and `after` has happened.
 */
async function visit(
  path: string,
  html: string,
  { headers, after, settle = 20_000 }: { headers?: Record<string, string>; after?: (page: Page) => Promise<unknown>; settle?: number } = {},
): Promise<{ page: Page; tasks: ExtensionTaskReport }> {
  const url = env.server.set(path, html, headers);
  const page = await env.session.context.newPage();
  const tracer = await Tracer.start(page);
  let events;
  try {
    await page.goto(url, { timeout: 60_000 });
    await untilReported(env.driver, url, settle).catch(() => undefined);
    await after?.(page);
  } finally {
    events = await tracer.stop();
  }
  return { page, tasks: extensionTasks(events, `chrome-extension://${env.session.extensionId}/`) };
}

async function pageStillWorks(page: Page): Promise<void> {
  await page.locator('#page-button').click();
  await expect.poll(() => page.locator('#page-button').textContent()).toBe('clicked 1');
}

describe('Chromium: hostile pages', () => {
  for (const [name, build] of Object.entries(hostilePages)) {
    it(`${name}: highlights the article and the page keeps working`, async () => {
      const { page, tasks } = await visit(`/hostile/${name}.html`, build(nme), { after: AFTER_REPORT[name] });
      await page.screenshot({ path: artifact(`hostile-${name}.png`) });
      const groups = await markedGroups(page);
      report[name] = { groups: groups.size, ...tasks };
      expect(groups).toEqual(groupsOf(env.pack, 'nme'));
      await pageStillWorks(page);
      expect(tasks.longestExtensionShare).toBeLessThan(CATASTROPHE_MS);
      await page.close();
    });
  }

  it('frames: the top page is highlighted, frames neither break nor leak marks into the top document', async () => {
    const { page } = await visit('/hostile/frames-check.html', hostilePages.frames!(nme));
    expect(await markedGroups(page)).toEqual(groupsOf(env.pack, 'nme'));
    const frame = page.frameLocator('#same');
    await expect.poll(() => frame.locator('article p').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('strict CSP page: highlights still show, styled, with no inline script or style allowed', async () => {
    const { page, tasks } = await visit('/hostile/csp.html', corpusArticlePage(nme), {
      headers: { 'content-security-policy': STRICT_CSP },
    });
    report['strict-csp'] = tasks;
    expect(await markedGroups(page)).toEqual(groupsOf(env.pack, 'nme'));
    const background = await page
      .locator('mark.verbatim-quote')
      .first()
      .evaluate((m) => getComputedStyle(m).backgroundColor);
    expect(background).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
    // The hover card's own stylesheet (in its shadow root) applies too: styled, it is at most 360 px wide;
    // unstyled, its text would run the width of the page.
    await page.locator('mark.verbatim-quote').nth(2).hover();
    const card = page.locator('[data-verbatim-ui="card"][data-side]');
    await card.waitFor({ state: 'attached' });
    const box = (await card.boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    expect(box.width).toBeLessThanOrEqual(362);
    await page.close();
  });
});
