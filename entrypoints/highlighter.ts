import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { listen } from '../src/shared/messages';
import { claimPage } from '../src/content/lifetime';
import { onDispose } from '../src/content/owner';
import { runHighlighter } from '../src/content/highlighter';

// Injected by the background into pages that passed the gate (never listed in the manifest). A plain
// script, not a WXT content script: WXT's ContentScriptContext cost a page ~1.8 ms (docs/performance.md).
export default defineUnlistedScript(() => {
  const owner = claimPage();
  // Answers the background's "is a highlighter running here?" from the moment the script ran, so a check
  // right after the injection (src/background/tab-gate.ts) never mistakes a starting copy for none.
  const answerPing = (message: unknown) => ((message as { type?: unknown } | null)?.type === 'ping' ? Promise.resolve(true) : undefined);
  onDispose(owner, listen(answerPing));
  // Start in a task of its own: the injection task already pays for compiling this bundle.
  setTimeout(() => {
    if (!owner.signal.aborted) void runHighlighter(owner);
  }, 0);
});
