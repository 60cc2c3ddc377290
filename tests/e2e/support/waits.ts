/**
 * What an e2e test waits for instead of sleeping: the condition it needs, read from the page or from the
 * background. A negative ("nothing is marked here") waits for evidence that Verbatim has decided; only
 * where nothing observable can give that evidence does a test hold a bounded quiet period, and it says why.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { expect } from 'vitest';
import { manifestDocuments, corpusArticlePage } from '../../support/corpus';
import type { Driver, TabView } from './page-driver';
import type { PageServer } from './server';

/**
 * The highlighter in a tab has finished a pass and told the background: the tab's stored state carries
 * the pass's timings (sent only once marking is done) and the badge shows the count of its quotes.
 */
export function reported(view: TabView): boolean {
  return view.timings !== null && view.quotes !== null && view.badge === (view.quotes.length > 0 ? String(view.quotes.length) : '');
}

/** Waits until the highlighter in the tab showing `url` has reported a finished pass; returns the tab's view. */
export async function untilReported(driver: Driver, url: string, timeout = 15_000): Promise<TabView> {
  let view: TabView | undefined;
  try {
    await expect.poll(async () => reported((view = await driver.tab(url))), { timeout, interval: 100 }).toBe(true);
  } catch (error) {
    // What the tab showed last says which part of the pass never came.
    throw new Error(`the highlighter in ${url} reported no finished pass; the tab showed ${JSON.stringify(view)}`, { cause: error });
  }
  return view!;
}

let controls = 0;

/**
 * Evidence for a negative check on pages loaded before: opens a Mad Men article in another tab and waits
 * until it is highlighted and reported. The background gets tab events in the order they happen and
 * decides on a page with no topic signal as soon as its events arrive, long before the control page's
 * injection, analysis and marking are done — so by then it has decided on every page loaded earlier.
 */
export async function gateHasCaughtUp(env: { readonly driver: Driver; readonly server: PageServer }): Promise<void> {
  const { driver, server } = env;
  const url = server.set(`/control/${++controls}.html`, corpusArticlePage(manifestDocuments()[0]!));
  const page = await driver.open(url);
  try {
    await untilReported(driver, url);
  } finally {
    await page.close();
  }
}

/**
 * A bounded quiet period, for a negative that nothing observable can prove sooner (each caller says why):
 * checks `condition` every `every` ms for `for` ms, and fails as soon as it does not hold.
 */
export async function expectStaysTrue(
  condition: () => boolean | Promise<boolean>,
  { for: ms, every = 100, message }: { for: number; every?: number; message: string },
): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    expect(await condition(), message).toBe(true);
    const left = end - Date.now();
    if (left <= 0) return;
    await delay(Math.min(every, left));
  }
}
