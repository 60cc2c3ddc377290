/** Debian's Chromium, headless, with the built extension loaded unpacked (see shared docs/e2e.md). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM } from './browsers';
import { CHROME_BUILD } from './paths';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/** `extensionDir: null` launches the same browser without the extension (baselines). */
export async function launchChromium(
  extensionDir: string | null = CHROME_BUILD,
  extraArgs: string[] = [],
  { headless = true }: { headless?: boolean } = {},
): Promise<ChromiumSession> {
  const profile = mkdtempSync(join(tmpdir(), 'verbatim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
  // An idle MV3 worker can be stopped during a test: always ask for the current handle.
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = extensionDir ? new URL((await worker()).url()).host : '';
  return {
    context,
    extensionId,
    worker,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id Chromium gave a tab, as the extension sees it (the popup takes it as `?tabId=`). */
export async function tabIdOf(session: ChromiumSession, url: string): Promise<number> {
  const worker = await session.worker();
  return worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t: { url?: string; id?: number }) => t.url === u);
    if (!tab?.id) throw new Error(`no tab for ${u}`);
    return tab.id;
  }, url);
}

export async function badgeText(session: ChromiumSession, tabId: number): Promise<string> {
  const worker = await session.worker();
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Stops the extension's MV3 service worker the way a developer would (chrome://serviceworker-internals). */
export async function stopServiceWorker(session: ChromiumSession): Promise<void> {
  const internals = await session.context.newPage();
  await internals.goto('chrome://serviceworker-internals/');
  const stop = internals.locator('cr-button[data-command="stop"]').first();
  await stop.waitFor();
  await stop.click();
  await internals.waitForFunction(() => /Running Status: STOPPED/.test(document.body.innerText), undefined, { timeout: 10_000 });
  await internals.close();
}

/**
 * Runs `fn(arg)` in the toolbar popup that `action.openPopup()` opened (a target of its own, not a tab:
 * Playwright does not list it), through CDP from `page`. Undefined while no such popup is open.
 */
export async function inToolbarPopup<T, A>(session: ChromiumSession, page: Page, fn: (arg: A) => T, arg: A): Promise<T | undefined> {
  const cdp = await session.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] };
    const popup = targetInfos.find((t) => t.url === `chrome-extension://${session.extensionId}/popup.html`);
    if (!popup) return undefined;
    // Playwright's CDP session cannot route a flattened child session: talk to the target through messages.
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false });
    const answer = new Promise<string>((resolve) => cdp.on('Target.receivedMessageFromTarget', (e) => resolve(e.message)));
    const expression = `(${fn.toString()})(${JSON.stringify(arg)})`;
    const params = { expression, returnByValue: true };
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params }) });
    const reply = JSON.parse(await answer) as { result?: { result?: { value?: T } } };
    return reply.result?.result?.value;
  } finally {
    await cdp.detach();
  }
}

/** Closes the toolbar popup, if one is open (as the reader's click elsewhere would). */
export async function closeToolbarPopup(session: ChromiumSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const popup = targetInfos.find((t) => t.url === `chrome-extension://${session.extensionId}/popup.html`);
    if (popup) await cdp.send('Target.closeTarget', { targetId: popup.targetId });
  } finally {
    await cdp.detach();
  }
}
