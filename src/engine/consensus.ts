/**
 * The consensus wording of a group: what most outlets agree on.
 * 1. Wordings are compared by their word keys (typography, case and punctuation ignored); the key
 *    sequence used by the most documents wins (a document quoting it twice votes once).
 * 2. Ties go to the medoid: the wording closest (LCS) to all the others.
 * 3. Among the winning wordings, the exact text most variants use; then one that ends a sentence
 *    (".", "!", "?"); then the first in document order. Deterministic for the same input.
 */
import { lcsLength } from './text-distance';

export interface Wording {
  doc: number;
  text: string;
  keys: readonly string[];
}

/** Index (into `wordings`) of the consensus wording. `wordings` must be non-empty, in document order. */
export function consensusIndex(wordings: readonly Wording[]): number {
  const buckets = new Map<string, { docs: Set<number>; members: number[] }>();
  wordings.forEach((w, i) => {
    const key = w.keys.join(' ');
    if (!buckets.has(key)) buckets.set(key, { docs: new Set(), members: [] });
    buckets.get(key)!.docs.add(w.doc);
    buckets.get(key)!.members.push(i);
  });
  const top = Math.max(...[...buckets.values()].map((b) => b.docs.size));
  const tied = [...buckets.values()].filter((b) => b.docs.size === top);
  const winner = tied.length === 1 ? tied[0]! : medoid(tied, wordings);
  return bestText(winner.members, wordings);
}

function medoid<T extends { members: number[] }>(tied: T[], wordings: readonly Wording[]): T {
  let best = tied[0]!;
  let bestCost = Infinity;
  for (const bucket of tied) {
    const keys = wordings[bucket.members[0]!]!.keys;
    let cost = 0;
    for (const w of wordings) cost += 1 - lcsLength(keys, w.keys) / Math.max(keys.length, w.keys.length, 1);
    // Strictly lower only: on equal cost the earlier wording (document order) stays.
    if (cost < bestCost - 1e-9) [best, bestCost] = [bucket, cost];
  }
  return best;
}

function bestText(members: readonly number[], wordings: readonly Wording[]): number {
  const counts = new Map<string, number>();
  for (const i of members) counts.set(wordings[i]!.text, (counts.get(wordings[i]!.text) ?? 0) + 1);
  let best = members[0]!;
  const rank = (i: number): [number, number] => [counts.get(wordings[i]!.text)!, /[.!?]$/.test(wordings[i]!.text) ? 1 : 0];
  for (const i of members) {
    const [n, ends] = rank(i);
    const [bn, bends] = rank(best);
    if (n > bn || (n === bn && ends > bends)) best = i;
  }
  return best;
}
