/**
 * Single-page sites change article without a page load. A page that failed the gate keeps no listener,
 * no timer and no observer: it only leaves a function on its (isolated-world) global. The background,
 * which hears the tab's URL changes anyway (`tabs.onUpdated`, src/background/main.ts), calls it with
 * `scripting.executeScript`; only then does the gate look again. The new article's text may arrive after
 * the URL changes, so the gate looks at once and twice more shortly after (bounded, not polling).
 *
 * Why not a `runtime.onMessage` listener: in Chromium, merely touching `chrome.runtime` in a content
 * script instantiates the extension API bindings for the page's isolated world, which measured
 * ~1.8 ms of script time per page — more than the whole 0.5 ms budget (docs/performance.md).
 *
 * No WXT import here: this is part of the plain gate script (src/content/gate-main.ts).
 */

/** Delays (ms) after a URL change at which the gate looks again. */
export const RECHECK_AFTER = [0, 400, 1200];

/** The global the background calls after a URL change (see `recheckGate` in src/background/main.ts). */
export const RECHECK_HOOK = '__verbatimGateRecheck';

type HookHolder = Record<string, (() => void) | undefined>;

/** Leaves the re-check hook; it is removed once `recheck` returns true (the highlighter takes over). */
export function onNavigation(recheck: () => boolean, win: Window = window, holder: object = globalThis): void {
  const global = holder as HookHolder;
  // `document.URL`, not `location.href`: the gate already touched Document; Location would be one more
  // DOM interface set up in the isolated world on every page (docs/performance.md).
  // Kept whole here and cut at '#' only when the hook runs: this line runs on every page.
  let lastUrl = win.document.URL;
  let timers: number[] = [];
  const clear = () => {
    for (const id of timers) win.clearTimeout(id);
    timers = [];
  };
  global[RECHECK_HOOK] = () => {
    const url = win.document.URL.split('#')[0]!;
    if (url === lastUrl.split('#')[0]) return; // a hash change is not a new article (nor is the load the gate already saw)
    lastUrl = url;
    clear();
    timers = RECHECK_AFTER.map((ms) =>
      win.setTimeout(() => {
        if (recheck()) {
          clear();
          delete global[RECHECK_HOOK];
        }
      }, ms),
    );
  };
}
