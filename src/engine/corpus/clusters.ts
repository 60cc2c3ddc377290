/**
 * Wordings of one connected part of the graph → utterances. Edges are taken strongest first and two
 * clusters are joined unless that would put together two different sentences of one article that are
 * not themselves the same utterance. That is what keeps a chain from merging two utterances: NME quotes
 * both "That right there is real." and "Like, that right there is the real Jon." as separate sentences,
 * and IndieWire's "That right there is the real Jon" is close to both (0.71 and 0.88); the stronger
 * edge wins and the weaker one would join what NME keeps apart.
 *
 * The order is total and depends only on the wordings (score, then their keys), never on the order in
 * which articles arrived, so the same corpus always gives the same clusters.
 */
import type { WordingGraph } from './wording-graph';

/** Where a wording's units stand: the article (its sort rank, for determinism) and sentence. */
export interface UnitPlace {
  doc: string;
  sentence: number;
}

interface Cluster {
  wordings: string[];
  /** Article → wording keys of this cluster by sentence ("sentence" → keys). */
  places: Map<string, Map<number, Set<string>>>;
}

export function clusterComponent(
  graph: WordingGraph,
  component: readonly string[],
  placesOf: (wording: string) => readonly UnitPlace[],
): string[][] {
  const member = new Set(component);
  const edges: [string, string, number][] = [];
  for (const a of component) {
    for (const [b, score] of graph.wordings.get(a)!.edges) if (a < b && member.has(b)) edges.push([a, b, score]);
  }
  edges.sort((x, y) => y[2] - x[2] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));

  const clusterOf = new Map<string, Cluster>();
  for (const w of component) {
    const places = new Map<string, Map<number, Set<string>>>();
    for (const p of placesOf(w)) {
      let bySentence = places.get(p.doc);
      if (!bySentence) places.set(p.doc, (bySentence = new Map<number, Set<string>>()));
      let keys = bySentence.get(p.sentence);
      if (!keys) bySentence.set(p.sentence, (keys = new Set()));
      keys.add(w);
    }
    clusterOf.set(w, { wordings: [w], places });
  }
  const connected = (a: string, b: string) => a === b || graph.wordings.get(a)!.edges.has(b);

  for (const [a, b] of edges) {
    const ca = clusterOf.get(a)!;
    const cb = clusterOf.get(b)!;
    if (ca === cb || !compatible(ca, cb, connected)) continue;
    const [big, small] = ca.wordings.length >= cb.wordings.length ? [ca, cb] : [cb, ca];
    for (const w of small.wordings) {
      big.wordings.push(w);
      clusterOf.set(w, big);
    }
    for (const [doc, bySentence] of small.places) {
      let target = big.places.get(doc);
      if (!target) big.places.set(doc, (target = new Map<number, Set<string>>()));
      for (const [sentence, keys] of bySentence) {
        let into = target.get(sentence);
        if (!into) target.set(sentence, (into = new Set()));
        for (const k of keys) into.add(k);
      }
    }
  }
  const out = new Set<Cluster>(clusterOf.values());
  return [...out].map((c) => c.wordings.sort());
}

/** No article has, in two different sentences, wordings of the two clusters that are not the same utterance. */
function compatible(a: Cluster, b: Cluster, connected: (x: string, y: string) => boolean): boolean {
  const [few, many] = a.places.size <= b.places.size ? [a, b] : [b, a];
  for (const [doc, mine] of few.places) {
    const theirs = many.places.get(doc);
    if (!theirs) continue;
    for (const [s1, k1] of mine) {
      for (const [s2, k2] of theirs) {
        if (s1 === s2) continue;
        for (const x of k1) for (const y of k2) if (!connected(x, y)) return false;
      }
    }
  }
  return true;
}
