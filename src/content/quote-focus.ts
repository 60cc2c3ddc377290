/**
 * Which highlight has the keyboard focus. Alt+Shift+J / K step through the quotes in page order
 * (./keyboard.ts hears the keys) and the popup can reveal one; the focused quote gets an outline,
 * is scrolled into view and opens its card.
 */
import type { PageWatcher } from './observer';
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

export function quoteFocus(
  doc: Document,
  quotes: PlacedQuotes,
  watcher: PageWatcher,
  open: (placed: Placed, position: { index: number; count: number }) => void,
): QuoteFocus {
  /** Index into `quotes.placed`, or -1. */
  let focused = -1;

  const focus = (index: number): boolean => {
    const placed = quotes.placed[index];
    if (!placed) return false;
    watcher.quiet(() => {
      for (const m of doc.querySelectorAll(`[${FOCUS_ATTRIBUTE}]`)) m.removeAttribute(FOCUS_ATTRIBUTE);
      for (const m of placed.marks) m.setAttribute(FOCUS_ATTRIBUTE, '');
    });
    focused = index;
    placed.marks[0]?.scrollIntoView({ block: 'center', inline: 'nearest' });
    open(placed, { index, count: quotes.placed.length });
    return true;
  };

  return {
    step(direction) {
      const n = quotes.placed.length;
      if (n === 0) return;
      focus(focused < 0 ? (direction === 1 ? 0 : n - 1) : (focused + direction + n) % n);
    },
    reveal(group, index) {
      const matches = quotes.placed.map((p, i) => [p, i] as const).filter(([p]) => p.quote.group === group);
      const hit = matches[Math.min(Math.max(index, 0), matches.length - 1)];
      return hit ? focus(hit[1]) : false;
    },
    reset() {
      focused = -1;
    },
  };
}
