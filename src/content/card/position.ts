/**
 * Where the card goes: below the quote's lines if it fits, else above, else on the roomier side.
 * Measured against the union of all the quote's line boxes, so the card never covers a marked word
 * (a quote may wrap over several lines and several marks).
 */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above';
}

const GAP = 6;
const MARGIN = 8;

export function unionOf(rects: readonly Box[]): Box | null {
  const real = rects.filter((r) => r.width > 0 || r.height > 0);
  if (real.length === 0) return null;
  const top = Math.min(...real.map((r) => r.top));
  const left = Math.min(...real.map((r) => r.left));
  const bottom = Math.max(...real.map((r) => r.top + r.height));
  const right = Math.max(...real.map((r) => r.left + r.width));
  return { top, left, width: right - left, height: bottom - top };
}

export function placeCard(anchor: Box, card: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const below = anchor.top + anchor.height + GAP;
  const above = anchor.top - GAP - card.height;
  const fitsBelow = below + card.height <= viewport.height - MARGIN;
  const fitsAbove = above >= MARGIN;
  const side = fitsBelow || (!fitsAbove && viewport.height - (anchor.top + anchor.height) >= anchor.top) ? 'below' : 'above';
  const maxLeft = Math.max(MARGIN, viewport.width - card.width - MARGIN);
  const left = Math.min(Math.max(anchor.left, MARGIN), maxLeft);
  return { top: side === 'below' ? below : above, left, side };
}
