/**
 * One highlighter per page. A copy injected later (the popup's "analyse", an updated or reloaded
 * extension) announces itself with a DOM event before it starts; the copy already there hears it and
 * ends its owner, which takes its marks out and stops its listeners, observers and timers
 * (src/content/owner.ts). DOM events cross content-script worlds, so this works across versions too.
 * Done by hand rather than with WXT's ContentScriptContext, whose set-up (a location watcher on the
 * Navigation API, an announce by `window.postMessage`) measured ~1.8 ms per page (docs/performance.md).
 */
import { browser } from 'wxt/browser';
import type { Owner } from './owner';

export function startedEvent(): string {
  return `verbatim:${browser.runtime?.id ?? ''}:highlighter-started`;
}

export function claimPage(doc: Document, event: string = startedEvent()): Owner {
  const controller = new AbortController();
  // Announce first, listen second: this copy never hears its own announcement.
  doc.dispatchEvent(new CustomEvent(event));
  doc.addEventListener(event, () => controller.abort(), { once: true, signal: controller.signal });
  return { signal: controller.signal };
}
