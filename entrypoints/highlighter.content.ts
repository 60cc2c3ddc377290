import { defineContentScript } from 'wxt/utils/define-content-script';
import { runHighlighter } from '../src/content/highlighter';

// Injected by the background into pages that passed the gate (never listed in the manifest).
// `ctx` ends every listener, observer and timer when the extension reloads or a newer copy starts.
export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  // WXT's legacy `window.postMessage` announcing the script measured ~11 ms of page script time per
  // injection in Chromium (bench/page-cost.bench.ts); the DOM custom event WXT also sends is enough.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Start in a task of its own: the injection task already pays for compiling this bundle, and on a
    // cold page the two together measured over 50 ms (tests/e2e/hostile.chromium.e2e.test.ts).
    ctx.setTimeout(() => void runHighlighter(ctx), 0);
  },
});
