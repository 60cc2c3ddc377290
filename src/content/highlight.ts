/**
 * Highlights engine spans with mark.js under the DOM contract
 * `<mark class="verbatim-quote" data-verbatim-group="ID">`, and removes them again.
 *
 * Two ways in: `highlight` marks many spans over one root in one call (tests, small pages);
 * `markSpan` marks one span with the smallest context that holds it (its paragraph), so the
 * highlighter can spread marking over short tasks and leave marks that are still right in place.
 */
import Mark from 'mark.js';
import { locate, markjsOffsetWithin, toMarkRanges, type TextMap } from '../dom/text-map';

export const MARK_CLASS = 'verbatim-quote';
export const GROUP_ATTRIBUTE = 'data-verbatim-group';
export const MARK_SELECTOR = `mark.${MARK_CLASS}`;

export interface HighlightSpan {
  start: number;
  end: number;
  group: string;
}

function markOptions(group: (range: unknown) => string, marks: HTMLElement[]): Mark.MarkRangesOptions {
  return {
    element: 'mark',
    className: MARK_CLASS,
    each: (element: Element, range: unknown) => {
      element.setAttribute(GROUP_ATTRIBUTE, group(range));
      marks.push(element as HTMLElement);
    },
  } as Mark.MarkRangesOptions;
}

/** Marks `spans` (engine offsets into `map.text`) inside `root`; returns the marks made. */
export function highlight(root: HTMLElement, map: TextMap, spans: HighlightSpan[]): HTMLElement[] {
  const marks: HTMLElement[] = [];
  const ranges = toMarkRanges(map, spans).filter((r) => r.length > 0);
  if (ranges.length === 0) return marks;
  new Mark(root).markRanges(ranges, markOptions((range) => (range as HighlightSpan).group, marks));
  return marks;
}

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

/**
 * Marks one span. Spans of one pass must be marked last-to-first: mark.js splits text nodes and
 * keeps the head in the original node, so offsets of earlier spans stay valid.
 * Returns null (marks nothing) when the DOM no longer holds the text the engine saw — a miss is
 * better than a wrong highlight.
 */
export function markSpan(map: TextMap, span: HighlightSpan): HTMLElement[] | null {
  const from = locate(map, span.start, 'start');
  const to = locate(map, span.end, 'end');
  if (!from || !to || !from.node.isConnected || !to.node.isConnected) return null;
  if (from.node.length < from.offset || to.node.length < to.offset) return null;
  const context = commonAncestor(from.node, to.node);
  if (!context) return null;
  const startIn = markjsOffsetWithin(context, from.node);
  const endIn = markjsOffsetWithin(context, to.node);
  if (startIn === null || endIn === null) return null;
  const start = startIn + from.offset;
  const length = endIn + to.offset - start;
  if (length <= 0) return null;
  const marks: HTMLElement[] = [];
  new Mark(context as HTMLElement).markRanges([{ start, length }], markOptions(() => span.group, marks));
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
function mergeText(node: Node | null): void {
  const next = node?.nextSibling;
  if (node && next && node.nodeType === 3 && next.nodeType === 3) {
    (node as Text).appendData((next as Text).data);
    next.parentNode!.removeChild(next);
  }
}

/** Joins every run of adjacent text nodes directly under `parent` (not deeper, unlike `normalize`). */
export function mergeChildren(parent: Node): void {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    while (child.nodeType === 3 && child.nextSibling?.nodeType === 3) mergeText(child);
  }
}

/**
 * Removes every Verbatim mark under `root` and re-joins the text nodes marking split.
 * Done by hand rather than with mark.js's `unmark`, which walks with a NodeIterator whose
 * FILTER_REJECT some DOMs (happy-dom) treat as "skip subtree"; the effect is the same.
 */
export function unhighlight(root: HTMLElement): void {
  for (const mark of Array.from(root.querySelectorAll(MARK_SELECTOR))) unwrapMark(mark);
}
