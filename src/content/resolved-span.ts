/**
 * An engine span found in the DOM: the text node and offset at each of its ends.
 *
 * A pass resolves each span once, against the text map it analysed, and every later step works from
 * these points: is it already marked, which tone is behind it, does the DOM still say it, mark it.
 * Searching the map (`locate`) is what the points save; checking the DOM is not, because marking one
 * quote can cut a text node another quote's points are in short (marking keeps the head in the
 * original node), so `domStillSays` is asked again right before a span is marked.
 *
 * A quote is marked block by block (`pieces`): a quote running over caption lines, verse or two
 * paragraphs gets marks in each block it covers and none on the whitespace between blocks (a mark
 * between two table rows or list items would be a box of its own), and the parts of a quote the
 * engine matched around an inline ad leave the ad out.
 */
import { locate, type DomPoint, type TextMap } from '../dom/text-map';
import type { QuoteSpan } from '../shared/messages';

export interface ResolvedSpan<S extends QuoteSpan = QuoteSpan> {
  span: S;
  /** The piece of the span's text these points hold (engine offsets); the whole span for a one-block quote. */
  start: number;
  end: number;
  /** Where the piece's first character is. */
  from: DomPoint;
  /** Just after the piece's last character. */
  to: DomPoint;
}

/**
 * The pieces of a span that get marks: its parts (or the span), cut at block breaks, without the
 * whitespace at either end of a piece. Engine offsets, in page order.
 */
export function pieces(text: string, span: QuoteSpan): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const part of span.parts ?? [span]) {
    let from = part.start;
    while (from < part.end) {
      const br = text.indexOf('\n', from);
      const to = br === -1 || br > part.end ? part.end : br;
      let a = from;
      let b = to;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      if (b > a) out.push({ start: a, end: b });
      from = to + 1;
    }
  }
  return out;
}

/** One piece in the DOM, or null when the DOM no longer holds the text the engine saw there. */
function resolvePiece<S extends QuoteSpan>(map: TextMap, span: S, start: number, end: number): ResolvedSpan<S> | null {
  const from = locate(map, start, 'start');
  const to = locate(map, end, 'end');
  if (!from || !to) return null;
  const resolved = { span, start, end, from, to };
  return domStillSays(map, resolved) ? resolved : null;
}

/** Every piece of `span` in the DOM, in page order, or null when any of them is no longer there. */
export function resolveSpan<S extends QuoteSpan>(map: TextMap, span: S): ResolvedSpan<S>[] | null {
  const out: ResolvedSpan<S>[] = [];
  for (const p of pieces(map.text, span)) {
    const r = resolvePiece(map, span, p.start, p.end);
    if (!r) return null;
    out.push(r);
  }
  return out.length > 0 ? out : null;
}

/** The text the engine saw for a piece, and what the DOM holds there now; a pass marks only when they agree. */
export function domStillSays(map: TextMap, { start, end, from, to }: ResolvedSpan): boolean {
  let actual = '';
  for (let i = from.segment; i <= to.segment; i++) {
    const seg = map.segments[i]!;
    const a = i === from.segment ? from.offset : 0;
    const b = i === to.segment ? to.offset : seg.length;
    // A node may have been cut short by marking a later quote (the head stays in it): only the part we need counts.
    if (!seg.node.isConnected || seg.node.length < b) return false;
    actual += seg.node.data.slice(a, b);
  }
  return actual.replace(/[\t\n\r\f]/g, ' ') === map.text.slice(start, end).replace(/\n/g, '');
}
