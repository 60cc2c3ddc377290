/** Learning as the reader reads, in real Chromium: the shared suite, a stopped worker, export into a fresh profile. */
import { describe, expect, it } from 'vitest';
import { chromiumDriver } from './support/page-driver';
import { useChromium } from './support/fixture';
import { ask, exportCorpus, learningSuite, readComparisons } from './support/learning-suite';
import { untilReported } from './support/waits';

const env = useChromium({ learning: true });

describe('Chromium: learning as you read', () => {
  learningSuite(env);

  it('keeps the learned corpus when the service worker is stopped', async () => {
    const before = (await env.driver.extension(ask, { type: 'articles' })) as unknown[];
    expect(before.length).toBeGreaterThan(0);
    const internals = await env.session.context.newPage();
    await internals.goto('chrome://serviceworker-internals/');
    const stop = internals.locator('cr-button[data-command="stop"]').first();
    await stop.waitFor();
    await stop.click();
    await internals.waitForFunction(() => /Running Status: STOPPED/.test(document.body.innerText), undefined, { timeout: 10_000 });
    await internals.close();
    expect(await env.driver.extension(ask, { type: 'articles' })).toEqual(before);
  });

  it('export, then import into a fresh profile, gives the same comparisons', async () => {
    const exported = await exportCorpus(env.driver);
    const url = `${env.server.origin}/tv/hamm-ending-secret`;
    const here = await env.driver.open(url);
    await untilReported(env.driver, url);
    const wordings = (r: Awaited<ReturnType<typeof readComparisons>>) =>
      r.rows.map((row) => row.outlets.map((o) => o.document.replace(/^.*\//, '')).sort());
    const expected = wordings(await env.driver.popup(url, readComparisons));
    await here.close();

    const fresh = await env.launch();
    const driver = chromiumDriver(fresh);
    const options = await fresh.context.newPage();
    await options.goto(`chrome-extension://${fresh.extensionId}/options.html`);
    await options.waitForSelector('#app[data-ready]');
    await options.setInputFiles('[data-testid="import-input"]', {
      name: 'my-corpus.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exported)),
    });
    await options.waitForSelector('[data-testid="import-result"][data-ok]');
    expect(await options.textContent('[data-testid="import-result"]')).toMatch(/^Imported/);
    await options.close();
    const there = await driver.open(url);
    await untilReported(driver, url);
    const imported = await driver.popup(url, readComparisons);
    expect(wordings(imported)).toEqual(expected);
    expect(imported.rows.flatMap((r) => r.outlets.filter((o) => o.document.includes('/')).map((o) => o.origin))).not.toContain('learned');
    await there.close();
    await fresh.close();
  });
});
