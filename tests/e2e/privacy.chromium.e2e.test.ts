/**
 * Privacy: a browsing session with Verbatim loaded makes no network request that the same session
 * without it does not make. Every request the browser makes is recorded with Chromium's NetLog
 * (service worker, content scripts and extension pages included), not only what pages report.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unrelatedPage } from '../support/article-page';
import { corpusArticlePage, manifestDocuments } from '../support/corpus';
import { tabIdOf } from './support/chromium';
import { useChromium } from './support/fixture';
import { chromiumDriver } from './support/page-driver';
import { untilReported } from './support/waits';

/** No browser before the test: it starts one without Verbatim (the baseline), then one with it. */
const env = useChromium({ startBrowser: false });

/** The URL of every request job (one per request, redirects included) in a NetLog file. */
function requestedUrls(netLogPath: string): string[] {
  const log = JSON.parse(readFileSync(netLogPath, 'utf8')) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: unknown } }[];
  };
  const startJob = log.constants.logEventTypes['URL_REQUEST_START_JOB'];
  return log.events
    .filter((e) => e.type === startJob)
    .map((e) => e.params?.url)
    .filter((u): u is string => typeof u === 'string');
}

/** Browses every corpus article and an unrelated page, opening the popup for each; returns the URLs requested. */
async function browse(withExtension: boolean): Promise<string[]> {
  const netLog = join(mkdtempSync(join(tmpdir(), 'verbatim-netlog-')), 'net.json');
  // Learning on, as readers have it: reading and keeping articles must not send anything either.
  const session = await env.launch({
    extension: withExtension,
    learning: true,
    args: [`--log-net-log=${netLog}`, '--net-log-capture-mode=Default'],
  });
  const { server } = env;
  const pages = [
    ...manifestDocuments().map((d) => server.set(`/privacy/${d.id}.html`, corpusArticlePage(d))),
    server.set('/privacy/other.html', unrelatedPage()),
  ];
  for (const url of pages) {
    const page = await session.context.newPage();
    await page.goto(url);
    // On an article, Verbatim's whole pass (analysis in the background, marking, the report back). The
    // unrelated page gets nothing to wait for: the gate turns it down from its title alone, and a control
    // page here would add requests of the test's own to the log.
    if (withExtension && !url.endsWith('other.html')) await untilReported(chromiumDriver(session), url);
    if (withExtension) {
      const popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${await tabIdOf(session, url)}`);
      await popup.waitForSelector('[data-testid="status"]');
      await popup.close();
    }
    await page.close();
  }
  await session.close(); // Chromium finishes the NetLog file on exit
  return requestedUrls(netLog);
}

const external = (urls: string[], origin: string) =>
  new Set(
    urls.filter((u) => !u.startsWith(origin) && !/^(chrome-extension|chrome|data|blob|about):/.test(u)).map((u) => new URL(u).origin),
  );

describe('Chromium: privacy', () => {
  it('adds no network request of its own to a browsing session', async () => {
    const { origin } = env.server;
    const baseline = await browse(false);
    const withVerbatim = await browse(true);
    expect(withVerbatim.some((u) => u.startsWith(`${origin}/privacy/`))).toBe(true);
    const added = [...external(withVerbatim, origin)].filter((o) => !external(baseline, origin).has(o));
    expect(added).toEqual([]);
    // The extension fetches nothing from the served site either: only the pages the test opened.
    const served = new Set(withVerbatim.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname));
    for (const path of served) expect(path).toMatch(/^\/privacy\/[\w-]+\.html$|^\/favicon\.ico$/);
  });
});
