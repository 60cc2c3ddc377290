/**
 * How sure an edge of a tree is: how much worse the best other parent would be (any node that is not the
 * child's own descendant, the root included). A margin of 0 — another parent explains the wording as well —
 * gives 0; the confidence rises towards 1 as the margin grows (1 − exp(−margin / scale)).
 */
import { COST } from './weights';

/** `parent[c]` from `minimumArborescence`; returns a confidence per node (1 for the root). */
export function edgeConfidences(cost: readonly (readonly number[])[], parent: readonly number[]): number[] {
  const n = cost.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let c = 1; c < n; c++) children[parent[c]!]!.push(c);
  return parent.map((p, c) => {
    if (c === 0) return 1;
    const below = new Set<number>();
    const stack = [c];
    while (stack.length) {
      const x = stack.pop()!;
      below.add(x);
      stack.push(...children[x]!);
    }
    let alt = Number.POSITIVE_INFINITY;
    for (let q = 0; q < n; q++) if (q !== p && !below.has(q)) alt = Math.min(alt, cost[q]![c]!);
    const margin = alt - cost[p]![c]!;
    if (!Number.isFinite(margin)) return 1;
    return Math.max(0, 1 - Math.exp(-margin / COST.confidenceScale));
  });
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
