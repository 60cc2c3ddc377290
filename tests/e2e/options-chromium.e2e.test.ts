/**
 * The options page in real Chromium: run mode, colours with a live preview, sensitivity; the corpus
 * list; importing a good pack (its hostile text stays text, and it joins the popup's comparisons),
 * refusing a broken or truncated one with the reasons named and the corpus unchanged; removing;
 * corrupt stored settings reset with a notice; axe finds no serious or critical violation.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/fixture';
import { corpusArticlePage, groupsOf, manifestDocuments } from '../support/corpus';
import { readMarks } from './support/page-checks';
import { brokenPack, goodPack, largePack } from './support/packs';
import { artifact } from './support/paths';
import { axeSource, readFidelity, readFontSizes, runAxe, serious } from './support/popup-ui';
import { untilReported } from './support/waits';

const env = useChromium();

async function openOptions(): Promise<Page> {
  const page = await env.session.context.newPage();
  await page.goto(`chrome-extension://${env.session.extensionId}/options.html`);
  await page.waitForSelector('#app[data-ready]');
  return page;
}

const corpusList = (page: Page) =>
  page.$$eval('[data-testid="corpus-list"] > li', (lis) =>
    lis.map((li) => ({ id: li.getAttribute('data-pack'), documents: li.getAttribute('data-documents'), text: li.textContent })),
  );
/** The imported packs, as the background lists them. */
const stored = (page: Page) => page.evaluate(async () => JSON.stringify(await chrome.runtime.sendMessage({ type: 'packs' })));

async function importFile(page: Page, name: string, content: string): Promise<void> {
  const previous = await page.$('[data-testid="import-result"]');
  await page.setInputFiles('[data-testid="import-input"]', { name, mimeType: 'application/json', buffer: Buffer.from(content) });
  // Every import renders a new result box: wait for this one's, not the last import's (it has `data-ok` too).
  await page.waitForFunction((old) => {
    const box = document.querySelector('[data-testid="import-result"][data-ok]');
    return box !== null && box !== old;
  }, previous);
}

describe('Chromium options page', () => {
  it('saves run mode, colours (live preview) and sensitivity; passes axe in light and dark', async () => {
    const page = await openOptions();
    expect(await corpusList(page)).toEqual([
      { id: env.pack.id, documents: String(env.pack.documents.length), text: expect.stringContaining('(bundled)') as unknown },
    ]);
    await page.getByLabel('Only when I open the popup').check();
    await page.getByLabel('Strict').check();
    await page.fill('[data-testid="sites"]', 'https://www.NME.com/news\nnot a site\nindiewire.com');
    await page.locator('[data-testid="sites"]').blur();
    await page.waitForFunction(
      async () => ((await chrome.storage.local.get('settings'))['settings'] as { sites: string[] } | undefined)?.sites?.length === 2,
    );
    await page.locator('[data-testid="color-light"]').fill('#a0e0ff');
    expect(await page.$eval('[data-testid="preview-light"]', (m) => getComputedStyle(m).backgroundColor)).toBe('rgb(160, 224, 255)');
    await page.waitForFunction(
      async () => ((await chrome.storage.local.get('settings'))['settings'] as { colors: { light: string } }).colors.light === '#a0e0ff',
    );
    const settings = await page.evaluate(async () => (await chrome.storage.local.get('settings'))['settings']);
    expect(settings).toMatchObject({ version: 2, runMode: 'on-click', sensitivity: 'strict', sites: ['www.nme.com', 'indiewire.com'] });
    expect(await page.textContent('#sites-hint')).toContain('not a site');

    // Readable in Chrome, whose extension pages style body at 75 %.
    const fonts = await page.evaluate(readFontSizes, 12);
    console.info(`options fonts (Chromium): ${fonts.measured} text elements, ${fonts.small.length} below 12 px`);
    expect(fonts.small).toEqual([]);

    await page.evaluate(axeSource());
    const light = serious(await page.evaluate(runAxe));
    await page.screenshot({ path: artifact('options-chromium-light.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = serious(await page.evaluate(runAxe));
    await page.screenshot({ path: artifact('options-chromium-dark.png'), fullPage: true });
    console.info('axe options (light, dark): serious/critical', light.length, dark.length);
    expect(light).toEqual([]);
    expect(dark).toEqual([]);
    await page.evaluate(async () => chrome.storage.local.set({ settings: { version: 2, learning: false } })); // defaults, learning still off for the next tests
    await page.close();
  });

  it('a highlight colour changed in Options reaches the marks of an open article without a reload', async () => {
    const article = await env.session.context.newPage();
    await article.goto(env.server.set('/live/article.html', corpusArticlePage(manifestDocuments()[0]!)));
    await article.waitForSelector('mark.verbatim-quote', { state: 'attached', timeout: 10_000 });
    const backgrounds = () =>
      [...new Set(Array.from(document.querySelectorAll('mark.verbatim-quote')).map((m) => getComputedStyle(m).backgroundColor))].join();
    expect(await article.evaluate(backgrounds)).toBe('rgb(255, 224, 102)');
    await article.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    const options = await openOptions();
    try {
      await options.locator('[data-testid="color-light"]').fill('#a0e0ff');
      try {
        await article.waitForFunction(
          () =>
            Array.from(document.querySelectorAll('mark.verbatim-quote')).every(
              (m) => getComputedStyle(m).backgroundColor === 'rgb(160, 224, 255)',
            ),
          undefined,
          { timeout: 3000 },
        );
      } catch (error) {
        throw new Error(`the open article's marks are still ${await article.evaluate(backgrounds)} 3 s after the change`, { cause: error });
      }
      expect(await article.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    } finally {
      await options.evaluate(async () => chrome.storage.local.set({ settings: { version: 2, learning: false } }));
      await options.close();
      await article.close();
    }
  });

  it('imports a good pack (hostile text stays text; it joins the popup), refuses broken ones with reasons and leaves the corpus unchanged, removes', async () => {
    const page = await openOptions();
    await importFile(page, 'extra.json', JSON.stringify(goodPack(env.pack)));
    expect(await page.getAttribute('[data-testid="import-result"]', 'data-ok')).toBe('true');
    expect(await page.textContent('[data-testid="import-result"]')).toContain('Imported “extra-pack”');
    const list = await corpusList(page);
    expect(list.map((l) => [l.id, l.documents])).toEqual([
      [env.pack.id, String(env.pack.documents.length)],
      ['extra-pack', String(env.pack.documents.length)],
    ]);
    const after = await stored(page);

    // The imported outlets join the comparisons; their markup is shown as text and never runs.
    const popup = await env.session.context.newPage();
    await popup.goto(`chrome-extension://${env.session.extensionId}/popup.html?tabId=999999`);
    await popup.waitForSelector('#app[data-ready]');
    const fidelity = await popup.evaluate(readFidelity);
    expect(
      fidelity.some(
        (f) => f.document === 'extra-pack/nme' && f.text.startsWith('<img src=x onerror="window.__verbatimPwned=1">Hostile Outlet'),
      ),
    ).toBe(true);
    expect(await popup.locator('img').count()).toBe(0);
    // The pack's articles print the bundled wordings: they join the bundled groups, not a copy of each.
    expect(await popup.locator('[data-testid="corpus-quotes"] > li').count()).toBe(env.pack.groups.length);
    expect(await popup.evaluate(() => (window as unknown as { __verbatimPwned?: number }).__verbatimPwned)).toBeUndefined();
    await popup.close();

    // Broken: wrong version + duplicate group id. Truncated: not JSON. Same id again: refused.
    for (const [name, content, reasons] of [
      ['broken.json', JSON.stringify(brokenPack(env.pack)), ['version: unsupported version 99', 'duplicate group id']],
      ['truncated.json', JSON.stringify(goodPack(env.pack)).slice(0, 5000), ['not valid JSON']],
      ['again.json', JSON.stringify(goodPack(env.pack)), ['already in your corpus']],
    ] as const) {
      await importFile(page, name, content);
      expect(await page.getAttribute('[data-testid="import-result"]', 'data-ok')).toBe('false');
      const message = (await page.textContent('[data-testid="import-result"]'))!;
      expect(message).toContain('your corpus is unchanged');
      for (const r of reasons) expect(message).toContain(r);
      expect(await stored(page)).toBe(after);
      expect((await corpusList(page)).map((l) => l.id)).toEqual([env.pack.id, 'extra-pack']);
      console.info(`refused ${name}:`, message.replace(/\s+/g, ' ').slice(0, 200));
    }
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __verbatimPwned?: number }).__verbatimPwned)).toBeUndefined();

    await page.click('[data-testid="remove-extra-pack"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="corpus-list"] > li').length === 1);
    expect(JSON.parse(await stored(page))).toEqual([]);
    await page.close();
  });

  it('imports a pack that repeats the bundled articles without counting anything twice, or losing a highlight', async () => {
    const article = await env.session.context.newPage();
    const nme = manifestDocuments().find((d) => d.id === 'nme')!;
    env.server.set('/overlap/nme-mad-men', corpusArticlePage(nme));
    const marked = async (): Promise<string[]> => {
      await article.goto(`${env.server.origin}/overlap/nme-mad-men`);
      await untilReported(env.driver, article.url());
      return [...new Set((await article.evaluate(readMarks)).map((m) => m.group))].sort();
    };
    const before = await marked();
    expect(before).toEqual([...groupsOf(env.pack, 'nme')].sort());

    const page = await openOptions();
    await importFile(page, 'overlap.json', JSON.stringify({ ...env.pack, id: 'overlap' }));
    expect(await page.getAttribute('[data-testid="import-result"]', 'data-ok')).toBe('true');
    expect(await page.textContent('[data-testid="import-result"]')).toContain(
      `${env.pack.documents.length} of its articles were already in your corpus`,
    );
    const popup = await env.session.context.newPage();
    await popup.goto(`chrome-extension://${env.session.extensionId}/popup.html?tabId=999999`);
    await popup.waitForSelector('#app[data-ready]');
    expect(await popup.locator('[data-testid="corpus-quotes"] > li').count()).toBe(env.pack.groups.length);
    const outlets = (await popup.evaluate(readFidelity)).map((f) => f.document);
    expect(outlets.sort()).toEqual(env.pack.documents.map((d) => d.id).sort());
    await popup.close();
    // More data never means fewer highlights: the same article, the same quotes marked.
    expect(await marked()).toEqual(before);
    await article.close();
    await page.click('[data-testid="remove-overlap"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="corpus-list"] > li').length === 1);
    await page.close();
  });

  it('imports a valid 12 MB pack into IndexedDB; refuses a 21 MB file and a JSON file that is no pack, in words', async () => {
    const page = await openOptions();
    const large = JSON.stringify(largePack(env.pack, 12 * 1024 * 1024));
    expect(large.length).toBeGreaterThan(12 * 1024 * 1024);
    await importFile(page, 'large.json', large);
    expect(await page.textContent('[data-testid="import-result"]')).toMatch(/^Imported “large-pack”: \d+ documents, \d+ quotes\./);
    expect((await corpusList(page)).map((l) => l.id)).toEqual([env.pack.id, 'large-pack']);
    const before = await stored(page);

    for (const [name, content, reason] of [
      ['huge.json', ' '.repeat(21 * 1024 * 1024), 'The file is 21.0 MB, and Verbatim imports packs of up to 20 MB.'],
      ['settings.json', JSON.stringify({ theme: 'dark', fontSize: 14 }), 'The file is not a Verbatim pack.'],
    ] as const) {
      await importFile(page, name, content);
      expect(await page.getAttribute('[data-testid="import-result"]', 'data-ok')).toBe('false');
      expect(await page.textContent('[data-testid="import-reason"]')).toContain(reason);
      expect(await stored(page)).toBe(before);
    }
    await page.click('[data-testid="remove-large-pack"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="corpus-list"] > li').length === 1, undefined, {
      timeout: 60_000,
    });
    await page.close();
  });

  it('resets corrupt stored settings with a notice instead of a blank page', async () => {
    const page = await openOptions();
    await page.evaluate(async () => chrome.storage.local.set({ settings: '{"runMode": "every' }));
    await page.reload();
    await page.waitForSelector('#app[data-ready]');
    expect(await page.textContent('[data-testid="settings-notice"]')).toContain('could not be read and were reset');
    expect(await page.isChecked('[data-testid="runMode-everywhere"]')).toBe(true);
    const popup = await env.session.context.newPage();
    await popup.goto(`chrome-extension://${env.session.extensionId}/popup.html?tabId=999999`);
    await popup.waitForSelector('#app[data-ready]');
    expect(await popup.textContent('[data-testid="settings-notice"]')).toContain('reset');
    await popup.click('[data-testid="settings-notice"] button');
    expect(await popup.evaluate(async () => (await chrome.storage.local.get('settingsNotice'))['settingsNotice'] ?? null)).toBeNull();
    await popup.evaluate(async () => chrome.storage.local.set({ settings: { version: 2, learning: false } })); // learning off again
    await popup.close();
    await page.close();
  });
});
