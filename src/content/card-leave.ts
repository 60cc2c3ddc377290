/**
 * The card closes once both the pointer and the focus have left it and the highlights (it
 * stayed open after the pointer left). A short grace lets the pointer cross the gap between a quote and
 * its card, and a quote's card stays while the keyboard is in it, wherever the pointer rests.
 */
import { MARK_SELECTOR } from './highlight';
import { ownedTimeout, type Owner } from './owner';

/** Long enough to move from a quote to its card (6 px apart), short enough to read as "it closed". */
export const LEAVE_GRACE_MS = 300;

export interface LeavingCard {
  isOpen(): boolean;
  /** True for the card's host (events from inside its closed shadow root retarget to it). */
  contains(node: EventTarget | null): boolean;
  /** True for (what is in) a mark of the quote the card shows. */
  anchors(node: EventTarget | null): boolean;
  hide(): void;
}

export function closeWhenLeft(owner: Owner, doc: Document, card: LeavingCard): void {
  const win = doc.defaultView!;
  // For the pointer any highlight counts as "in": the pointer on a quote is the hover's to handle (it opens
  // that quote's card). For the focus only the card's own quote does (Escape leaves it on a quote it opened).
  const pointerIn = (node: EventTarget | null) => card.contains(node) || Boolean((node as Element | null)?.closest?.(MARK_SELECTOR));
  const focusIn = (node: EventTarget | null) => card.contains(node) || card.anchors(node);
  let pointerWithin = false;
  let cancel: (() => void) | null = null;
  const check = () => {
    if (!card.isOpen()) return;
    cancel?.();
    cancel = ownedTimeout(
      owner,
      () => {
        cancel = null;
        if (card.isOpen() && !pointerWithin && !focusIn(doc.activeElement)) card.hide();
      },
      LEAVE_GRACE_MS,
      win,
    );
  };
  const options = { capture: true, passive: true, signal: owner.signal };
  doc.addEventListener(
    'mouseover',
    (e) => {
      pointerWithin = pointerIn(e.target);
      if (!pointerWithin) check();
    },
    options,
  );
  // Out of the window altogether (no element to go over).
  doc.addEventListener(
    'mouseout',
    (e) => {
      if (e.relatedTarget) return;
      pointerWithin = false;
      check();
    },
    options,
  );
  doc.addEventListener('focusin', check, options);
}
