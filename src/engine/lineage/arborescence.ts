/**
 * Minimum-cost arborescence (Chu–Liu/Edmonds): every node but the root gets exactly one parent, no cycle,
 * and the sum of the chosen edges' costs is the least possible. O(n³) on a dense matrix, which is nothing
 * for the few dozen outlets of one quote.
 *
 * `cost[p][c]` is the cost of `p` being the parent of `c`; `Infinity` forbids the edge. Node 0 is the root;
 * its column is ignored. Every node must be reachable (callers allow every root edge). Ties go to the
 * lower parent index, so the result is deterministic.
 */
export function minimumArborescence(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  const parent = new Array<number>(n).fill(-1);
  if (n <= 1) return parent;
  const edges: Edge[] = [];
  for (let p = 0; p < n; p++)
    for (let c = 1; c < n; c++) if (p !== c && Number.isFinite(cost[p]![c]!)) edges.push({ from: p, to: c, w: cost[p]![c]! });
  const chosen = edmonds(n, 0, edges);
  for (let c = 1; c < n; c++) parent[c] = chosen[c]!;
  return parent;
}

interface Edge {
  from: number;
  to: number;
  w: number;
}

interface Contracted extends Edge {
  original: Edge;
}

/** Recursive contraction. Returns, for each node, its parent (-1 for the root). */
function edmonds(n: number, root: number, edges: readonly Edge[]): number[] {
  // Cheapest incoming edge per node (lowest source index on ties).
  const best = new Array<Edge | undefined>(n);
  for (const e of edges) {
    if (e.to === root || e.from === e.to) continue;
    const b = best[e.to];
    if (!b || e.w < b.w || (e.w === b.w && e.from < b.from)) best[e.to] = e;
  }
  for (let v = 0; v < n; v++) if (v !== root && !best[v]) throw new Error(`arborescence: node ${v} is unreachable`);

  // Cycles among the chosen edges.
  const cycleOf = new Array<number>(n).fill(-1);
  const seen = new Array<number>(n).fill(-1);
  let cycles = 0;
  for (let v = 0; v < n; v++) {
    let u = v;
    while (u !== root && seen[u] === -1 && cycleOf[u] === -1) {
      seen[u] = v;
      u = best[u]!.from;
    }
    if (u !== root && seen[u] === v && cycleOf[u] === -1) {
      let x = u;
      do {
        cycleOf[x] = cycles;
        x = best[x]!.from;
      } while (x !== u);
      cycles++;
    }
  }
  const parent = best.map((e, v) => (v === root ? -1 : e!.from));
  if (cycles === 0) return parent;

  // Contract each cycle into one node (ids 0..cycles-1); every other node keeps an id of its own.
  const id = new Array<number>(n).fill(-1);
  let next = cycles;
  for (let v = 0; v < n; v++) id[v] = cycleOf[v]! >= 0 ? cycleOf[v]! : next++;
  const contracted: Contracted[] = [];
  for (const e of edges) {
    const from = id[e.from]!;
    const to = id[e.to]!;
    if (from === to || e.to === root) continue;
    // Entering a cycle replaces the cycle's own edge into that node: pay only the difference.
    const w = cycleOf[e.to]! >= 0 ? e.w - best[e.to]!.w : e.w;
    contracted.push({ from, to, w, original: e });
  }
  const sub = edmonds(next, id[root]!, contracted);

  // Expand: each contracted node's entering edge (the cheapest of parallel ones, lowest source on ties)
  // gives its original target a new parent; inside a cycle that breaks it, the others keep theirs.
  const entering = new Map<number, Contracted>();
  for (const e of contracted) {
    if (sub[e.to] !== e.from) continue;
    const known = entering.get(e.to);
    if (!known || e.w < known.w || (e.w === known.w && e.original.from < known.original.from)) entering.set(e.to, e);
  }
  for (const e of entering.values()) parent[e.original.to] = e.original.from;
  return parent;
}
