/**
 * The set-up every e2e file shares: a browser with the built extension, a page server on 127.0.0.1 and
 * the bundled pack, started before the file's tests and closed after them. Call it once at the top of a
 * file (or of a `describe`); the fields are filled in `beforeAll`, and reading them earlier throws.
 *
 *   const env = useChromium();                    // env.session, env.server, env.pack, env.driver
 *   const env = useChromium({ args: ['--host-resolver-rules=MAP * 127.0.0.1'] });   // extra flags
 *   const env = useChromium({ startBrowser: false });   // no browser before the tests, then in a test:
 *   const baseline = await env.launch({ extension: false, args: [...] });  // baselines, second profiles…
 *   const env = useFirefox();                     // the same over Firefox ESR
 *
 * Every browser `launch` starts is closed after the file at the latest; closing one earlier (to read what
 * it wrote on exit, like a NetLog) is fine.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Pack } from '../../../src/engine/types';
import { bundledPack } from '../../support/corpus';
import { launchChromium, type ChromiumSession } from './chromium';
import { launchFirefox, type FirefoxSession } from './firefox';
import { chromiumDriver, firefoxDriver, type Driver } from './page-driver';
import { openExtensionPage } from './firefox-pages';
import { CHROME_BUILD, FIREFOX_BUILD } from './paths';
import { startServer, type PageServer } from './server';

export interface LaunchOptions {
  /** false: the same browser without Verbatim (a baseline). Default true. */
  extension?: boolean;
  /** Extra command-line flags (Chromium). */
  args?: string[];
  /**
   * Learning as you read (on by default in the product). Off by default here: a test about the bundled
   * corpus must not find its own earlier pages in it. The learning tests switch it on.
   */
  learning?: boolean;
}

export interface FixtureOptions extends LaunchOptions {
  /** false: start no browser before the tests; they call `launch` for each one they need. Default true. */
  startBrowser?: boolean;
}

export interface BrowserFixture<S> {
  /** The browser started for the file (with `startBrowser: false`, there is none). */
  readonly session: S;
  /** The same steps over either browser (./page-driver.ts), on `session`. */
  readonly driver: Driver;
  readonly server: PageServer;
  readonly pack: Pack;
  /** Another browser, closed after the file at the latest. */
  launch(options?: LaunchOptions): Promise<S>;
}

export type ChromiumFixture = BrowserFixture<ChromiumSession>;
export type FirefoxFixture = BrowserFixture<FirefoxSession>;

/** Runs in an extension context: learning on or off in the stored settings, the rest left as it is. */
async function setLearning(learning: boolean): Promise<void> {
  const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
  const stored = ((await api.storage.local.get('settings'))['settings'] ?? {}) as Record<string, unknown>;
  await api.storage.local.set({ settings: { version: 2, ...stored, learning } });
}

export function useChromium(options: FixtureOptions = {}): ChromiumFixture {
  return useBrowser(options, chromiumDriver, async ({ extension = true, args = [], learning = false }) => {
    const session = await launchChromium(extension ? CHROME_BUILD : null, args);
    if (extension) await (await session.worker()).evaluate(setLearning, learning);
    return session;
  });
}

export function useFirefox(options: FixtureOptions = {}): FirefoxFixture {
  return useBrowser(options, firefoxDriver, async ({ extension = true, args = [], learning = false }) => {
    if (args.length) throw new Error('useFirefox: extra flags are not supported');
    const session = await launchFirefox(extension ? FIREFOX_BUILD : null);
    if (extension) {
      const page = await openExtensionPage(session.browser, '/popup.html?tabId=999999', '#app[data-ready]');
      await page.evaluate(setLearning, learning);
      await page.close();
    }
    return session;
  });
}

function useBrowser<S extends { close(): Promise<void> }>(
  { startBrowser = true, ...first }: FixtureOptions,
  driverOf: (session: S) => Driver,
  start: (options: LaunchOptions) => Promise<S>,
): BrowserFixture<S> {
  let session: S | undefined;
  let server: PageServer | undefined;
  let pack: Pack | undefined;
  const open = new Set<S>();

  const launch = async (options: LaunchOptions = {}): Promise<S> => {
    const started = await start(options);
    let closing: Promise<void> | undefined;
    const tracked: S = {
      ...started,
      close: () => {
        open.delete(tracked);
        return (closing ??= started.close());
      },
    };
    open.add(tracked);
    return tracked;
  };

  // Each part is kept as soon as it is up, so `afterAll` closes what started even when another part failed.
  beforeAll(async () => {
    await Promise.all([
      startServer().then((s) => (server = s)),
      bundledPack().then((p) => (pack = p)),
      startBrowser ? launch(first).then((s) => (session = s)) : undefined,
    ]);
  });
  afterAll(async () => {
    await Promise.all([...open].map((s) => s.close()));
    await server?.close();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`e2e fixture: no ${what} (read before beforeAll ran, beforeAll failed, or startBrowser: false)`);
    return value;
  };
  return {
    get session() {
      return ready(session, 'browser');
    },
    get driver() {
      return driverOf(ready(session, 'browser'));
    },
    get server() {
      return ready(server, 'page server');
    },
    get pack() {
      return ready(pack, 'pack');
    },
    launch,
  };
}
