/**
 * Highlights engine spans with mark.js under the DOM contract
 * `<mark class="verbatim-quote" data-verbatim-group="ID">`, and removes them again.
 *
 * `markSpans` marks a batch of spans with one mark.js call over the smallest element that holds them;
 * the highlighter gives it a whole short article at once, or one span at a time (its paragraph) on a
 * long page, so marking spreads over short tasks and marks that are still right stay in place.
 */
import Mark from 'mark.js';
import { markjsOffsetWithin, type DomPoint, type TextMap } from '../dom/text-map';
import type { ResolvedSpan } from './resolved-span';

export const MARK_CLASS = 'verbatim-quote';
export const GROUP_ATTRIBUTE = 'data-verbatim-group';
export const MARK_SELECTOR = `mark.${MARK_CLASS}`;

/** The mark element a text node sits in, if it is one of ours. */
export function markOf(node: Node): HTMLElement | null {
  const parent = node.parentElement;
  return parent && parent.tagName === 'MARK' && parent.classList.contains(MARK_CLASS) ? parent : null;
}

/** The nearest common element ancestor of two nodes. */
function commonAncestor(a: Node, b: Node): Element | null {
  const seen = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) seen.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) if (seen.has(n) && n.nodeType === 1) return n as Element;
  return null;
}

/** A resolved point still lies in a text node that is on the page and long enough to hold it. */
function stillFits(point: DomPoint): boolean {
  return point.node.isConnected && point.node.length >= point.offset;
}

/**
 * Marks `spans` (resolved to the DOM, in page order, not overlapping) with one mark.js call whose context
 * is the smallest element holding them all: each call walks its whole context, so a paragraph for one
 * span, the article for a short page's batch (src/content/page-marks.ts decides).
 * Returns each span's marks (empty where there is nothing to mark), or null, marking nothing, when a
 * span's points no longer fit the DOM: a miss is better than a wrong highlight.
 * Batches must be marked last-to-first: mark.js splits text nodes and keeps the head in the original
 * node, so the points of earlier spans stay valid.
 */
export function markSpans(map: TextMap, spans: readonly ResolvedSpan[]): HTMLElement[][] | null {
  if (spans.length === 0) return [];
  if (!spans.every((s) => stillFits(s.from) && stillFits(s.to))) return null;
  const first = spans[0]!.from;
  const context = commonAncestor(first.node, spans[spans.length - 1]!.to.node);
  if (!context) return null;
  const firstIn = markjsOffsetWithin(context, first.node);
  if (firstIn === null) return null;
  // mark.js counts the same text the map's `markStart` does, so one walk places every span.
  const origin = map.segments[first.segment]!.markStart - firstIn;
  const at = (p: DomPoint) => map.segments[p.segment]!.markStart + p.offset - origin;
  const ranges = spans.map(({ from, to }, index) => ({ start: at(from), length: at(to) - at(from), index })).filter((r) => r.length > 0);
  const marks: HTMLElement[][] = spans.map(() => []);
  if (ranges.length === 0) return marks;
  new Mark(context as HTMLElement).markRanges(ranges, {
    element: 'mark',
    className: MARK_CLASS,
    each: (element: Element, range: unknown) => {
      const index = (range as { index: number }).index;
      element.setAttribute(GROUP_ATTRIBUTE, spans[index]!.span.group);
      marks[index]!.push(element as HTMLElement);
    },
  } as Mark.MarkRangesOptions);
  return marks;
}

/**
 * Takes a mark out, putting its text back. With `merge`, the text is joined to the text nodes on
 * either side again (the split mark.js made); without, node identities are kept, so a text map
 * built before stays valid while a pass is still marking.
 */
export function unwrapMark(mark: Element, merge = true): void {
  const parent = mark.parentNode;
  if (!parent) return;
  const first = mark.firstChild;
  const last = mark.lastChild;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  parent.removeChild(mark);
  if (merge) {
    mergeText(last);
    mergeText(first?.previousSibling ?? null);
  }
}

/** Joins `node` with its next sibling when both are text. */
export function mergeText(node: Node | null): void {
  const next = node?.nextSibling;
  if (node && next && node.nodeType === 3 && next.nodeType === 3) {
    (node as Text).appendData((next as Text).data);
    next.parentNode!.removeChild(next);
  }
}

/**
 * Removes every Verbatim mark under `root` and re-joins the text nodes marking split.
 * Done by hand rather than with mark.js's `unmark`, which walks with a NodeIterator whose
 * FILTER_REJECT some DOMs (happy-dom) treat as "skip subtree"; the effect is the same.
 */
export function unhighlight(root: ParentNode): void {
  for (const mark of Array.from(root.querySelectorAll(MARK_SELECTOR))) unwrapMark(mark);
}
