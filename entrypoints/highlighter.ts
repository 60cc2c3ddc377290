import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { claimPage } from '../src/content/lifetime';
import { runHighlighter } from '../src/content/highlighter';

// Injected by the background into pages that passed the gate (never listed in the manifest). A plain
// script, not a WXT content script: WXT's ContentScriptContext cost a page ~1.8 ms (docs/performance.md).
export default defineUnlistedScript(() => {
  const owner = claimPage(document);
  // Start in a task of its own: the injection task already pays for compiling this bundle.
  setTimeout(() => {
    if (!owner.signal.aborted) void runHighlighter(owner);
  }, 0);
});
