/**
 * Highlights follow the page's theme: a mark's tone (./styles.ts) is read from the colour
 * behind it when it is placed, and a site's theme switch turns the page dark afterwards (seen: light marks
 * under light text, 1.04:1). Theme switches change a class or attribute on <html> or <body>, or follow the
 * system's colour scheme, so those are all that is watched, as Dark Reader does: an attribute observer on
 * two elements (no subtree) and one media query, idle on a page that never changes them. On a change the
 * marks are re-toned on the next frame, and once more when a theme that fades its colours in has settled
 * (a colour read mid-transition is still the old one).
 */
import { onDispose, ownedTimeout, type Owner } from './owner';

/** Longer than the colour transitions sites give their theme switches (0.2–0.5 s), well within a second. */
export const THEME_SETTLE_MS = 600;

/** Calls `retone` after each theme change of `doc` until the owner ends. */
export function followTheme(owner: Owner, doc: Document, retone: () => void, win: Window = doc.defaultView!): void {
  let frame = 0;
  let cancelSettled: (() => void) | null = null;
  const changed = () => {
    frame ||= win.requestAnimationFrame(() => {
      frame = 0;
      retone();
    });
    cancelSettled?.();
    cancelSettled = ownedTimeout(owner, retone, THEME_SETTLE_MS, win);
  };
  const observer = new (win as Window & typeof globalThis).MutationObserver(changed);
  for (const el of [doc.documentElement, doc.body]) if (el) observer.observe(el, { attributes: true });
  win.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', changed, { signal: owner.signal });
  onDispose(owner, () => {
    observer.disconnect();
    if (frame) win.cancelAnimationFrame(frame);
  });
}
