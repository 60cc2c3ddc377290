/**
 * Which quotes of a long page are marked first: the reader's viewport, then below it, then above. Kept
 * apart from PageMarks (./page-marks.ts), which reconciles marks with an analysis: this only orders the
 * work, from layout read before any mark is written.
 */
import type { ResolvedSpan } from './resolved-span';

/**
 * Reorders `todo` (quote indices, last on the page first) so the quotes in the viewport are marked first,
 * then those below it, then those above, each group still last to first. A quote that starts in the text
 * node where a visible one ends joins the visible ones: marking the visible one first would cut that node
 * short under it (splitting keeps the head in the original node).
 */
export function visibleFirst(todo: number[], spans: readonly (ResolvedSpan[] | null)[], win: Window): void {
  const height = win.innerHeight;
  const where = new Map<number, 'above' | 'in' | 'below'>();
  for (const i of todo) {
    const rect = spans[i]![0]!.from.node.parentElement?.getBoundingClientRect();
    where.set(i, !rect || rect.bottom <= 0 ? 'above' : rect.top >= height ? 'below' : 'in');
  }
  const pageOrder = [...todo].reverse();
  for (let k = 0; k + 1 < pageOrder.length; k++) {
    const i = pageOrder[k]!;
    const next = pageOrder[k + 1]!;
    const last = spans[i]![spans[i]!.length - 1]!;
    if (where.get(i) === 'in' && where.get(next) !== 'in' && spans[next]![0]!.from.node === last.to.node) where.set(next, 'in');
  }
  const rank = { in: 0, below: 1, above: 2 } as const;
  // Stable: within a rank, the original last-to-first order stays.
  todo.sort((a, b) => rank[where.get(a)!] - rank[where.get(b)!]);
}
