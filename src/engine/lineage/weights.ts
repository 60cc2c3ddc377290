/**
 * How much each kind of reading says about descent. A shared reading that anyone might produce on their
 * own (normalising quote marks, dropping a final full stop) says almost nothing; a shared editorial
 * bracket or a shared garble (a wrong tense, a swapped pronoun) is hard to produce twice by chance.
 * Numbers were set by reasoning about how often each edit arises independently, then checked against the
 * synthetic traditions of bench/lineage.bench.ts (docs/lineage.md has the figures and the reasons).
 */
import type { ReadingKind } from './readings';

export const KIND_WEIGHT: Readonly<Record<ReadingKind, number>> = {
  // House style and extraction: curly vs straight, case, final marks. Everyone normalises these.
  typography: 0.05,
  // Commas, slashes, dashes between words: often re-punctuated independently.
  punctuation: 0.3,
  // Cutting a quote at a sentence boundary is common; cutting at the same word less so.
  truncated: 0.5,
  spelling: 0.6,
  ellipsis: 1.0,
  omitted: 1.2,
  added: 1.2,
  substituted: 1.5,
  // An editor's [insertion]: a deliberate, visible choice that a copier keeps.
  bracket: 2.0,
  // A mishearing or a wrong tense or pronoun: the classic shared error.
  garble: 2.5,
};

/** Readings at or above this weight count as distinctive ("5 shared readings"); typography does not. */
export const DISTINCTIVE = 0.3;

/**
 * Rarity: a reading held by few of the witnesses that could hold it is stronger evidence that those few
 * are related. 1 when all covering witnesses share it, growing with the log of the ratio.
 */
export function rarity(holders: number, covering: number): number {
  return 1 + Math.log(Math.max(1, covering) / Math.max(1, holders));
}

/** Cost weights of the edge model (docs/lineage.md). */
export const COST = {
  /** A reading the child has and the parent lacks: the child's own change. */
  innovation: 1,
  /** A reading the parent has and the child lacks where the child covers it: undoing a change is rare. */
  reversion: 2,
  /** A reading both share (× weight × rarity) is subtracted: evidence of descent. */
  shared: 1,
  /** Parent and child dates not known to be in order (missing, or the same month): a weaker edge. */
  unknownOrder: 0.25,
  /**
   * Article level: per quote of the child that the candidate parent does not carry. A copy cannot take
   * words its source does not have; an article quoting more than another had a source of its own.
   */
  quoteNotInParent: 0.5,
  /** The rest of the child's article follows the same parent (the document-level tree). */
  sameArticleParent: 0.6,
  /** Confidence = 1 − exp(−margin / scale), margin = how much worse the best alternative parent is. */
  confidenceScale: 0.8,
  /** Below this confidence an edge says "unclear" rather than guess. */
  unclear: 0.35,
} as const;
