/**
 * Each article's closest relative among the other documents: the one whose wording is nearest to its own
 * (word distance over the article's quotes, plus one per distinctive reading of the candidate that the
 * article lacks: an ancestor passes its changes on, a sibling or a child has changes of its own), ties broken by the same site (an AMP copy of the same page),
 * the fewer changes from the root, the earlier date, then the evidence of descent: shared distinctive readings, the article tree's choice.
 * Distance matters because shared readings alone are silent exactly where the evidence is simplest: a
 * copy made straight from a family's first article, or a reprint, shares no *deviation* with it, only
 * its words. Only candidates that nothing tells apart are a tie, and then the article says so.
 */
import { wordKeys } from '../normalize';
import { wordEditDistance, wordEditDistanceWithin } from '../text-distance';
import type { GroupModel } from './edges';

export interface RelativeFacts {
  /** Distinctive readings shared with the candidate, over all quotes. */
  shared: number;
  /** The article tree (arborescence) chose this candidate as the parent. */
  treeParent: boolean;
  /** Same site or outlet: the same newsroom's page at another URL. */
  sameSite: boolean;
  /** Readings (typography and punctuation included) held by one of the two and not the other, where both quote. */
  fine: number;
  /** The candidate's distinctive readings against the root where the article quotes: fewer = nearer the source. */
  drift: number;
  /** When the candidate was published (ms, the middle of its date), Infinity when unknown. */
  published: number;
}

export interface Ranked {
  /** null: the original itself (in the corpus), whose wording is the reference. */
  document: string | null;
  /** Word edit distance, plus the candidate's distinctive readings the article lacks (see `nearness`). */
  distance: number;
  /** The candidate has every change the article made and more of its own: it reads as the article's copy. */
  descendant: boolean;
  facts: RelativeFacts;
}

/** Word keys of each document's wording per group, for every document that quotes something. */
export function wordingsOf(models: readonly GroupModel[]): Map<string, Map<number, string[]>> {
  const out = new Map<string, Map<number, string[]>>();
  models.forEach((model, g) => {
    for (const node of model.nodes) {
      if (!out.has(node.document)) out.set(node.document, new Map());
      out.get(node.document)!.set(g, wordKeys(node.variant.text));
    }
  });
  return out;
}

/** Word edit distance from the child's quotes to the candidate's; a quote the candidate lacks counts whole. */
export function articleDistance(child: ReadonlyMap<number, string[]>, candidate: ReadonlyMap<number, string[]>): number {
  let d = 0;
  for (const [g, mine] of child) {
    const theirs = candidate.get(g);
    d += theirs ? (wordEditDistanceWithin(mine, theirs) + wordEditDistance(mine, theirs)) / 2 : mine.length;
  }
  return d;
}

/** Negative when `a` is the better relative. Distance first; the evidence of descent breaks ties. */
function compare(a: Ranked, b: Ranked): number {
  return (
    Number(a.descendant) - Number(b.descendant) ||
    a.distance - b.distance ||
    Number(b.facts.sameSite) - Number(a.facts.sameSite) ||
    // The same words: punctuation, dashes and quote marks are all that is left to go by.
    a.facts.fine - b.facts.fine ||
    // Copies accumulate changes: of two equally near wordings, the one nearer the root is the likelier source.
    a.facts.drift - b.facts.drift ||
    // Of two equally near wordings, the one printed first had it first: later ones more likely copied it.
    (a.facts.published === b.facts.published ? 0 : a.facts.published < b.facts.published ? -1 : 1) ||
    b.facts.shared - a.facts.shared ||
    Number(b.facts.treeParent) - Number(a.facts.treeParent) ||
    // As near as a copy and as well attested: the original is the simpler explanation.
    Number(b.document === null) - Number(a.document === null)
  );
}

/**
 * The best candidate, or the ones tied with it (nothing tells them apart); `margin` = how many more words
 * the runner-up is from the article (Infinity when there is none).
 */
export function rankRelatives(candidates: Ranked[]): { best: Ranked | null; tied: Ranked[]; margin: number } {
  const sorted = [...candidates].sort(compare);
  const first = sorted[0];
  if (!first) return { best: null, tied: [], margin: Number.POSITIVE_INFINITY };
  const tied = sorted.filter((c) => compare(c, first) === 0);
  const margin = sorted.length > 1 ? Math.max(0, sorted[1]!.distance - first.distance) : Number.POSITIVE_INFINITY;
  return tied.length > 1 ? { best: null, tied, margin: 0 } : { best: first, tied: [], margin };
}

/** How sure a pick by distance is: 0 when the runner-up is as near (won on evidence), → 1 as it falls behind. */
export function distanceConfidence(margin: number): number {
  return Number.isFinite(margin) ? 1 - Math.exp(-margin / WORDS_SCALE) : 1;
}

/** A margin of this many words gives confidence 1 − 1/e. */
const WORDS_SCALE = 3;
