/**
 * The gate as it runs on every http(s) page: a plain script (built as a WXT *unlisted* script,
 * entrypoints/gate.ts, and listed in the manifest's `content_scripts` by wxt.config.ts), not a WXT
 * content script: WXT's content-script wrapper (ContentScriptContext) touches `browser.runtime` at once,
 * and touching `chrome.runtime` at all costs a page ~1.8 ms in Chromium (the API bindings are set up for
 * the isolated world on first use); the target for a page with no topic signal is 0.5 ms
 * (docs/performance.md). So: no WXT runtime, no polyfill, and `runtime.sendMessage` of the browser's own
 * API object only on a page that passed; a page that fails never touches an extension API
 * (see src/content/navigation.ts for how SPA navigations still reach it).
 */
import gate from 'virtual:verbatim-gate';
import { gateMatcher, mayMention, passesGate } from './gate';
import { onNavigation } from './navigation';

interface RuntimeLike {
  id?: string;
  sendMessage(message: unknown): Promise<unknown> | void;
}

/** Firefox's promise-based `browser`, else Chrome's `chrome` (MV3: promise-based too). */
function runtime(): RuntimeLike | null {
  const g = globalThis as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
  const api = g.browser?.runtime?.id ? g.browser.runtime : g.chrome?.runtime;
  return api?.id ? api : null;
}

export function runGate(): void {
  let matchers: [ReturnType<typeof gateMatcher>, ReturnType<typeof gateMatcher>] | null = null;
  let activated = false;
  const check = (): boolean => {
    if (activated) return true;
    if (!mayMention(document, gate.leads)) return false;
    matchers ??= [gateMatcher(gate.terms), gateMatcher(gate.hints)];
    if (!passesGate(matchers[0], matchers[1])) return false;
    activated = true;
    try {
      // The background injects the highlighter (src/background/main.ts, `activate`).
      void Promise.resolve(runtime()?.sendMessage({ type: 'activate' })).catch(() => undefined);
    } catch {
      // The extension was reloaded or removed: this copy has nobody to talk to.
    }
    return true;
  };
  if (!check()) onNavigation(check);
}
