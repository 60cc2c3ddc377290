/**
 * The keyboard focus outline of a quote: one ring around all its marks. An outline on each
 * mark drew one box per text run, so a quote the page splits with a link or emphasis showed several. The
 * ring is one fixed element on <html> (`data-verbatim-ui`, outside <body>: the text map and the page
 * watcher skip it; it takes no space and no pointer events), placed over the union of the marks' line
 * boxes and moved with them on scroll and resize, once per frame, only while it is shown.
 */
import { unionOf } from './card/position';
import { onDispose, type Owner } from './owner';

export interface FocusRing {
  show(marks: readonly HTMLElement[]): void;
  hide(): void;
}

/** Distance of the ring from the text, so it does not cover the marked words' edges. */
const RING_GAP_PX = 2;

export function focusRing(owner: Owner, doc: Document): FocusRing {
  const win = doc.defaultView!;
  let ring: HTMLElement | null = null;
  let around: readonly HTMLElement[] = [];
  let following: AbortController | null = null;
  let frame = 0;

  const element = (): HTMLElement => {
    if (ring) return ring;
    ring = doc.createElement('div');
    ring.setAttribute('data-verbatim-ui', 'focus');
    ring.setAttribute('aria-hidden', 'true');
    // Inline and !important: page rules for `div` must not move, hide or restyle it. Two tones: visible on any page.
    for (const [prop, value] of [
      ['all', 'initial'],
      ['position', 'fixed'],
      ['z-index', '2147483646'],
      ['display', 'block'],
      ['pointer-events', 'none'],
      ['box-sizing', 'border-box'],
      ['border', '2px solid #1b1b1b'],
      ['box-shadow', '0 0 0 2px #ffffff'],
      ['border-radius', '3px'],
    ] as const)
      ring.style.setProperty(prop, value, 'important');
    return ring;
  };

  const place = () => {
    frame = 0;
    const box = unionOf(around.filter((m) => m.isConnected).flatMap((m) => Array.from(m.getClientRects())));
    if (!box) return hide();
    const el = element();
    for (const [prop, px] of [
      ['top', box.top - RING_GAP_PX],
      ['left', box.left - RING_GAP_PX],
      ['width', box.width + 2 * RING_GAP_PX],
      ['height', box.height + 2 * RING_GAP_PX],
    ] as const)
      el.style.setProperty(prop, `${Math.round(px)}px`, 'important');
    if (!el.isConnected) doc.documentElement.appendChild(el);
  };
  const schedule = () => {
    frame ||= win.requestAnimationFrame(place);
  };

  function hide(): void {
    around = [];
    following?.abort();
    following = null;
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    ring?.remove();
  }

  onDispose(owner, hide);
  return {
    show(marks) {
      hide();
      if (owner.signal.aborted) return;
      around = marks;
      following = new AbortController();
      const signal = AbortSignal.any([owner.signal, following.signal]);
      // Capture: inner scroll containers move the quote too.
      win.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
      win.addEventListener('resize', schedule, { passive: true, signal });
      place();
    },
    hide,
  };
}
