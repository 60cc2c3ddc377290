/**
 * Where a local alignment may end on the page. Smith–Waterman keeps an edge word whenever its score pays
 * for the gap before it, so a page that runs past the corpus wording can lend the match a word of its next
 * sentence: "…and then kissed her. It was a very special day." aligns "It" to the corpus's last word ("…kissed
 * it.") across an inserted "her", and the mark would run into the sentence the speaker added. A run of fewer
 * than MIN_EDGE_WORDS aligned words at either edge, cut off from the rest by a sentence end on the page where
 * the corpus sentence has no clause boundary, is left out: a mark covers only what a corpus wording has.
 */
import type { PageTokens } from './seeds';

/** An edge run this long across a sentence end is the quote going on, not a coincidence. */
export const MIN_EDGE_WORDS = 3;

export interface Steps {
  /** Page position of each step. */
  at: readonly number[];
  /** Ref position of each step (relative to the sentence). */
  ref: readonly number[];
  /** The step aligns a page word with a ref word (a scoring diagonal). */
  aligned(k: number): boolean;
}

/** The page sentence ends right before step k's word, and the corpus sentence goes on there without a break. */
function crossesSentence(page: PageTokens, cut: Uint8Array, base: number, steps: Steps, k: number): boolean {
  return page.stop[steps.at[k]!] === 1 && cut[base + steps.ref[k]!] !== 1;
}

/** Steps [from, to) less a short run at either edge across a page sentence end; both edges on aligned steps. */
export function sentenceEdges(page: PageTokens, cut: Uint8Array, base: number, steps: Steps, from: number, to: number): [number, number] {
  let words = 0;
  for (let k = to - 1; k > from && words < MIN_EDGE_WORDS; k--) {
    if (!steps.aligned(k)) continue;
    words++;
    if (crossesSentence(page, cut, base, steps, k)) {
      to = k;
      words = 0;
    }
  }
  words = 0;
  for (let k = from; k < to && words < MIN_EDGE_WORDS; k++) {
    if (!steps.aligned(k)) continue;
    if (k > from && words > 0 && crossesSentence(page, cut, base, steps, k)) {
      from = k;
      words = 0;
    }
    words++;
  }
  while (from < to && !steps.aligned(from)) from++;
  while (to > from && !steps.aligned(to - 1)) to--;
  return [from, to];
}
