import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimumArborescence } from '../../../../src/engine/lineage/arborescence';

/** Every parent assignment that is a tree rooted at 0, by brute force (n ≤ 6). */
function bruteForce(cost: number[][]): number {
  const n = cost.length;
  let best = Number.POSITIVE_INFINITY;
  const parent = new Array<number>(n).fill(-1);
  const rec = (c: number, sum: number): void => {
    if (c === n) {
      if (isTree(parent)) best = Math.min(best, sum);
      return;
    }
    for (let p = 0; p < n; p++)
      if (p !== c && Number.isFinite(cost[p]![c]!)) {
        parent[c] = p;
        rec(c + 1, sum + cost[p]![c]!);
      }
  };
  rec(1, 0);
  return best;
}

function isTree(parent: readonly number[]): boolean {
  for (let c = 1; c < parent.length; c++) {
    const seen = new Set<number>();
    let x = c;
    while (x !== 0) {
      if (seen.has(x) || parent[x]! < 0) return false;
      seen.add(x);
      x = parent[x]!;
    }
  }
  return true;
}

const total = (cost: number[][], parent: number[]) => parent.reduce((s, p, c) => (c === 0 ? s : s + cost[p]![c]!), 0);

describe('minimumArborescence (Chu–Liu/Edmonds)', () => {
  it('finds the cheapest tree rooted at node 0, on random graphs checked by brute force', () => {
    const graph = fc.integer({ min: 2, max: 6 }).chain((n) =>
      fc.array(fc.array(fc.option(fc.integer({ min: -5, max: 9 }), { freq: 4 }), { minLength: n, maxLength: n }), {
        minLength: n,
        maxLength: n,
      }),
    );
    fc.assert(
      fc.property(graph, (raw) => {
        const cost = raw.map((row, p) => row.map((w, c) => (p === c || w === null ? Infinity : w)));
        for (let c = 1; c < cost.length; c++) if (!Number.isFinite(cost[0]![c]!)) cost[0]![c] = 20; // the root reaches everyone
        const parent = minimumArborescence(cost);
        expect(isTree(parent)).toBe(true);
        expect(total(cost, parent)).toBe(bruteForce(cost));
      }),
      { numRuns: 300 },
    );
  });

  it('breaks a cycle of cheap edges at its cheapest entry', () => {
    // 1 ⇄ 2 cost 1 each; entering from the root costs 5 (to 1) or 3 (to 2).
    const I = Infinity;
    const cost = [
      [I, 5, 3],
      [I, I, 1],
      [I, 1, I],
    ];
    expect(minimumArborescence(cost)).toEqual([-1, 2, 0]);
  });

  it('ties go to the lower parent index', () => {
    const I = Infinity;
    expect(
      minimumArborescence([
        [I, 1, 1],
        [I, I, 1],
        [I, 1, I],
      ]),
    ).toEqual([-1, 0, 0]);
  });
});
