/**
 * Learning as the reader reads, in real Chromium and Firefox (learning.{chromium,firefox}.e2e.test.ts):
 * an article read is kept, the next article on the same interview is compared with it (its quotes are
 * marked once the reader acts on that page, and the popup lists the learned wording with its origin, read
 * date and link), an AMP copy is the same document, a page that plants learned quotes sees no mark until
 * the reader acts, forgetting takes the article out of every comparison, learning off and excluded sites
 * learn nothing, and export then import into a fresh profile gives the same comparisons.
 */
import { expect, it } from 'vitest';
import type { BrowserFixture } from './fixture';
import { ANSWERS, interviewA, interviewB, otherArticle, plantingPage } from './learning-pages';
import type { Driver, TestPage } from './page-driver';
import { untilReported } from './waits';

/** Runs in the popup: each quote row, and each outlet wording's document, origin, origin label and link. */
function readComparisons(): {
  learned: number;
  learningNote: string | null;
  rows: { group: string; outlets: { document: string; origin: string; label: string; href: string | null }[] }[];
} {
  const counts = document.querySelector('[data-testid="corpus-counts"]');
  return {
    learned: Number(counts?.getAttribute('data-learned') ?? NaN),
    learningNote: document.querySelector('[data-testid="page-learning"]')?.textContent ?? null,
    rows: Array.from(document.querySelectorAll('[data-testid="quotes"] > li[data-verbatim-group]')).map((li) => ({
      group: li.getAttribute('data-verbatim-group') ?? '',
      outlets: Array.from(li.querySelectorAll('[data-verbatim-document]')).map((o) => ({
        document: o.getAttribute('data-verbatim-document') ?? '',
        origin: o.getAttribute('data-verbatim-origin') ?? '',
        label: o.querySelector('[data-testid="outlet-origin"]')?.textContent ?? '',
        href: o.querySelector('a.outlet__name')?.getAttribute('href') ?? null,
      })),
    })),
  };
}

/** Runs in an extension page: a request to the background. */
function ask(request: { type: string; [k: string]: unknown }): Promise<unknown> {
  const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
  return api.runtime.sendMessage(request);
}

/** Runs in an extension page: merges `change` into the stored settings. */
async function setSettings(change: Record<string, unknown>): Promise<void> {
  const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
  const stored = ((await api.storage.local.get('settings'))['settings'] ?? {}) as Record<string, unknown>;
  await api.storage.local.set({ settings: { version: 2, ...stored, ...change } });
}

/** Waits until learning has decided about the page in the tab showing `url`; returns what it did. */
async function learned(driver: Driver, url: string): Promise<{ status: string; id?: string; reason?: string }> {
  let learning: { status: string; id?: string } | null = null;
  await expect.poll(async () => (learning = (await driver.tab(url)).learning) !== null, { timeout: 15_000, interval: 100 }).toBe(true);
  return learning!;
}

const marks = (page: TestPage) =>
  page.eval(() => Array.from(document.querySelectorAll('mark.verbatim-quote')).map((m) => m.getAttribute('data-verbatim-group')));

/** A fresh profile of the same browser, with `exported` imported the way that browser's test does it. */
export type ImportFresh = (exported: unknown) => Promise<{ driver: Driver; close(): Promise<void> }>;

export function learningSuite(env: BrowserFixture<{ close(): Promise<void> }>, importFresh: ImportFresh): void {
  const paths = {
    a: '/news/hamm-finale',
    amp: '/amp/news/hamm-finale',
    b: '/tv/hamm-ending-secret',
    plant: '/plant/hamm',
    other: '/news/reunion',
  };

  it('learns an article; the next on the same interview is compared with it once the reader acts; the AMP copy is one document', async () => {
    const { driver, server } = env;
    await driver.extension(ask, { type: 'forget-all' }); // a retry starts from the corpus the first try found
    const read = await driver.open(server.set(paths.a, interviewA(server.origin, paths.a)));
    const first = await learned(driver, read.url);
    expect(first.status).toBe('learned');
    const idA = first.id!;
    await read.close();
    // A again, now that it is in the corpus: it is never its own evidence, so nothing on it is a quote
    // (its answers are in no other article yet), however the reader acts.
    const a = await driver.open(read.url);
    expect(await learned(driver, a.url)).toMatchObject({ status: 'unchanged', id: idA });
    expect((await untilReported(driver, a.url)).quotes).toEqual([]);
    await driver.popup(a.url, () => true);
    expect(await marks(a)).toEqual([]);

    const amp = await driver.open(server.set(paths.amp, interviewA(server.origin, paths.a, true)));
    // The same article again (its AMP copy reads the same): found as it was kept, nothing rewritten.
    expect(await learned(driver, amp.url)).toMatchObject({ status: 'unchanged', id: idA });
    expect(await driver.extension(ask, { type: 'articles' })).toHaveLength(1);

    const b = await driver.open(server.set(paths.b, interviewB(server.origin, paths.b)));
    const view = await untilReported(driver, b.url);
    expect(view.quotes!.length).toBe(ANSWERS.length);
    // Known only from the reader's corpus: not marked before the reader acts on this page…
    expect(await marks(b)).toEqual([]);
    // …listed at once in the popup (opening it is the reader acting), A's wording beside B's own.
    const popup = await driver.popup(b.url, readComparisons);
    expect(popup.rows).toHaveLength(ANSWERS.length);
    for (const row of popup.rows) {
      const fromA = row.outlets.find((o) => o.document === idA)!;
      expect(fromA).toMatchObject({ origin: 'learned', href: `${server.origin}${paths.a}` });
      expect(fromA.label).toMatch(/^read on /);
    }
    // …and now marked in the page. B is learned meanwhile, which can change the groups' consensus and so
    // their ids: the page's marks follow the background's latest analysis of the tab.
    expect(await learned(driver, b.url)).toMatchObject({ status: 'learned' });
    expect(await driver.extension(ask, { type: 'articles' })).toHaveLength(2);
    await expect
      .poll(
        async () => {
          const [onPage, analysed] = await Promise.all([marks(b), driver.tab(b.url)]);
          // A quote may be more than one mark element (text nodes a mark split before stay split), never
          // a mark of a group the latest analysis no longer has.
          const groups = new Set(analysed.quotes!.map((q) => q.group));
          return groups.size === ANSWERS.length && onPage.every((g) => groups.has(g!)) && [...groups].every((g) => onPage.includes(g));
        },
        { timeout: 10_000, interval: 100 },
      )
      .toBe(true);
    for (const p of [a, amp, b]) await p.close();
  });

  it('a page that plants learned quotes and watches its DOM sees no mark until the reader acts there', async () => {
    const { driver, server } = env;
    const page = await driver.open(server.set(paths.plant, plantingPage(server.origin, paths.plant)));
    const view = await untilReported(driver, page.url);
    expect(view.quotes!.length).toBe(ANSWERS.length); // the background found them all…
    expect(await page.eval(() => (window as unknown as { __marksSeen: number }).__marksSeen)).toBe(0); // …the page saw none
    await driver.popup(page.url, () => true);
    await page.waitFor(() => (window as unknown as { __marksSeen: number }).__marksSeen > 0, undefined, 10_000);
    await page.close();
  });

  it('forgetting an article takes it out of every comparison', async () => {
    const { driver, server } = env;
    const articles = (await driver.extension(ask, { type: 'articles' })) as { id: string; url: string }[];
    const a = articles.find((x) => x.url === `${server.origin}${paths.a}`)!;
    const b = await driver.open(`${server.origin}${paths.b}`);
    await untilReported(driver, b.url);
    expect((await driver.popup(b.url, readComparisons)).rows.flatMap((r) => r.outlets.map((o) => o.document))).toContain(a.id);
    await driver.extension(ask, { type: 'forget', ids: [a.id] });
    await expect
      .poll(async () => (await driver.popup(b.url, readComparisons)).rows.flatMap((r) => r.outlets.map((o) => o.document)), {
        timeout: 10_000,
      })
      .not.toContain(a.id);
    await b.close();
  });

  it('learns nothing with learning off or on an excluded site', async () => {
    const { driver, server } = env;
    const before = ((await driver.extension(ask, { type: 'articles' })) as unknown[]).length;
    await driver.extension(setSettings, { learning: false });
    const off = await driver.open(server.set(paths.other, otherArticle(server.origin, paths.other)));
    await untilReported(driver, off.url);
    await off.close();
    await driver.extension(setSettings, { learning: true, learnExcluded: ['127.0.0.1'] });
    const excluded = await driver.open(server.set(`${paths.other}-2`, otherArticle(server.origin, `${paths.other}-2`)));
    await untilReported(driver, excluded.url);
    expect((await driver.tab(excluded.url)).learning).toBeNull();
    await excluded.close();
    expect(await driver.extension(ask, { type: 'articles' })).toHaveLength(before);
    await driver.extension(setSettings, { learning: true, learnExcluded: [] });
  });

  it('export, then import into a fresh profile, gives the same comparisons', async () => {
    const exported = await env.driver.extension(ask, { type: 'export-pack' });
    const url = `${env.server.origin}${paths.b}`;
    const here = await env.driver.open(url);
    await untilReported(env.driver, url);
    const wordings = (r: ReturnType<typeof readComparisons>) =>
      r.rows.map((row) => row.outlets.map((o) => o.document.replace(/^.*\//, '')).sort());
    const expected = wordings(await env.driver.popup(url, readComparisons));
    await here.close();

    const fresh = await importFresh(exported);
    const there = await fresh.driver.open(url);
    await untilReported(fresh.driver, url);
    const imported = await fresh.driver.popup(url, readComparisons);
    expect(wordings(imported)).toEqual(expected);
    // The learned articles arrive as an imported pack's documents.
    expect(imported.rows.flatMap((r) => r.outlets.filter((o) => o.document.includes('/')).map((o) => o.origin))).not.toContain('learned');
    await there.close();
    await fresh.close();
  });
}

export { ask };
