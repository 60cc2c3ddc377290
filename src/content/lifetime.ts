/**
 * One highlighter per page, and none once the extension that injected it is gone. A page's script can
 * dispatch any DOM event it likes (one forged `highlighter-started` event took every mark
 * out for good), so nothing here listens to the page; only the extension can end a copy:
 *  - before it injects another copy into a frame (the popup's "analyse"), the background tells the one
 *    already there to retire, by extension messaging (`retire`, src/background/main.ts);
 *  - a copy whose extension was reloaded, updated or removed can hear no message: its port to the
 *    background disconnects and its runtime is gone (`runtime.id` undefined), so it ends itself. Chromium
 *    drops the port before it clears the id (seen in the e2e reload test), so the copy looks again a second
 *    later. Should a browser unload the copy's code before it can run, the next copy sweeps the marks
 *    (./highlighter.ts).
 * An MV3 worker that stops when idle disconnects the port too; the runtime is still there then, and the
 * port is opened again the next time the background speaks to the page (a starting worker pings every
 * open topic page). An open port does not keep the worker running (Chrome ≥ 114).
 * Ending the owner takes the marks out and stops every listener, observer and timer (./owner.ts).
 * Done by hand rather than with WXT's ContentScriptContext, whose set-up (a location watcher on the
 * Navigation API, an announce by `window.postMessage`) measured ~1.8 ms per page (docs/performance.md).
 */
import { browser } from 'wxt/browser';
import { ownedTimeout, type Owner } from './owner';

/** After the port dropped, when to look again whether the runtime went with it (ms). */
export const UNLOAD_SETTLE_MS = 1000;

/** The port's name; the background accepts it and never writes to it. */
export const LIFETIME_PORT = 'verbatim-highlighter';

interface Port {
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

type MessageListener = (message: unknown) => Promise<unknown> | undefined;

/** What a copy needs of its extension's runtime (`browser.runtime`; a fake in tests). */
export interface PageRuntime {
  readonly id?: string;
  connect(info: { name: string }): Port;
  onMessage: { addListener(listener: MessageListener): void; removeListener(listener: MessageListener): void };
}

const isRetire = (message: unknown) => (message as { type?: unknown } | null)?.type === 'retire';

export function claimPage(runtime: PageRuntime = browser.runtime as unknown as PageRuntime): Owner {
  const controller = new AbortController();
  const { signal } = controller;
  const end = () => controller.abort();
  let port: Port | null = null;

  const watch = () => {
    if (port || signal.aborted) return;
    try {
      port = runtime.connect({ name: LIFETIME_PORT });
    } catch {
      return end(); // the extension is already gone (Chromium throws "Extension context invalidated")
    }
    port.onDisconnect.addListener(() => {
      port = null;
      if (!runtime.id) return end();
      // Chromium drops the port as the extension unloads, before it clears the copy's runtime: look once more.
      ownedTimeout({ signal }, () => void (runtime.id || end()), UNLOAD_SETTLE_MS);
    });
  };
  const onMessage: MessageListener = (message) => {
    if (isRetire(message)) {
      end();
      return Promise.resolve(true);
    }
    watch(); // the background is running again: watch it again
    return undefined;
  };

  runtime.onMessage.addListener(onMessage);
  signal.addEventListener(
    'abort',
    () => {
      runtime.onMessage.removeListener(onMessage);
      port?.disconnect();
    },
    { once: true },
  );
  watch();
  return { signal };
}
