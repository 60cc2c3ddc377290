/**
 * One small driver over Playwright (Chromium) and Puppeteer (Firefox), so the highlighter suite
 * runs the same steps in both browsers. Extension-side steps (settings, tab state, refresh) run in the
 * Chromium service worker or in a Firefox extension page.
 */
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import type { ChromiumSession } from './chromium';
import { openExtensionPage } from './firefox-pages';
import { FIREFOX_UUID, GECKO_ID, type FirefoxSession } from './firefox';

export interface CardReading {
  speaker: string;
  source: string | null;
  outlets: number;
  text: string;
  /** The card's meaning warning (`data-testid="card-meaning"`), null when it shows none. */
  meaning: string | null;
}

export interface TabView {
  badge: string;
  quotes: { group: string }[] | null;
  timings: Record<string, number> | null;
  /** What learning did with the page (`TabState.learning`), when it tried. */
  learning: { status: string; id?: string; reason?: string } | null;
}

export interface TestPage {
  url: string;
  eval<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  waitFor<A>(fn: (arg: A) => unknown, arg?: A, timeout?: number): Promise<void>;
  hover(selector: string): Promise<void>;
  /** Keys as `Alt+Shift+KeyJ` or `Escape`. */
  press(keys: string): Promise<void>;
  tab(): Promise<TabView>;
  /** Flips the per-site switch the way the popup does: write settings, then `refresh` the tab. */
  setHighlights(on: boolean): Promise<void>;
  /** Reads the hover card inside its closed shadow root (null when no card is open). */
  readCard(): Promise<CardReading | null>;
  close(): Promise<void>;
}

export interface Driver {
  browser: 'chromium' | 'firefox';
  /** What the extension could be called in event names a page makes up (`runtime.id`, and the origin's host). */
  extensionIds: string[];
  open(url: string): Promise<TestPage>;
  /** The background's view of the tab showing `url` (its badge and stored state), for pages opened any way. */
  tab(url: string): Promise<TabView>;
  /** Runs `fn` in an extension page (messages to the background, storage, tabs), then closes it. */
  extension<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /**
   * Opens the popup for the tab showing `url` (as a page, `popup.html?tabId=N`: opening it is the reader
   * acting on that tab), waits until it has rendered, runs `read` in it, and closes it.
   */
  popup<T>(url: string, read: () => T | Promise<T>): Promise<T>;
}

/** The per-site switch only: the rest of the stored settings (learning off in tests, say) stays as it is. */
const settingsWith = (on: boolean, host: string) => ({ highlightsOffOn: on ? [] : [host] });

/** Runs in an extension context: tab id, badge and stored state of the tab showing `url`. */
async function extensionSide(arg: { url: string; settings?: unknown; refresh?: boolean }): Promise<TabView & { tabId: number }> {
  const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
  const tabs = await api.tabs.query({});
  const tab = tabs.find((t: { url?: string }) => t.url === arg.url);
  if (!tab?.id) throw new Error(`no tab for ${arg.url}`);
  if (arg.settings) {
    const stored = ((await api.storage.local.get('settings'))['settings'] ?? {}) as Record<string, unknown>;
    await api.storage.local.set({ settings: { version: 2, ...stored, ...(arg.settings as Record<string, unknown>) } });
  }
  if (arg.refresh) await api.tabs.sendMessage(tab.id, { type: 'refresh' }, { frameId: 0 });
  const action = (api as unknown as { browserAction?: typeof chrome.action }).browserAction ?? api.action;
  const stored = (await api.storage.session.get(`tab:${tab.id}`))[`tab:${tab.id}`] as
    { analysis: { quotes: { group: string }[] }; timings?: Record<string, number>; learning?: TabView['learning'] } | undefined;
  return {
    tabId: tab.id,
    badge: await action.getBadgeText({ tabId: tab.id }),
    quotes: stored ? stored.analysis.quotes.map((q) => ({ group: q.group })) : null,
    timings: stored?.timings ?? null,
    learning: stored?.learning ?? null,
  };
}

export type CdpNode = {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
};

export function attr(node: CdpNode, name: string): string | null {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1]!;
  return null;
}
export function find(node: CdpNode, pred: (n: CdpNode) => boolean): CdpNode | null {
  if (pred(node)) return node;
  for (const c of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const hit = find(c, pred);
    if (hit) return hit;
  }
  return null;
}
function textOf(node: CdpNode | null): string {
  if (!node) return '';
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeName === 'STYLE') return '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join('');
}

export function chromiumDriver(session: ChromiumSession): Driver {
  const origin = `chrome-extension://${session.extensionId}`;
  return {
    browser: 'chromium',
    extensionIds: [session.extensionId],
    tab: async (url) => (await session.worker()).evaluate(extensionSide, { url }),
    async extension(fn, arg) {
      const page = await session.context.newPage();
      try {
        await page.goto(`${origin}/popup.html?tabId=999999`);
        await page.waitForSelector('#app[data-ready]');
        return (await page.evaluate(fn as never, arg)) as never;
      } finally {
        await page.close();
      }
    },
    async popup(url, read) {
      const { tabId } = await (await session.worker()).evaluate(extensionSide, { url });
      const page = await session.context.newPage();
      try {
        await page.goto(`${origin}/popup.html?tabId=${tabId}`);
        await page.waitForSelector('#app[data-ready]');
        return (await page.evaluate(read as never)) as never;
      } finally {
        await page.close();
      }
    },
    async open(url) {
      const page: PwPage = await session.context.newPage();
      await page.goto(url);
      const ext = async (extra: { settings?: unknown; refresh?: boolean } = {}) =>
        (await session.worker()).evaluate(extensionSide, { url: page.url(), ...extra });
      return {
        url,
        eval: (fn, arg) => page.evaluate(fn as never, arg),
        waitFor: async (fn, arg, timeout = 10_000) => {
          await page.waitForFunction(fn as never, arg, { timeout });
        },
        hover: (selector) => page.hover(selector),
        press: (keys) => page.keyboard.press(keys),
        tab: () => ext(),
        setHighlights: async (on) => {
          await ext({ settings: settingsWith(on, new URL(url).hostname), refresh: true });
        },
        readCard: async () => {
          // CDP sees closed shadow roots (pierce), which page scripts cannot.
          const cdp = await session.context.newCDPSession(page);
          const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
          await cdp.detach();
          const host = find(root, (n) => attr(n, 'data-verbatim-ui') === 'card');
          const card = host && find(host, (n) => n.nodeName === 'SECTION');
          if (!card) return null;
          const byId = (id: string) => find(card, (n) => attr(n, 'data-testid') === id);
          const outlets = byId('card-outlets');
          return {
            speaker: textOf(byId('card-speaker')),
            source: byId('card-source') ? textOf(byId('card-source')) : null,
            outlets: Number(outlets ? attr(outlets, 'data-count') : NaN),
            meaning: byId('card-meaning') ? textOf(byId('card-meaning')) : null,
            text: textOf(card),
          };
        },
        close: () => page.close(),
      };
    },
  };
}

export function firefoxDriver(session: FirefoxSession): Driver {
  const inExtension = async (arg: { url: string; settings?: unknown; refresh?: boolean }) => {
    const probe = await openExtensionPage(session.browser, '/popup.html', 'main');
    try {
      return await probe.evaluate(extensionSide, arg);
    } finally {
      await probe.close();
    }
  };
  return {
    browser: 'firefox',
    extensionIds: [GECKO_ID, FIREFOX_UUID],
    tab: (url) => inExtension({ url }),
    async extension(fn, arg) {
      const page = await openExtensionPage(session.browser, '/popup.html?tabId=999999', '#app[data-ready]');
      try {
        return (await page.evaluate(fn as never, arg)) as never;
      } finally {
        await page.close();
      }
    },
    async popup(url, read) {
      const { tabId } = await inExtension({ url });
      const page = await openExtensionPage(session.browser, `/popup.html?tabId=${tabId}`, '#app[data-ready]');
      try {
        return (await page.evaluate(read as never)) as never;
      } finally {
        await page.close();
      }
    },
    async open(url) {
      const page: PpPage = await session.browser.newPage();
      await page.goto(url);
      const ext = (extra: { settings?: unknown; refresh?: boolean } = {}) => inExtension({ url: page.url(), ...extra });
      return {
        url,
        eval: (fn, arg) => page.evaluate(fn as never, arg) as never,
        waitFor: async (fn, arg, timeout = 10_000) => {
          await page.waitForFunction(fn as never, { timeout, polling: 50 }, arg);
        },
        hover: (selector) => page.hover(selector),
        press: async (keys) => {
          const parts = keys.split('+');
          const key = parts.pop()!;
          for (const m of parts) await page.keyboard.down(m as never);
          await page.keyboard.press(key as never);
          for (const m of parts.reverse()) await page.keyboard.up(m as never);
        },
        tab: () => ext(),
        setHighlights: async (on) => {
          await ext({ settings: settingsWith(on, new URL(url).hostname), refresh: true });
        },
        readCard: async () => {
          // Page scripts cannot enter a closed shadow root; Firefox's find-in-page can, so the test
          // checks the card's rendered text through it (the host itself is in the light DOM).
          return page.evaluate(() => {
            if (!document.querySelector('[data-verbatim-ui="card"]')) return null;
            const finds = (text: string) => {
              getSelection()?.removeAllRanges();
              return (window as unknown as { find(s: string, cs: boolean): boolean }).find(text, true);
            };
            let outlets = NaN;
            for (let n = 1; n <= 20; n++) if (finds(`Carried by ${n} corpus outlets`)) outlets = n;
            getSelection()?.removeAllRanges();
            // The warning's fixed words, found the same way (its full text is read in Chromium).
            const meaning = finds('Meaning differs from') ? 'Meaning differs from' : null;
            getSelection()?.removeAllRanges();
            return { speaker: '', source: null, outlets, text: '', meaning };
          });
        },
        close: () => page.close(),
      };
    },
  };
}
