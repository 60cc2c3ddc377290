/**
 * One quote group as witnesses and the cost of each possible "parent → child" edge between them.
 * Cost = the child's own changes + the parent's changes the child undid − the readings they share
 * (weighted by kind and rarity); the root is the original (or, when the corpus lacks it, the reference
 * wording as a stand-in), whose edge to a child costs that child's own changes only.
 */
import type { QuoteGroup, Variant } from '../types';
import { consensusIndex, type Wording } from '../consensus';
import { wordKeys } from '../normalize';
import { covers, readWitness, referenceWitness, type Reading, type Witness } from './readings';
import { COST, KIND_WEIGHT, rarity } from './weights';

export interface GroupNode {
  document: string;
  /** The document's wording used for the group (its longest variant when it quotes the words twice). */
  variant: Variant;
  witness: Witness;
}

export interface GroupModel {
  group: QuoteGroup;
  /** The wording readings are taken against: the original's when the corpus holds it, else the consensus. */
  reference: string;
  referenceWords: number;
  /** The original's document id (the root), or null when the root is the reference wording only. */
  original: string | null;
  nodes: GroupNode[];
  /** Per place: how many witnesses cover it, and how many hold each value there. */
  covering: Map<string, number>;
  holders: Map<string, number>;
}

/** The document's longest wording in the group (a standfirst fragment loses to the full sentence). */
export function representative(variants: readonly Variant[], document: string): Variant | undefined {
  let best: Variant | undefined;
  let bestWords = -1;
  for (const v of variants) {
    if (v.document !== document) continue;
    const n = wordKeys(v.text).length;
    if (n > bestWords) {
      best = v;
      bestWords = n;
    }
  }
  return best;
}

/** How a group is read when its original is not in the corpus. */
export interface Reconstruction {
  /** The earliest reports: their readings count double where the root is reconstructed. */
  early?: ReadonlySet<string>;
  /**
   * Which page each document is (documents absent: a page of their own). Documents of one page (a page
   * and its AMP copy: same site, same words) are one testimony, so they vote once between them.
   */
  page?: ReadonlyMap<string, string>;
}

export function groupModel(group: QuoteGroup, original: string | null, o: Reconstruction = {}): GroupModel {
  const docs = [...new Set(group.variants.map((v) => v.document))];
  const reference = original ? representative(group.variants, original)!.text : pageConsensus(group, docs, o.page);
  const referenceWords = wordKeys(reference).length;
  const nodes: GroupNode[] = docs
    .filter((d) => d !== original)
    .map((document) => {
      const variant = representative(group.variants, document)!;
      return { document, variant, witness: readWitness(reference, variant.text) };
    });
  if (!original) polarise(nodes, o);
  const covering = new Map<string, number>();
  const holders = new Map<string, number>();
  const kinds = new Map<string, number>();
  for (const n of nodes) {
    for (const r of n.witness.readings.values()) {
      const key = `${r.at}|${r.value}`;
      holders.set(key, (holders.get(key) ?? 0) + 1);
      kinds.set(r.at, Math.max(kinds.get(r.at) ?? 0, KIND_WEIGHT[r.kind]));
    }
  }
  for (const at of kinds.keys()) covering.set(at, nodes.filter((n) => covers(n.witness, at)).length);
  return { group, reference, referenceWords, original, nodes, covering, holders };
}

/**
 * Without the original, readings are first taken against the consensus — the most common whole wording,
 * which a large family of copies can win while carrying its own changes. Place by place, the value most
 * witnesses hold (the earliest reports counting double: news copies forward in time) is taken as the
 * root's; where that is not the consensus's, the readings there are turned round: those who hold it read
 * nothing, the others read "lacks it". The root becomes a reconstruction, like a philologist's archetype.
 */
function polarise(nodes: GroupNode[], { early = new Set(), page }: Reconstruction): void {
  const places = new Map<string, Map<string, Reading>>();
  for (const n of nodes)
    for (const r of n.witness.readings.values()) {
      if (r.at === 'start' || r.at === 'end' || r.kind === 'typography') continue;
      if (!places.has(r.at)) places.set(r.at, new Map());
      places.get(r.at)!.set(r.value, r);
    }
  const pageOf = (d: string) => page?.get(d) ?? d;
  const copies = new Map<string, number>();
  for (const n of nodes) copies.set(pageOf(n.document), (copies.get(pageOf(n.document)) ?? 0) + 1);
  const weight = (n: GroupNode) => (early.has(n.document) ? 2 : 1) / copies.get(pageOf(n.document))!;
  for (const [at, values] of places) {
    const covering = nodes.filter((n) => covers(n.witness, at));
    const byValue = new Map<string, number>();
    let keep = 0;
    // A typography reading at the place (the same word, another apostrophe) agrees with the reference.
    const agrees = (r: Reading | undefined) => !r || r.kind === 'typography';
    for (const n of covering) {
      const r = n.witness.readings.get(at);
      if (agrees(r)) keep += weight(n);
      else byValue.set(r!.value, (byValue.get(r!.value) ?? 0) + weight(n));
    }
    const [value, w] = [...byValue].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (w <= keep) continue;
    const reading = values.get(value)!;
    for (const n of covering) {
      const r = n.witness.readings.get(at);
      if (r?.value === value) n.witness.readings.delete(at);
      else if (agrees(r)) n.witness.readings.set(at, { at, value: `~${value}`, kind: reading.kind, label: `lacks ${reading.label}` });
    }
  }
}

/**
 * The group's consensus, one vote per page: the pack's own consensus counts a page and its AMP copy
 * twice, and two addresses of one article can outvote the outlet it copied.
 */
function pageConsensus(group: QuoteGroup, docs: readonly string[], page: ReadonlyMap<string, string> | undefined): string {
  const pages = [...new Set(docs.map((d) => page?.get(d) ?? d))];
  if (!page || pages.length === docs.length) return group.consensus;
  // One wording per page: the medoid that breaks ties weighs every wording it is given.
  const wordings: Wording[] = pages.map((d, doc) => {
    const text = representative(group.variants, d)!.text;
    return { doc, text, keys: wordKeys(text) };
  });
  return wordings[consensusIndex(wordings)]!.text;
}

/** The weight of one reading within its group: its kind's weight × how rare it is among those who could have it. */
export function readingWeight(model: GroupModel, r: Reading): number {
  return KIND_WEIGHT[r.kind] * rarity(model.holders.get(`${r.at}|${r.value}`) ?? 1, model.covering.get(r.at) ?? 1);
}

export interface EdgeReadings {
  /** Readings-only cost (no dates, credits or article prior). */
  cost: number;
  /** The same without what shared readings subtract: changes only (parsimony). */
  changes: number;
  shared: Reading[];
  /** The child's own changes. */
  own: Reading[];
  /** The parent's changes the child does not have, where it covers them (and words it has that the parent cut). */
  against: Reading[];
}

const ROOT_WITNESS: Witness = referenceWitness(0);

/** Readings cost of `parent` (null = the root) → `child`. */
export function edgeReadings(model: GroupModel, parent: GroupNode | null, child: GroupNode): EdgeReadings {
  const c = child.witness;
  const p = parent ? parent.witness : ROOT_WITNESS;
  const out: EdgeReadings = { cost: 0, changes: 0, shared: [], own: [], against: [] };
  for (const r of c.readings.values()) {
    const pr = p.readings.get(r.at);
    if (r.at === 'start' || r.at === 'end') {
      if (pr?.value === r.value) shareIt(model, r, out);
      else ownIt(model, r, out);
      continue;
    }
    if (pr && pr.value === r.value) shareIt(model, r, out);
    else ownIt(model, r, out);
  }
  if (parent) {
    for (const pr of p.readings.values()) {
      if (pr.at === 'start' || pr.at === 'end' || c.readings.has(pr.at) || !covers(c, pr.at)) continue;
      out.against.push(pr);
      const restored = pr.kind === 'omitted' ? Number(pr.value.slice(2)) : 0;
      const w = COST.reversion * (readingWeight(model, pr) + 0.3 * restored);
      out.cost += w;
      out.changes += w;
    }
    // Words the child has that the parent cut: it cannot have copied them from this parent.
    const restored = Math.max(0, c.last - p.last) + Math.max(0, p.first - c.first);
    if (restored > 0) {
      const cutReading = p.readings.get(c.last > p.last ? 'end' : 'start');
      if (cutReading) out.against.push(cutReading);
      out.cost += COST.reversion * (KIND_WEIGHT.truncated + 0.3 * restored);
      out.changes += COST.reversion * (KIND_WEIGHT.truncated + 0.3 * restored);
    }
  }
  return out;
}

function shareIt(model: GroupModel, r: Reading, out: EdgeReadings): void {
  out.shared.push(r);
  out.cost -= COST.shared * readingWeight(model, r);
}

function ownIt(model: GroupModel, r: Reading, out: EdgeReadings): void {
  out.own.push(r);
  out.cost += COST.innovation * KIND_WEIGHT[r.kind];
  out.changes += COST.innovation * KIND_WEIGHT[r.kind];
}
