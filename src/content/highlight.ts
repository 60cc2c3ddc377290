/**
 * Highlights engine spans with mark.js under the DOM contract
 * `<mark class="verbatim-quote" data-verbatim-group="ID">`, and removes them again.
 */
import Mark from 'mark.js';
import { toMarkRanges, type TextMap } from '../dom/text-map';

export const MARK_CLASS = 'verbatim-quote';
export const GROUP_ATTRIBUTE = 'data-verbatim-group';

export interface HighlightSpan {
  start: number;
  end: number;
  group: string;
}

/** Marks `spans` (engine offsets into `map.text`) inside `root`; returns the marks made. */
export function highlight(root: HTMLElement, map: TextMap, spans: HighlightSpan[]): HTMLElement[] {
  const marks: HTMLElement[] = [];
  const ranges = toMarkRanges(map, spans).filter((r) => r.length > 0);
  if (ranges.length === 0) return marks;
  new Mark(root).markRanges(ranges, {
    element: 'mark',
    className: MARK_CLASS,
    each: (element: Element, range: unknown) => {
      element.setAttribute(GROUP_ATTRIBUTE, (range as HighlightSpan).group);
      marks.push(element as HTMLElement);
    },
  } as Mark.MarkRangesOptions);
  return marks;
}

/**
 * Removes every Verbatim mark under `root` and re-joins the text nodes marking split.
 * Done by hand rather than with mark.js's `unmark`, which walks with a NodeIterator whose
 * FILTER_REJECT some DOMs (happy-dom) treat as "skip subtree"; the effect is the same.
 */
export function unhighlight(root: HTMLElement): void {
  const parents = new Set<Node>();
  for (const mark of Array.from(root.querySelectorAll(`mark.${MARK_CLASS}`))) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}
