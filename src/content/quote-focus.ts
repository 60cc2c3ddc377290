/**
 * Which highlight has the keyboard focus. Alt+Shift+J / K step through the quotes in page order
 * (./keyboard.ts hears the keys) and the popup can reveal one; the focused quote gets one outline around
 * all its marks (./focus-ring.ts), is scrolled into view and opens its card. A step from the keyboard
 * also moves the browser's focus: to the quote's first mark (focusable while it has the keyboard), then
 * into the card, which gives it back to the quote on Escape (./card/card.ts).
 */
import { focusRing } from './focus-ring';
import type { PageWatcher } from './observer';
import type { Owner } from './owner';
import type { Placed, PlacedQuotes } from './page-marks';
import { FOCUS_ATTRIBUTE } from './styles';

export interface QuoteFocus {
  /** To the next (1) or previous (-1) quote, wrapping around; from none, to the first or the last. */
  step(direction: 1 | -1): void;
  /** The `index`-th highlight of `group` in page order (clamped to the ones there are); false when there is none. */
  reveal(group: string, index: number): boolean;
  /** The marked quotes changed: no quote has the focus for stepping any more. */
  reset(): void;
}

/** Where a quote stands among the page's quotes ("Quote 3 of 11" on its card). */
export interface QuotePosition {
  index: number;
  count: number;
}

/** `open(placed, position, fromKeyboard)` shows the quote's card; from the keyboard, the card takes the focus. */
export function quoteFocus(
  owner: Owner,
  doc: Document,
  quotes: PlacedQuotes,
  watcher: PageWatcher,
  open: (placed: Placed, position: QuotePosition, fromKeyboard: boolean) => void,
): QuoteFocus {
  /** Index into `quotes.placed`, or -1. */
  let focused = -1;
  const ring = focusRing(owner, doc);

  const focus = (index: number, fromKeyboard: boolean): boolean => {
    const placed = quotes.placed[index];
    if (!placed) return false;
    watcher.quiet(() => {
      for (const m of doc.querySelectorAll(`[${FOCUS_ATTRIBUTE}]`)) {
        m.removeAttribute(FOCUS_ATTRIBUTE);
        m.removeAttribute('tabindex');
      }
      for (const m of placed.marks) m.setAttribute(FOCUS_ATTRIBUTE, '');
    });
    focused = index;
    const first = placed.marks[0];
    first?.scrollIntoView({ block: 'center', inline: 'nearest' });
    ring.show(placed.marks);
    if (fromKeyboard && first) {
      first.tabIndex = -1; // focusable by script, never a Tab stop of the page's
      first.focus({ preventScroll: true });
    }
    open(placed, { index, count: quotes.placed.length }, fromKeyboard);
    return true;
  };

  return {
    step(direction) {
      const n = quotes.placed.length;
      if (n === 0) return;
      focus(focused < 0 ? (direction === 1 ? 0 : n - 1) : (focused + direction + n) % n, true);
    },
    reveal(group, index) {
      const matches = quotes.placed.map((p, i) => [p, i] as const).filter(([p]) => p.quote.group === group);
      const hit = matches[Math.min(Math.max(index, 0), matches.length - 1)];
      return hit ? focus(hit[1], false) : false;
    },
    reset() {
      focused = -1;
      ring.hide();
    },
  };
}
