/**
 * Where each wording came from, in real Chromium and Firefox (lineage.{chromium,firefox}.e2e.test.ts):
 * an article that copies /Film's idiosyncrasies and drops the "not" from Jon Hamm's "It's not love"
 * (tests/support/lineage-pages.ts). The popup says the page's wording follows /Film and draws each quote's
 * tree with the page marked; the dropped "not" is the first thing its row shows; the hover card warns.
 */
import { expect, it } from 'vitest';
import type { Pack } from '../../../src/engine/types';
import { followerPage } from '../../support/lineage-pages';
import type { Driver } from './page-driver';
import { artifact } from './paths';
import type { PageServer } from './server';
import { untilReported } from './waits';

/** The popup page of either driver: what the suite does with it. */
export interface PopupPage {
  evaluate<T, A>(fn: (arg: A) => T, arg: A): Promise<T>;
  click(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface LineageEnv {
  readonly driver: Driver;
  readonly server: PageServer;
  readonly pack: Pack;
}

interface TreeReading {
  closest: string | null;
  closestText: string;
  rows: { group: string; tree: boolean; page: { parent: string; own: boolean; label: string } | null; edges: number }[];
}

function readLineage(): TreeReading {
  const closest = document.querySelector('[data-testid="lineage-closest"]');
  return {
    closest: closest?.getAttribute('data-lineage-document') ?? null,
    closestText: closest?.textContent ?? '',
    rows: Array.from(document.querySelectorAll('[data-testid="quotes"] > li[data-verbatim-group]')).map((li) => {
      const group = li.getAttribute('data-verbatim-group')!;
      const tree = li.querySelector(`[data-verbatim-lineage="${group}"] svg[role="list"]`);
      const page = tree?.querySelector('[data-lineage-document="this-page"]');
      return {
        group,
        tree: tree !== null && tree.namespaceURI === 'http://www.w3.org/2000/svg',
        page: page
          ? {
              parent: page.getAttribute('data-lineage-parent') ?? '',
              own: page.getAttribute('data-own') === 'true',
              label: page.getAttribute('aria-label') ?? '',
            }
          : null,
        edges: tree?.querySelectorAll('[data-lineage-parent]').length ?? 0,
      };
    }),
  };
}

export function lineageSuite(env: LineageEnv, openPopup: (url: string) => Promise<PopupPage>): void {
  it('an article copying /Film: the popup says it follows /Film and draws each tree with the page marked; a dropped "not" is flagged in the popup and the hover card', async () => {
    const { driver, server, pack } = env;
    const url = server.set('/lineage/follower.html', followerPage());
    const page = await driver.open(url);
    await page.waitFor(() => document.querySelector('mark.verbatim-quote') !== null, undefined, 15_000);
    await untilReported(driver, url);

    // The hover card on the quote whose "not" was dropped.
    const notGroup = pack.groups.find((g) => g.consensus.startsWith("It's not love"))!.id;
    await page.waitFor((g: string) => document.querySelector(`mark.verbatim-quote[data-verbatim-group="${g}"]`) !== null, notGroup);
    await page.hover(`mark.verbatim-quote[data-verbatim-group="${notGroup}"]`);
    await page.waitFor(() => document.querySelector('[data-verbatim-ui="card"]') !== null, undefined, 5000);
    await expect
      .poll(async () => (await page.readCard())?.meaning ?? null, { timeout: 5000, interval: 100 })
      .toContain('Meaning differs from');
    const card = await page.readCard();
    if (driver.browser === 'chromium')
      expect(card!.meaning).toBe('⚠ Meaning differs from what most outlets print: negation added or dropped (not)');

    const popup = await openPopup(url);
    try {
      const lineage = await popup.evaluate(readLineage, undefined);
      console.info(`${driver.browser}: ${lineage.closestText}`);
      expect(lineage.closest).toBe('slashfilm');
      expect(lineage.closestText).toMatch(/^This page's wording follows \/Film: (1 shared reading|\d+ shared readings),/);
      expect(lineage.rows.length).toBeGreaterThan(5);
      for (const row of lineage.rows) {
        expect(row.tree, row.group).toBe(true);
        expect(row.page?.own, row.group).toBe(true);
        const docs = new Set(pack.groups.find((g) => g.id === row.group)!.variants.map((v) => v.document));
        expect(row.edges).toBe(docs.size + 1); // every outlet once, and this page
      }
      const followsFilm = lineage.rows.filter((r) => r.page!.parent === 'slashfilm');
      expect(followsFilm.length).toBeGreaterThanOrEqual(3);
      expect(followsFilm[0]!.page!.label).toBe('this page follows /Film');

      // The dropped "not": a chip on its row, and the first thing the opened row shows.
      const selector = `[data-testid="quotes"] > li[data-verbatim-group="${notGroup}"]`;
      await popup.click(`${selector} .quote__toggle`);
      const flagged = await popup.evaluate((sel: string) => {
        const li = document.querySelector(sel)!;
        const region = li.querySelector('.comparison') as HTMLElement;
        const flag = region.querySelector('[data-verbatim-meaning="negation"][data-lineage-document="this-page"]');
        return {
          chip: li.querySelector('[data-testid="chip-meaning"]')?.textContent ?? null,
          visible: !region.hidden && (flag?.getBoundingClientRect().height ?? 0) > 0,
          first: region.firstElementChild?.getAttribute('data-testid') ?? null,
          text: flag?.textContent ?? null,
        };
      }, selector);
      expect(flagged).toEqual({
        chip: 'meaning changed',
        visible: true,
        first: 'meaning',
        text: 'negation added or dropped — this page: not',
      });

      // The tree is reachable by keyboard: Tab from the row's toggle lands on it (one tab stop), ↓ moves to
      // the next line and shows its evidence.
      await popup.focus(`${selector} .quote__toggle`);
      await popup.press('Tab');
      expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-verbatim-root') ?? null, undefined)).toBe('true');
      await popup.press('ArrowDown');
      const moved = await popup.evaluate((sel: string) => {
        const active = document.activeElement;
        const detail = document.querySelector(`${sel} [data-testid="lineage-detail"]`)?.textContent ?? '';
        return { label: active?.getAttribute('aria-label') ?? '', detail, root: active?.hasAttribute('data-verbatim-root') ?? true };
      }, selector);
      expect(moved.root).toBe(false);
      expect(moved.label).not.toBe('');
      expect(moved.detail.startsWith(moved.label)).toBe(true);
      await popup.screenshot(artifact(`popup-lineage-${driver.browser}.png`));
    } finally {
      await popup.close();
      await page.close();
    }
  });
}
