/**
 * The distinct wordings of the corpus (units with the same word keys are one wording) and which of them
 * are the same utterance. An edge joins two wordings when they share enough word bigrams and
 * `similarity` says they are the same utterance (`similarity.ts`); a pack's own grouping adds edges too
 * (its variants were judged one utterance where their articles could be read).
 *
 * An edge is a property of the pair alone — never of what else is in the corpus or of the order things
 * were added — so the groups built on it (clusters.ts) are the same however the corpus grew. Candidates
 * come from an inverted index of bigrams: a new wording is compared (LCS) only with wordings that share
 * enough bigrams with it, so adding one costs about the postings of its bigrams.
 */
import { similarity, type SameWord } from './similarity';

export interface Wording {
  /** The word keys joined by spaces: the wording's identity. */
  key: string;
  keys: readonly string[];
  bigrams: readonly string[];
  /** Ids of the units worded this way. */
  units: Set<string>;
  /** Neighbour key → score in (0, 1]. */
  edges: Map<string, number>;
}

function bigramsOf(keys: readonly string[]): string[] {
  if (keys.length < 2) return keys.slice();
  const out = new Set<string>();
  for (let i = 0; i + 1 < keys.length; i++) out.add(keys[i] + ' ' + keys[i + 1]);
  return [...out];
}

/**
 * Bigrams two wordings must share before they are compared. With LCS ≥ 0.7 of n words at most 0.3n
 * words differ and each breaks at most two bigrams, so a real match shares about 0.4n − 1 (capped at 3:
 * a cut-down partial quote shares ≥ 3 of its own). Taken on the shorter wording, so it is symmetric.
 */
function bigramsNeeded(a: number, b: number): number {
  return Math.max(1, Math.min(3, Math.floor(0.4 * Math.min(a, b) - 1)));
}

export class WordingGraph {
  readonly wordings = new Map<string, Wording>();
  private readonly index = new Map<string, Set<string>>();
  /** Pair key → how many pack groups join the two wordings. */
  private readonly links = new Map<string, number>();

  /** `same`: which words count as one (synonyms, when learning has the lexicon); exact keys otherwise. */
  constructor(private readonly same?: SameWord) {}

  /** Adds a unit; returns its wording's key and whether the wording is new. */
  addUnit(id: string, keys: readonly string[]): { key: string; created: boolean } {
    const key = keys.join(' ');
    const existing = this.wordings.get(key);
    if (existing) {
      existing.units.add(id);
      return { key, created: false };
    }
    const wording: Wording = { key, keys: keys.slice(), bigrams: bigramsOf(keys), units: new Set([id]), edges: new Map() };
    this.connect(wording);
    this.wordings.set(key, wording);
    for (const b of wording.bigrams) {
      let postings = this.index.get(b);
      if (!postings) this.index.set(b, (postings = new Set()));
      postings.add(key);
    }
    return { key, created: true };
  }

  /** Removes a unit; returns the neighbours its wording had if the wording went away with it. */
  removeUnit(id: string, keys: readonly string[]): string[] {
    const key = keys.join(' ');
    const wording = this.wordings.get(key);
    if (!wording) return [];
    wording.units.delete(id);
    if (wording.units.size > 0) return [];
    const neighbours = [...wording.edges.keys()];
    for (const n of neighbours) this.wordings.get(n)?.edges.delete(key);
    for (const b of wording.bigrams) {
      const postings = this.index.get(b);
      postings?.delete(key);
      if (postings?.size === 0) this.index.delete(b);
    }
    this.wordings.delete(key);
    return neighbours;
  }

  /** Joins two wordings because a pack grouped them (counted: several packs may say so). */
  link(a: string, b: string): void {
    if (a === b) return;
    const pair = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    this.links.set(pair, (this.links.get(pair) ?? 0) + 1);
    this.setEdge(a, b, 1);
  }

  unlink(a: string, b: string): void {
    if (a === b) return;
    const pair = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    const n = (this.links.get(pair) ?? 0) - 1;
    if (n > 0) return void this.links.set(pair, n);
    this.links.delete(pair);
    const wa = this.wordings.get(a);
    const wb = this.wordings.get(b);
    if (!wa || !wb) return;
    const score = similarity(wa.keys, wb.keys, this.same);
    if (score > 0 && this.shareEnough(wa, wb)) this.setEdge(a, b, score);
    else {
      wa.edges.delete(b);
      wb.edges.delete(a);
    }
  }

  private setEdge(a: string, b: string, score: number): void {
    this.wordings.get(a)?.edges.set(b, score);
    this.wordings.get(b)?.edges.set(a, score);
  }

  private shareEnough(a: Wording, b: Wording): boolean {
    const theirs = new Set(b.bigrams);
    let shared = 0;
    for (const g of a.bigrams) if (theirs.has(g)) shared++;
    return shared >= bigramsNeeded(a.keys.length, b.keys.length);
  }

  /** Finds the new wording's edges through the bigram index. */
  private connect(wording: Wording): void {
    const shared = new Map<string, number>();
    for (const b of wording.bigrams) for (const other of this.index.get(b) ?? []) shared.set(other, (shared.get(other) ?? 0) + 1);
    for (const [other, n] of shared) {
      const theirs = this.wordings.get(other)!;
      if (n < bigramsNeeded(wording.keys.length, theirs.keys.length)) continue;
      const score = similarity(wording.keys, theirs.keys, this.same);
      if (score <= 0) continue;
      wording.edges.set(other, score);
      theirs.edges.set(wording.key, score);
    }
  }

  /** Every wording connected to `start` by edges (its component of the graph). */
  component(start: string, seen: Set<string> = new Set()): string[] {
    const out: string[] = [];
    const stack = [start];
    while (stack.length > 0) {
      const key = stack.pop()!;
      if (seen.has(key) || !this.wordings.has(key)) continue;
      seen.add(key);
      out.push(key);
      for (const n of this.wordings.get(key)!.edges.keys()) if (!seen.has(n)) stack.push(n);
    }
    return out;
  }
}
