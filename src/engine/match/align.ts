/**
 * Local word alignment (Smith–Waterman) of one page window against one reference sentence.
 *
 * Local on both sides on purpose: the page may quote only part of the sentence (truncated quotes,
 * sentences split in two) and may run past it ("…the real Jon — the veins in his head"); the best
 * local alignment stops where the words stop agreeing, so only the matching part is highlighted.
 * Work is bounded per candidate: window × ref words, both capped.
 */
import type { RefTable } from './pack-index';
import type { PageTokens } from './seeds';

/** Scores ×10 so the DP stays in integers (exact traceback, no float drift). */
const EXACT = 10;
/** Same skeleton (Jon/John) or same lemma (had/have): close but not the same word. */
const SOFT = 6;
const MISMATCH = -9;
const GAP = -8;
/** Longest page window aligned for one candidate; beyond it the window is clipped. */
const MAX_WINDOW = 400;

export interface Alignment {
  /** Page token range, `pageEnd` exclusive. */
  pageStart: number;
  pageEnd: number;
  /** Ref token range, `refEnd` exclusive. */
  refStart: number;
  refEnd: number;
  /** Aligned pairs with the same key / with only the same skeleton or lemma. */
  exact: number;
  soft: number;
  /** Ref content words aligned (exact or soft), and those among them rare in the pack. */
  content: number;
  rare: number;
  /** Raw DP score (×10). */
  score: number;
}

/** Score of page word i against ref word j (j is an absolute index into the ref table). */
function pairScore(page: PageTokens, i: number, refs: RefTable, j: number): number {
  const e = page.exact[i]!;
  if (e >= 0 && e === refs.exact[j]) return EXACT;
  const s = page.skel[i]!;
  if (s >= 0 && s === refs.skel[j]) return SOFT;
  const l = page.lemma[i]!;
  if (l >= 0 && l === refs.lemma[j]) return SOFT;
  return MISMATCH;
}

/** Best local alignment of page[lo, hi) with ref r, or null when nothing aligns. */
export function alignLocal(page: PageTokens, lo: number, hi: number, refs: RefTable, r: number): Alignment | null {
  const base = refs.start[r]!;
  const m = refs.start[r + 1]! - base;
  const n = Math.min(hi - lo, MAX_WINDOW);
  if (n <= 0 || m === 0) return null;
  const w = m + 1;
  const h = new Int32Array((n + 1) * w);
  let best = 0;
  let bestI = 0;
  let bestJ = 0;
  for (let i = 1; i <= n; i++) {
    const row = i * w;
    const prev = row - w;
    for (let j = 1; j <= m; j++) {
      let v = h[prev + j - 1]! + pairScore(page, lo + i - 1, refs, base + j - 1);
      const up = h[prev + j]! + GAP;
      if (up > v) v = up;
      const left = h[row + j - 1]! + GAP;
      if (left > v) v = left;
      if (v < 0) v = 0;
      h[row + j] = v;
      if (v > best) {
        best = v;
        bestI = i;
        bestJ = j;
      }
    }
  }
  if (best === 0) return null;

  // Traceback, counting aligned pairs; recomputes the same integer expressions, so equality is exact.
  let i = bestI;
  let j = bestJ;
  let exact = 0;
  let soft = 0;
  let content = 0;
  let rare = 0;
  while (i > 0 && j > 0 && h[i * w + j]! > 0) {
    const v = h[i * w + j]!;
    const s = pairScore(page, lo + i - 1, refs, base + j - 1);
    if (v === h[(i - 1) * w + j - 1]! + s) {
      if (s > 0) {
        if (s === EXACT) exact++;
        else soft++;
        if (refs.content[base + j - 1]) content++;
        if (refs.rare[base + j - 1]) rare++;
      }
      i--;
      j--;
    } else if (v === h[(i - 1) * w + j]! + GAP) {
      i--;
    } else {
      j--;
    }
  }
  return {
    pageStart: lo + i,
    pageEnd: lo + bestI,
    refStart: j,
    refEnd: bestJ,
    exact,
    soft,
    content,
    rare,
    score: best,
  };
}
