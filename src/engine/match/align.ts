/**
 * Local word alignment (Smith–Waterman) of one page window against one reference sentence.
 *
 * Local on both sides on purpose: the page may quote only part of the sentence (truncated quotes,
 * sentences split in two) and may run past it ("…the real Jon — the veins in his head"); the best
 * local alignment stops where the words stop agreeing, so only the matching part is highlighted.
 * A whole block of other text inside the quote — an inline ad between two paragraphs, a caption cue's
 * timestamp — is skipped at one small cost instead of word by word, and left out of the highlight:
 * the alignment comes back as pieces around what it skipped.
 * Work is bounded per candidate: window × ref words, both capped.
 */
import { sentenceEdges } from './align-edges';
import type { RefTable } from './pack-index';
import type { PageTokens } from './seeds';

/** Scores ×10 so the DP stays in integers (exact traceback, no float drift). */
const EXACT = 10;
/** Same skeleton (Jon/John) or same lemma (had/have): close but not the same word. */
const SOFT = 6;
/** A synonym from the lexicon (genuine/real, desired/wanted): the same sense, another word. */
const SYN = 5;
const MISMATCH = -9;
const GAP = -8;
/**
 * Skipping a whole block of page words (between two breaks) inside a quote. Cheaper than one gap: an ad
 * or a timestamp line between two halves of a sentence is page furniture, not a changed quote.
 */
const SKIP = -4;
/** Longest block skipped whole (words): an ad line, a credit, a timestamp; a paragraph of prose is not furniture. */
export const MAX_SKIP_WORDS = 40;
/**
 * A piece on either side of a skipped block needs this many aligned words, or it is dropped: two common
 * words after an unrelated caption ("And he …") are a coincidence, not the rest of the quote. A shorter
 * piece stays when it holds a content word and finishes (or starts) the sentence: "…close relationship |
 * 0:45 | with Jon."
 */
const MIN_PIECE_WORDS = 3;
/** Longest page window aligned for one candidate; beyond it the window is clipped. */
const MAX_WINDOW = 400;

export interface Alignment {
  /** Page token range, `pageEnd` exclusive. */
  pageStart: number;
  pageEnd: number;
  /** Ref token range, `refEnd` exclusive. */
  refStart: number;
  refEnd: number;
  /** Aligned pairs with the same key / with only the same skeleton or lemma / synonyms from the lexicon. */
  exact: number;
  soft: number;
  syn: number;
  /** Ref content words aligned (exact or soft), and those among them rare in the pack. */
  content: number;
  rare: number;
  /** Raw DP score (×10). */
  score: number;
  /** Page token ranges [from, to) skipped whole inside the alignment, in page order (usually none). */
  skipped: [number, number][];
  /** Page words inside [pageStart, pageEnd) that were skipped. */
  skippedWords: number;
}

/** Score of page word i against ref word j (j is an absolute index into the ref table). */
function pairScore(page: PageTokens, i: number, refs: RefTable, j: number): number {
  const e = page.exact[i]!;
  if (e >= 0 && e === refs.exact[j]) return EXACT;
  const s = page.skel[i]!;
  if (s >= 0 && s === refs.skel[j]) return SOFT;
  const l = page.lemma[i]!;
  if (l >= 0 && l === refs.lemma[j]) return SOFT;
  const x = refs.exact[j]!;
  for (let k = page.synFrom[i]!, end = page.synTo[i]!; k < end; k++) if (page.synList[k] === x) return SYN;
  return MISMATCH;
}

/**
 * For each DP row i (page word lo + i - 1): the row a skip of its whole block starts from, or -1. A block
 * is skippable when breaks stand on both sides of it, it lies inside the window, and it is short.
 */
function skipRows(page: PageTokens, lo: number, n: number): Int32Array | null {
  let rows: Int32Array | null = null;
  let blockStart = -1;
  for (let i = 1; i <= n; i++) {
    const k = lo + i - 1;
    if (page.brk[k]) blockStart = k;
    const endsBlock = k + 1 < page.length && page.brk[k + 1] === 1;
    if (!endsBlock || blockStart <= lo || k + 1 - blockStart > MAX_SKIP_WORDS) continue;
    rows ??= new Int32Array(n + 1).fill(-1);
    rows[i] = blockStart - lo;
  }
  return rows;
}

/** One step of the traceback. */
const DIAG = 0;
const UP = 1;
const LEFT = 2;
const JUMP = 3;

/** Best local alignment of page[lo, hi) with ref r, or null when nothing aligns. */
export function alignLocal(page: PageTokens, lo: number, hi: number, refs: RefTable, r: number): Alignment | null {
  const base = refs.start[r]!;
  const m = refs.start[r + 1]! - base;
  const n = Math.min(hi - lo, MAX_WINDOW);
  if (n <= 0 || m === 0) return null;
  const w = m + 1;
  const h = new Int32Array((n + 1) * w);
  const skips = skipRows(page, lo, n);
  let best = 0;
  let bestI = 0;
  let bestJ = 0;
  for (let i = 1; i <= n; i++) {
    const row = i * w;
    const prev = row - w;
    const from = skips ? skips[i]! : -1;
    for (let j = 1; j <= m; j++) {
      let v = h[prev + j - 1]! + pairScore(page, lo + i - 1, refs, base + j - 1);
      const up = h[prev + j]! + GAP;
      if (up > v) v = up;
      const left = h[row + j - 1]! + GAP;
      if (left > v) v = left;
      if (from >= 0) {
        const jump = h[from * w + j]! + SKIP;
        if (jump > v) v = jump;
      }
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

  // Traceback into a list of steps (last first); recomputes the same integer expressions, so equality is exact.
  const kind: number[] = [];
  const at: number[] = [];
  const ref: number[] = [];
  const gain: number[] = [];
  const step = (k: number, a: number, r: number, g: number): void => {
    kind.push(k);
    at.push(a);
    ref.push(r);
    gain.push(g);
  };
  let i = bestI;
  let j = bestJ;
  while (i > 0 && j > 0 && h[i * w + j]! > 0) {
    const v = h[i * w + j]!;
    const s = pairScore(page, lo + i - 1, refs, base + j - 1);
    const from = skips ? skips[i]! : -1;
    if (v === h[(i - 1) * w + j - 1]! + s) {
      step(DIAG, lo + i - 1, j - 1, s);
      i--;
      j--;
    } else if (v === h[(i - 1) * w + j]! + GAP) {
      step(UP, lo + i - 1, j, GAP);
      i--;
    } else if (v === h[i * w + j - 1]! + GAP) {
      step(LEFT, lo + i, j - 1, GAP);
      j--;
    } else if (from >= 0 && v === h[from * w + j]! + SKIP) {
      step(JUMP, lo + from, lo + i, SKIP); // ref: where the block ends
      i = from;
    } else break; // unreachable: every cell came from one of the four
  }
  for (const steps of [kind, at, ref, gain]) steps.reverse();
  return summarise(page, refs, base, m - 1, kind, at, ref, gain);
}

/**
 * Counts of the steps kept: pieces on either edge with fewer than MIN_PIECE_WORDS aligned words are
 * dropped with the skip beside them, then a short run across a page sentence end (align-edges.ts) and steps
 * that align nothing are trimmed from both ends.
 * Steps: `at` is the page position (a JUMP's first skipped word), `ref` the ref position (a JUMP's end).
 */
function summarise(
  page: PageTokens,
  refs: RefTable,
  base: number,
  refLast: number,
  kind: number[],
  at: number[],
  ref: number[],
  gain: number[],
): Alignment | null {
  let from = 0;
  let to = kind.length;
  /** Steps [a, b) make a piece worth keeping at the edge (`edge`: the ref position it must reach when short). */
  const worthKeeping = (a: number, b: number, edge: number) => {
    let aligned = 0;
    let content = false;
    let reaches = false;
    for (let k = a; k < b; k++) {
      if (kind[k] !== DIAG || gain[k]! <= 0) continue;
      aligned++;
      if (refs.content[base + ref[k]!]) content = true;
      if (ref[k] === edge) reaches = true;
    }
    return aligned >= MIN_PIECE_WORDS || (aligned > 0 && content && reaches);
  };
  for (;;) {
    const firstJump = kind.indexOf(JUMP, from);
    if (firstJump === -1 || firstJump >= to || worthKeeping(from, firstJump, 0)) break;
    from = firstJump + 1;
  }
  for (;;) {
    const lastJump = kind.lastIndexOf(JUMP, to - 1);
    if (lastJump < from || worthKeeping(lastJump + 1, to, refLast)) break;
    to = lastJump;
  }
  [from, to] = sentenceEdges(page, refs.cut, base, { at, ref, aligned: (k) => kind[k] === DIAG && gain[k]! > 0 }, from, to);
  if (from >= to) return null;

  let exact = 0;
  let soft = 0;
  let syn = 0;
  let content = 0;
  let rare = 0;
  let score = 0;
  let skippedWords = 0;
  const skipped: [number, number][] = [];
  for (let k = from; k < to; k++) {
    score += gain[k]!;
    if (kind[k] === JUMP) {
      const end = ref[k]!;
      skipped.push([at[k]!, end]);
      skippedWords += end - at[k]!;
      continue;
    }
    if (kind[k] !== DIAG || gain[k]! <= 0) continue;
    const j = base + ref[k]!;
    if (gain[k] === EXACT) exact++;
    else if (gain[k] === SOFT) soft++;
    else syn++;
    if (refs.content[j]) content++;
    // A synonym is evidence of the sentence, not of this quote among others: rare words must be there themselves.
    if (refs.rare[j] && gain[k] !== SYN) rare++;
  }
  return {
    pageStart: at[from]!,
    pageEnd: at[to - 1]! + 1,
    refStart: ref[from]!,
    refEnd: ref[to - 1]! + 1,
    exact,
    soft,
    syn,
    content,
    rare,
    score,
    skipped,
    skippedWords,
  };
}
