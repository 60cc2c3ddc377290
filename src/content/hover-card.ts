/**
 * The hover card: a pause on a highlight opens the card for its quote. The card's details (every
 * outlet's wording) stay in the background and are asked for (`card-details`) the first time a quote's
 * card opens after each analysis.
 */
import { send, type CardDetails, type QuoteSpan } from '../shared/messages';
import { DEFAULT_SHORTCUTS, type StepShortcuts } from '../shared/shortcuts';
import type { Card } from './card/card';
import { closeWhenLeft } from './card-leave';
import { MARK_SELECTOR } from './highlight';
import { ownedTimeout, type Owner } from './owner';
import type { Placed, PlacedQuotes } from './page-marks';
import type { QuotePosition } from './quote-focus';

/** A short delay: the card should answer a pause on a quote, not a mouse passing over it. */
const HOVER_DELAY_MS = 150;

export interface QuoteCard {
  /**
   * Shows the card for a placed quote once its details are in, unless another was asked for or it was hidden
   * meanwhile; `position` when the reader stepped to it; `takeFocus` (from the keyboard) moves the focus into it.
   */
  open(placed: Placed, position?: QuotePosition, takeFocus?: boolean): void;
  hide(): void;
  isOpen(): boolean;
  /** Card details belong to an analysis: after a new one they are asked for again. */
  newAnalysis(): void;
}

export function hoverCard(
  owner: Owner,
  doc: Document,
  quotes: PlacedQuotes,
  card: Card,
  shortcuts: () => StepShortcuts = () => DEFAULT_SHORTCUTS,
): QuoteCard {
  /** What the hover card showed for each quote (asked of the background on first hover). */
  const details = new Map<string, Promise<CardDetails | null>>();
  /** The card request the reader is waiting for; older answers are dropped. */
  let request = 0;
  let cancelHover: (() => void) | null = null;

  const detailsOf = (span: QuoteSpan): Promise<CardDetails | null> => {
    const key = `${span.group}:${span.start}:${span.end}`;
    let asked = details.get(key);
    if (!asked) {
      asked = send({ type: 'card-details', span: { start: span.start, end: span.end, group: span.group } }).catch(() => null);
      // A miss (e.g. the background restarted and lost a sub-frame's analysis) is asked again next time.
      void asked.then((d) => d ?? details.delete(key));
      details.set(key, asked);
    }
    return asked;
  };

  const open = (placed: Placed, position?: QuotePosition, takeFocus = false): void => {
    const current = ++request;
    void detailsOf(placed.quote).then((found) => {
      if (!found || current !== request || !quotes.isPlaced(placed)) return;
      card.show({ ...found, ...(position ? { position } : {}), shortcuts: shortcuts() }, placed.marks, async () => {
        try {
          return (await send({ type: 'open-popup', group: placed.quote.group })).opened;
        } catch {
          return false;
        }
      });
      if (takeFocus) card.focus();
    });
  };

  doc.addEventListener(
    'mouseover',
    (e) => {
      const mark = (e.target as Element | null)?.closest?.(MARK_SELECTOR);
      const placed = mark ? quotes.quoteOf(mark) : null;
      cancelHover?.();
      if (!placed) return;
      cancelHover = ownedTimeout(owner, () => open(placed), HOVER_DELAY_MS, doc.defaultView!);
    },
    { passive: true, signal: owner.signal },
  );
  closeWhenLeft(owner, doc, card);

  return {
    open,
    hide() {
      request++;
      card.hide();
    },
    isOpen: () => card.isOpen(),
    newAnalysis: () => details.clear(),
  };
}
