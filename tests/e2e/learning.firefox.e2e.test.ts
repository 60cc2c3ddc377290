/** Learning as the reader reads, in real Firefox: the shared suite (export into a fresh profile included) and a restart. */
import { describe, expect, it } from 'vitest';
import { firefoxDriver } from './support/page-driver';
import { useFirefox } from './support/fixture';
import { ask, learningSuite, type ImportFresh } from './support/learning-suite';

const env = useFirefox({ learning: true });

/** A fresh profile, the corpus imported through the background's import (the options page is Chromium's test). */
const importFresh: ImportFresh = async (exported) => {
  const fresh = await env.launch();
  const driver = firefoxDriver(fresh);
  expect(await driver.extension(ask, { type: 'import-pack', pack: exported })).toMatchObject({ ok: true });
  return { driver, close: () => fresh.close() };
};

describe('Firefox: learning as you read', () => {
  learningSuite(env, importFresh);

  it('keeps the learned corpus when the extension restarts (its background page is reloaded)', async () => {
    const before = (await env.driver.extension(ask, { type: 'articles' })) as unknown[];
    expect(before.length).toBeGreaterThan(0);
    /** Runs in an extension page: a mark on the running background page (gone once it is a new one). */
    const marker = (set: boolean) => {
      const api = (globalThis as unknown as { browser: { extension: { getBackgroundPage(): Window & { __verbatimTestMark?: boolean } } } })
        .browser;
      const page = api.extension.getBackgroundPage();
      if (set) page.__verbatimTestMark = true;
      return page.__verbatimTestMark === true;
    };
    expect(await env.driver.extension(marker, true)).toBe(true);
    // runtime.reload() starts the add-on again (a new background page); the page asking goes away with it.
    await env.driver
      .extension(() => {
        setTimeout(() => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.reload(), 0);
        return true;
      }, undefined)
      .catch(() => undefined);
    await expect
      .poll(() => env.driver.extension(ask, { type: 'articles' }).catch(() => null), { timeout: 20_000, interval: 250 })
      .toEqual(before);
  });
});
