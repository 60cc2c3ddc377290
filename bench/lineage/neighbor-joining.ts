/**
 * The baseline every stemmatology method is compared with: neighbor-joining (Saitou & Nei 1987) on
 * word-level edit distance, rooted at the original (or the reference wording standing in for it).
 * A variant's parent is read off the tree as the nearest observed wording on its way to the root that is
 * not dated after it (the root when none is nearer). It gets the same dates as the method it is compared
 * with, so the comparison isolates what shared readings add over plain distance.
 */
import { wordKeys } from '../../src/engine/normalize';
import { wordEditDistance } from '../../src/engine/text-distance';
import { dateOrder, type DateSpan } from '../../src/engine/lineage/dates';

/** Unrooted NJ tree over leaves 0..n-1: adjacency with branch lengths (internal nodes numbered from n). */
export function neighborJoining(dist: readonly (readonly number[])[]): Map<number, Map<number, number>> {
  const n = dist.length;
  const adj = new Map<number, Map<number, number>>();
  const link = (a: number, b: number, len: number) => {
    const l = Math.max(0, len);
    if (!adj.has(a)) adj.set(a, new Map());
    if (!adj.has(b)) adj.set(b, new Map());
    adj.get(a)!.set(b, l);
    adj.get(b)!.set(a, l);
  };
  for (let i = 0; i < n; i++) adj.set(i, new Map());
  if (n === 1) return adj;
  const D = new Map<number, Map<number, number>>();
  const d = (a: number, b: number) => (a === b ? 0 : D.get(a)!.get(b)!);
  for (let i = 0; i < n; i++) {
    D.set(i, new Map());
    for (let j = 0; j < n; j++) D.get(i)!.set(j, dist[i]![j]!);
  }
  let active = Array.from({ length: n }, (_, i) => i);
  let next = n;
  while (active.length > 2) {
    const m = active.length;
    const r = new Map(active.map((i) => [i, active.reduce((s, k) => s + d(i, k), 0)]));
    let best = Number.POSITIVE_INFINITY;
    let bi = -1;
    let bj = -1;
    for (let x = 0; x < m; x++)
      for (let y = x + 1; y < m; y++) {
        const i = active[x]!;
        const j = active[y]!;
        const q = (m - 2) * d(i, j) - r.get(i)! - r.get(j)!;
        if (q < best) {
          best = q;
          bi = i;
          bj = j;
        }
      }
    const u = next++;
    const li = d(bi, bj) / 2 + (r.get(bi)! - r.get(bj)!) / (2 * (m - 2));
    link(bi, u, li);
    link(bj, u, d(bi, bj) - li);
    D.set(u, new Map());
    for (const k of active) {
      if (k === bi || k === bj) continue;
      const du = (d(bi, k) + d(bj, k) - d(bi, bj)) / 2;
      D.get(u)!.set(k, du);
      D.get(k)!.set(u, du);
    }
    active = [...active.filter((k) => k !== bi && k !== bj), u];
  }
  link(active[0]!, active[1]!, d(active[0]!, active[1]!));
  return adj;
}

function pathLengths(adj: Map<number, Map<number, number>>, from: number): Map<number, number> {
  const out = new Map<number, number>([[from, 0]]);
  const stack = [from];
  while (stack.length) {
    const x = stack.pop()!;
    for (const [y, len] of adj.get(x)!) {
      if (out.has(y)) continue;
      out.set(y, out.get(x)! + len);
      stack.push(y);
    }
  }
  return out;
}

/**
 * Parents by neighbor-joining: `texts[0]` is the root (the original or the reference wording), the others
 * the variants. Returns, per variant (index ≥ 1), the index of its parent (0 = the root).
 */
export function njParents(texts: readonly string[], dates: readonly (DateSpan | null)[]): number[] {
  const keys = texts.map(wordKeys);
  const n = texts.length;
  const dist = keys.map((a) => keys.map((b) => wordEditDistance(a, b)));
  const adj = neighborJoining(dist);
  const fromRoot = pathLengths(adj, 0);
  const parents = [-1];
  for (let v = 1; v < n; v++) {
    const fromV = pathLengths(adj, v);
    let best = 0;
    let bestD = fromV.get(0)!;
    for (let u = 1; u < n; u++) {
      if (u === v || fromRoot.get(u)! >= fromRoot.get(v)!) continue;
      if (dateOrder(dates[u] ?? null, dates[v] ?? null) === 'after') continue;
      const du = fromV.get(u)!;
      if (du < bestD) {
        best = u;
        bestD = du;
      }
    }
    parents.push(best);
  }
  return parents;
}
