/**
 * The hover/focus card. One host element (`data-verbatim-ui`, so the text map skips it) is appended to
 * <html>, not <body>: the body's markup stays exactly the page's. Its closed shadow root holds the
 * card and its styles, out of reach of page CSS and scripts. The card follows scrolling, closes on
 * Escape and on a click elsewhere, and sits above or below the quote's lines, never over them. Opened from
 * the keyboard it takes the focus (its first control), and Escape gives the focus back to the quote.
 */
import { onDispose, type Owner } from '../owner';
import { cardContent, CARD_CSS, type CardQuote } from './view';
import { placeCard, unionOf } from './position';

export interface Card {
  show(quote: CardQuote, marks: HTMLElement[], onCompare: () => Promise<boolean>): void;
  /** Moves the focus into the open card, to its first control (it was opened from the keyboard). */
  focus(): void;
  hide(): void;
  isOpen(): boolean;
  /** True when `node` is the card's host (events from inside a closed shadow root retarget to it). */
  contains(node: EventTarget | null): boolean;
  /** True when `node` is (in) a mark of the quote the card is showing. */
  anchors(node: EventTarget | null): boolean;
}

export function createCard(owner: Owner, doc: Document = document): Card {
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let anchor: HTMLElement[] = [];
  let frame = 0;
  const win = doc.defaultView!;

  const ensureHost = () => {
    if (host && root) return { host, root };
    host = doc.createElement('div');
    host.setAttribute('data-verbatim-ui', 'card');
    // Inline and !important: page rules for `div` must not move or hide the host.
    for (const [prop, value] of [
      ['all', 'initial'],
      ['position', 'fixed'],
      ['z-index', '2147483647'],
      ['top', '0'],
      ['left', '0'],
      ['display', 'block'],
      ['visibility', 'visible'],
      ['opacity', '1'],
      ['pointer-events', 'auto'],
    ] as const)
      host.style.setProperty(prop, value, 'important');
    root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    root.appendChild(style);
    return { host, root };
  };

  const place = () => {
    frame = 0;
    if (!host || !root || anchor.length === 0) return;
    const rects = anchor.flatMap((m) => Array.from(m.getClientRects()));
    const union = unionOf(rects);
    const card = root.querySelector('.card') as HTMLElement | null;
    if (!union || !card || !anchor.some((m) => m.isConnected)) return hide();
    const size = card.getBoundingClientRect();
    const at = placeCard(union, size, { width: win.innerWidth, height: win.innerHeight });
    host.style.setProperty('top', `${Math.round(at.top)}px`, 'important');
    host.style.setProperty('left', `${Math.round(at.left)}px`, 'important');
    host.setAttribute('data-side', at.side);
  };
  const schedule = () => {
    if (host?.isConnected && !frame) frame = win.requestAnimationFrame(place);
  };

  const hide = () => {
    anchor = [];
    host?.remove();
  };

  const show: Card['show'] = (quote, marks, onCompare) => {
    const { host: h, root: r } = ensureHost();
    anchor = marks;
    const content = cardContent(quote, () => {
      void onCompare().then((opened) => {
        const hint = content.querySelector('.hint') as HTMLElement | null;
        if (!opened && hint) hint.hidden = false;
      });
    });
    r.querySelector('.card')?.remove();
    r.appendChild(content);
    if (!h.isConnected) doc.documentElement.appendChild(h);
    place();
  };

  const focus = () => {
    if (host?.isConnected) root?.querySelector<HTMLElement>('.card button, .card [href], .card [tabindex]')?.focus({ preventScroll: true });
  };

  /** Back to the quote the card was for (a mark is focusable by script only, never a Tab stop). */
  const returnFocus = (marks: HTMLElement[]) => {
    const first = marks.find((m) => m.isConnected);
    if (!first) return;
    first.tabIndex = -1;
    first.focus({ preventScroll: true });
  };

  const signal = owner.signal;
  // Follow the quote when any scroller moves (capture: inner scroll containers too); one update per frame.
  win.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  win.addEventListener('resize', schedule, { passive: true, signal });
  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape' || !host?.isConnected) return;
      const marks = anchor;
      const hadFocus = doc.activeElement === host;
      hide();
      if (hadFocus) returnFocus(marks);
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'pointerdown',
    (e) => {
      if (!host?.isConnected) return;
      const target = e.target as Node | null;
      if (target === host || anchor.some((m) => target && m.contains(target))) return;
      hide();
    },
    { capture: true, signal },
  );
  onDispose(owner, () => {
    if (frame) win.cancelAnimationFrame(frame);
    hide();
  });

  return {
    show,
    focus,
    hide,
    isOpen: () => Boolean(host?.isConnected),
    contains: (node) => node !== null && node === host,
    anchors: (node) => node instanceof Node && anchor.some((m) => m.contains(node)),
  };
}
