/**
 * Highlights engine spans with mark.js under the DOM contract
 * `<mark class="verbatim-quote" data-verbatim-group="ID">`, removes them again, and joins marks of one quote
 * that end up side by side (`joinAdjacent`: a quote re-marked over text a stale mark had split).
 *
 * A span comes resolved to the DOM (./resolved-span.ts: a text node and offset at each end, and the text map's
 * segments between), so mark.js is given exactly the text nodes the span covers as its context: its
 * `markRanges` walks only them, never the paragraph or the article around them (a context element is walked
 * whole on every call, which on an article was most of Verbatim's main-thread time, docs/performance.md), and
 * text the reader does not see (a hidden element between two parts) is never part of the context.
 */
import Mark from 'mark.js';
import type { DomPoint, TextMap } from '../dom/text-map';
import type { ResolvedSpan } from './resolved-span';

export const MARK_CLASS = 'verbatim-quote';
export const GROUP_ATTRIBUTE = 'data-verbatim-group';
export const MARK_SELECTOR = `mark.${MARK_CLASS}`;

/** The mark element a text node sits in, if it is one of ours. */
export function markOf(node: Node): HTMLElement | null {
  const parent = node.parentElement;
  return parent && parent.tagName === 'MARK' && parent.classList.contains(MARK_CLASS) ? parent : null;
}

/** A resolved point still lies in a text node that is on the page and long enough to hold it. */
function stillFits(point: DomPoint): boolean {
  return point.node.isConnected && point.node.length >= point.offset;
}

const MARK_OPTIONS = { element: 'mark', className: MARK_CLASS } as const;

/**
 * Marks one span with mark.js, its covered text nodes as the context: mark.js splits each at the span's edges
 * (both edges always, even at a node's ends, leaving an empty text node: taking the mark out then re-joins
 * only what marking split) and keeps the head in the original node, so earlier offsets in it stay valid.
 */
function markSpan(map: TextMap, { from, to, span }: ResolvedSpan): HTMLElement[] {
  const nodes: Text[] = [];
  let length = -from.offset;
  for (let i = from.segment; i <= to.segment; i++) {
    const node = map.segments[i]!.node;
    nodes.push(node);
    length += i === to.segment ? to.offset : node.length;
  }
  const marks: HTMLElement[] = [];
  if (length <= 0) return marks;
  new Mark(nodes as unknown as HTMLElement[]).markRanges([{ start: from.offset, length }], {
    ...MARK_OPTIONS,
    each: (element: Element) => {
      element.setAttribute(GROUP_ATTRIBUTE, span.group);
      marks.push(element as HTMLElement);
    },
  } as Mark.MarkRangesOptions);
  return marks;
}

/**
 * Marks `spans` (resolved to the DOM, in page order, not overlapping). Returns each span's marks in page order
 * (empty where there is nothing to mark), or null, marking nothing, when a span's points no longer fit the DOM:
 * a miss is better than a wrong highlight.
 * Spans are marked last to first: splitting keeps the head of a node in the original node, so the points of
 * everything earlier stay valid. A batch of several calls must be marked the same way (src/content/page-marks.ts
 * marks its quotes last to first).
 */
export function markSpans(map: TextMap, spans: readonly ResolvedSpan[]): HTMLElement[][] | null {
  if (spans.length === 0) return [];
  if (!spans.every((s) => stillFits(s.from) && stillFits(s.to))) return null;
  const marks: HTMLElement[][] = spans.map(() => []);
  for (let k = spans.length - 1; k >= 0; k--) marks[k] = markSpan(map, spans[k]!);
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

/** Removes every Verbatim mark under `root` and re-joins the text nodes marking split. */
export function unhighlight(root: ParentNode): void {
  for (const mark of Array.from(root.querySelectorAll(MARK_SELECTOR))) unwrapMark(mark);
}

/** Marks of one quote that stand side by side, joined into the first (their text nodes too). */
export function joinAdjacent(marks: readonly HTMLElement[]): HTMLElement[] {
  const joined = [marks[0]!];
  for (const mark of marks.slice(1)) {
    const last = joined[joined.length - 1]!;
    // mark.js leaves an empty text node where it split a node at its end.
    let between = last.nextSibling;
    while (between && between !== mark && between.nodeType === 3 && (between as Text).length === 0) between = between.nextSibling;
    if (between !== mark) {
      joined.push(mark);
      continue;
    }
    while (last.nextSibling !== mark) last.nextSibling!.remove();
    const tail = last.lastChild;
    while (mark.firstChild) last.appendChild(mark.firstChild);
    mark.remove();
    mergeText(tail);
  }
  return joined;
}
