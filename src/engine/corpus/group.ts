/**
 * Groups units (quoted sentences and sentence pieces) of every document into utterances.
 *
 * Linear, not quadratic: an inverted index maps word bigrams to the groups containing them. A unit
 * is compared (LCS, see `similarity.ts`) only with the few groups sharing most bigrams with it, and
 * only with up to SAMPLES distinct wordings of each. A bigram in more than MAX_POSTINGS groups is a
 * stop-bigram ("i have", "of the"): it is ignored, which keeps every lookup bounded.
 *
 * Then a rewording pass: a unit left alone between two grouped neighbours is matched to the
 * utterance other outlets have between the same two neighbours, if it shares its content words
 * (/Film's "Those are real tears ..." between "…this scene ..." and "…he held onto my hand…" is the
 * others' "That’s actually real tears, which you know, …").
 */
import { contentKeys, similarity } from './similarity';
import type { Unit } from './units';

const MAX_POSTINGS = 16;
const CANDIDATES = 8;
const SAMPLES = 4;
const MIN_SHARED = 3;

interface Cluster {
  members: number[];
  /** Distinct wordings (as key lists) compared against, at most SAMPLES. */
  samples: string[][];
  sampleKeys: Set<string>;
}

/** Clusters of unit indices, in order of creation; each unit is in exactly one cluster. */
export function groupUnits(units: readonly Unit[]): number[][] {
  const clusters: Cluster[] = [];
  const index = new Map<string, number[]>();
  const clusterOf: number[] = [];
  units.forEach((unit, u) => {
    const c = bestCluster(unit.keys, clusters, index);
    const id = c ?? clusters.push({ members: [], samples: [], sampleKeys: new Set() }) - 1;
    addToCluster(clusters[id]!, u, unit.keys);
    indexShingles(unit.keys, id, index);
    clusterOf[u] = id;
  });
  fillGaps(units, clusters, clusterOf);
  return clusters.map((c) => c.members).filter((m) => m.length > 0);
}

function shingles(keys: readonly string[]): string[] {
  if (keys.length < 2) return keys.slice();
  const out = new Set<string>();
  for (let i = 0; i + 1 < keys.length; i++) out.add(keys[i] + ' ' + keys[i + 1]);
  return [...out];
}

function bestCluster(keys: readonly string[], clusters: readonly Cluster[], index: Map<string, number[]>): number | null {
  const own = shingles(keys);
  const hits = new Map<number, number>();
  for (const s of own) {
    const postings = index.get(s);
    if (!postings || postings.length > MAX_POSTINGS) continue;
    for (const c of postings) hits.set(c, (hits.get(c) ?? 0) + 1);
  }
  // With LCS ≥ 0.7 of n words, at most 0.3n words differ and each breaks at most two bigrams,
  // so a match shares at least 0.4n - 1 bigrams (capped at 3: a cut-down partial quote shares
  // ≥ 3 of its own). Groups sharing fewer cannot pass and are not worth an LCS.
  const needed = Math.max(1, Math.min(MIN_SHARED, Math.floor(0.4 * keys.length - 1)));
  const ranked = [...hits]
    .filter(([, n]) => n >= needed)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, CANDIDATES);
  let best: number | null = null;
  let bestScore = 0;
  for (const [c] of ranked) {
    for (const sample of clusters[c]!.samples) {
      const score = similarity(keys, sample);
      if (score > bestScore) [best, bestScore] = [c, score];
      if (bestScore === 1) return best;
    }
  }
  return best;
}

function addToCluster(cluster: Cluster, u: number, keys: readonly string[]): void {
  cluster.members.push(u);
  const key = keys.join(' ');
  if (cluster.samples.length < SAMPLES && !cluster.sampleKeys.has(key)) {
    cluster.samples.push(keys.slice());
    cluster.sampleKeys.add(key);
  }
}

function indexShingles(keys: readonly string[], id: number, index: Map<string, number[]>): void {
  for (const s of shingles(keys)) {
    const postings = index.get(s);
    if (!postings) index.set(s, [id]);
    else if (postings.length <= MAX_POSTINGS && !postings.includes(id)) postings.push(id);
  }
}

/** How many other documents are consulted for a gap; bounds the pass on large corpora. */
const GAP_DOCS = 20;
const GAP_MAX_BETWEEN = 4;

/** The rewording pass: moves lone units into the group other outlets have at the same place. */
function fillGaps(units: readonly Unit[], clusters: Cluster[], clusterOf: number[]): void {
  units.forEach((unit, u) => {
    const own = clusters[clusterOf[u]!]!;
    if (own.members.length !== 1) return;
    const prev = units[u - 1];
    const next = units[u + 1];
    if (!prev || !next || prev.doc !== unit.doc || next.doc !== unit.doc) return;
    if (prev.quote !== unit.quote && next.quote !== unit.quote) return;
    const target = gapTarget(unit, clusters[clusterOf[u - 1]!]!, clusterOf[u + 1]!, units, clusters, clusterOf);
    if (target === null) return;
    own.members = [];
    clusters[target]!.members.push(u);
    clusterOf[u] = target;
  });
}

/**
 * The group that other documents have between `before` and the group `afterId`, sharing at least
 * two and half of the unit's content words; null when there is none or no clear one.
 */
function gapTarget(
  unit: Unit,
  before: Cluster,
  afterId: number,
  units: readonly Unit[],
  clusters: readonly Cluster[],
  clusterOf: readonly number[],
): number | null {
  const mine = new Set(contentKeys(unit.keys));
  let best: number | null = null;
  let bestShared = 0;
  const seenDocs = new Set<number>([unit.doc]);
  for (const b of before.members) {
    const doc = units[b]!.doc;
    if (seenDocs.has(doc) || seenDocs.size > GAP_DOCS) continue;
    seenDocs.add(doc);
    const between: number[] = [];
    let closed = false;
    for (let k = b + 1; k <= b + GAP_MAX_BETWEEN + 1 && units[k]?.doc === doc; k++) {
      if (clusterOf[k] === afterId) {
        closed = true;
        break;
      }
      between.push(clusterOf[k]!);
    }
    if (!closed) continue;
    for (const c of between) {
      const shared = sharedContent(mine, clusters[c]!);
      if (shared > bestShared) [best, bestShared] = [c, shared];
    }
  }
  return best !== null && bestShared >= 2 && bestShared / mine.size >= 0.5 ? best : null;
}

function sharedContent(mine: ReadonlySet<string>, cluster: Cluster): number {
  let best = 0;
  for (const sample of cluster.samples) {
    const theirs = new Set(contentKeys(sample));
    let n = 0;
    for (const k of mine) if (theirs.has(k)) n++;
    best = Math.max(best, n);
  }
  return best;
}
