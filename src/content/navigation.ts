/**
 * Single-page sites change article without a page load. A page that failed the gate keeps exactly one
 * cheap listener: the background relays the tab's URL changes (`tabs.onUpdated`, see
 * src/background/main.ts) as a `navigated` message, and only then does the gate look again — no timer
 * and no observer run on pages that are not about the topic. The new article's text may arrive after
 * the URL changes, so the gate looks at once and twice more shortly after (bounded, not polling).
 */
import { browser } from 'wxt/browser';
import type { TabRequest } from '../messages';
import type { Owner } from './owner';

/** Delays (ms) after a URL change at which the gate looks again. */
export const RECHECK_AFTER = [0, 400, 1200];

export function onNavigation(owner: Owner, recheck: () => boolean, win: Window = window): void {
  let lastUrl = win.location.href.split('#')[0];
  let timers: number[] = [];
  const clear = () => {
    for (const id of timers) win.clearTimeout(id);
    timers = [];
  };
  const listener = (message: unknown): undefined => {
    if ((message as TabRequest | undefined)?.type !== 'navigated') return undefined;
    const url = win.location.href.split('#')[0];
    if (url === lastUrl) return undefined; // a hash change is not a new article
    lastUrl = url;
    clear();
    timers = RECHECK_AFTER.map((ms) =>
      win.setTimeout(() => {
        if (!owner.signal.aborted && recheck()) clear();
      }, ms),
    );
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  owner.signal.addEventListener('abort', () => {
    clear();
    browser.runtime.onMessage.removeListener(listener);
  }, { once: true });
}
