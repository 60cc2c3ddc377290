/**
 * Untrusted text stays text: a page whose quotes carry markup-like payloads. The hover card and the
 * popup show the payload as literal characters; nothing in it executes or loads (the test server
 * would see the request), and no element is created from it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articlePage } from '../support/article-page';
import { CORPUS_DIR, manifestDocuments } from '../support/corpus';
import { tabIdOf } from './support/chromium';
import { useChromium } from './support/fixture';

const PAYLOAD = `<svg onload=fetch('/pwned-svg')>`;
const IMG = `<img src=/pwned-img onerror=fetch('/pwned-onerror')>`;

const env = useChromium();

function payloadArticle(): string {
  const nme = manifestDocuments().find((d) => d.id === 'nme')!;
  const text = readFileSync(resolve(CORPUS_DIR, nme.file), 'utf8')
    .replace('None of that was in the script and', `None of that was in the script ${PAYLOAD} and`)
    .replace('I had a very close relationship with Jon', `I had a very close relationship with Jon ${IMG}`);
  return articlePage({ outlet: `NME ${IMG}`, title: `Moss on Mad Men ${PAYLOAD}`, text });
}

describe('Chromium: untrusted page text', () => {
  it('shows payloads in quotes as text in the hover card and the popup, and runs none of them', async () => {
    const driver = env.driver;
    const url = env.server.set('/untrusted/payload.html', payloadArticle());
    const page = await driver.open(url);
    // The payload ends up inside a highlighted quote, as text (marking runs in slices: wait for it).
    await page.waitFor(
      () => Array.from(document.querySelectorAll('mark.verbatim-quote')).some((m) => m.textContent?.includes('<svg')),
      undefined,
      15_000,
    );

    await page.hover('mark.verbatim-quote');
    await page.waitFor(() => document.querySelector('[data-verbatim-ui="card"]') !== null);
    const card = await page.readCard();
    expect(card).not.toBeNull();

    const tabId = await tabIdOf(env.session, url);
    const popup = await env.session.context.newPage();
    await popup.goto(`chrome-extension://${env.session.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-testid="quotes"] > li');
    const shown = await popup.evaluate(() => document.body.textContent ?? '');
    expect(shown).toContain(PAYLOAD);
    // Expand every row so every diff renders, then look for anything the payload could have become.
    const toggles = popup.locator('[data-testid="quotes"] > li [aria-expanded]');
    const rows = await toggles.count();
    expect(rows).toBeGreaterThan(0);
    for (let i = 0; i < rows; i++) {
      await toggles.nth(i).click();
      expect(await popup.evaluate(() => document.querySelectorAll('svg[onload], img, script:not([src])').length)).toBe(0);
    }
    expect(await popup.evaluate(() => document.body.textContent ?? '')).toContain(PAYLOAD);

    // A payload that ran would have fetched when the card or a row rendered, long before this: a request
    // the page makes now reaching the server shows that the server has had every earlier one.
    await page.eval(() => fetch('/after-checks').then((r) => r.status));
    await page.close();
    await popup.close();
    expect(env.server.requests.filter((p) => p.startsWith('/pwned'))).toEqual([]);
  });
});
