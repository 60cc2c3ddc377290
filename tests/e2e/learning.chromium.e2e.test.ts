/** Learning as the reader reads, in real Chromium: the shared suite (export into a fresh profile included) and a stopped worker. */
import { describe, expect, it } from 'vitest';
import { stopServiceWorker } from './support/chromium';
import { chromiumDriver } from './support/page-driver';
import { useChromium } from './support/fixture';
import { ask, learningSuite, type ImportFresh } from './support/learning-suite';

const env = useChromium({ learning: true });

/** A fresh profile, the corpus imported as a reader would: a file chosen on the options page. */
const importFresh: ImportFresh = async (exported) => {
  const fresh = await env.launch();
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
  return { driver: chromiumDriver(fresh), close: () => fresh.close() };
};

describe('Chromium: learning as you read', () => {
  learningSuite(env, importFresh);

  it('keeps the learned corpus when the service worker is stopped', async () => {
    const before = (await env.driver.extension(ask, { type: 'articles' })) as unknown[];
    expect(before.length).toBeGreaterThan(0);
    await stopServiceWorker(env.session);
    expect(await env.driver.extension(ask, { type: 'articles' })).toEqual(before);
  });
});
