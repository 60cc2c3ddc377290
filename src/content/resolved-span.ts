/**
 * An engine span found in the DOM: the text node and offset at each of its ends.
 *
 * A pass resolves each span once, against the text map it analysed, and every later step works from
 * these points: is it already marked, which tone is behind it, does the DOM still say it, mark it.
 * Searching the map (`locate`) is what the points save; checking the DOM is not, because marking one
 * quote can cut a text node another quote's points are in short (mark.js keeps the head in the
 * original node), so `domStillSays` is asked again right before a span is marked.
 */
import { locate, type DomPoint, type TextMap } from '../dom/text-map';
import type { QuoteSpan } from '../shared/messages';

export interface ResolvedSpan<S extends QuoteSpan = QuoteSpan> {
  span: S;
  /** Where the span's first character is. */
  from: DomPoint;
  /** Just after the span's last character. */
  to: DomPoint;
}

/** `span` in the DOM, or null when the DOM no longer holds the text the engine saw there. */
export function resolveSpan<S extends QuoteSpan>(map: TextMap, span: S): ResolvedSpan<S> | null {
  const from = locate(map, span.start, 'start');
  const to = locate(map, span.end, 'end');
  if (!from || !to) return null;
  const resolved = { span, from, to };
  return domStillSays(map, resolved) ? resolved : null;
}

/** The text the engine saw for a span, and what the DOM holds there now; a pass marks only when they agree. */
export function domStillSays(map: TextMap, { span, from, to }: ResolvedSpan): boolean {
  let actual = '';
  for (let i = from.segment; i <= to.segment; i++) {
    const seg = map.segments[i]!;
    const a = i === from.segment ? from.offset : 0;
    const b = i === to.segment ? to.offset : seg.length;
    // A node may have been cut short by marking a later quote (the head stays in it): only the part we need counts.
    if (!seg.node.isConnected || seg.node.length < b) return false;
    actual += seg.node.data.slice(a, b);
  }
  return actual.replace(/[\t\n\r\f]/g, ' ') === map.text.slice(span.start, span.end).replace(/\n/g, '');
}
