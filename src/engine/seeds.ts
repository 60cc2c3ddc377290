/**
 * One pass over the page: tokenise, map every word to the index's ids, look up its seeds, and
 * cluster the seeds of each reference sentence into candidate page windows.
 *
 * Cost: one tokenisation, a few hash lookups per page word (memoised per distinct word), and at most
 * BIGRAM_POSTING_CAP + UNIGRAM_POSTING_CAP postings followed per word — independent of pack size.
 */
import { tokenize } from './normalize';
import { isContentWord, lemma, seedKey, skeleton } from './match-keys';
import { SEED_PAIR_BASE, type PackIndex } from './match-index';

/** The page's words as index ids, plus their offsets in the page text. -1 means "not in the pack". */
export interface PageTokens {
  length: number;
  start: Int32Array;
  end: Int32Array;
  exact: Int32Array;
  skel: Int32Array;
  lemma: Int32Array;
  seed: Int32Array;
  content: Uint8Array;
}

/** A page window worth aligning against one ref. Token indices, `hi` exclusive. */
export interface Candidate {
  ref: number;
  lo: number;
  hi: number;
}

/** Seeds of one ref further apart than this (page words) start a new cluster. */
const CLUSTER_GAP = 12;
/** Page words added on each side of a cluster's projected extent before aligning. */
const WINDOW_SLACK = 8;
/** A cluster needs this many seeds at distinct ref positions to be aligned at all. */
const MIN_SEEDS = 2;

interface WordIds {
  exact: number;
  skel: number;
  lemma: number;
  seed: number;
  content: number;
}

export function pageTokens(index: PackIndex, text: string): PageTokens {
  const tokens = tokenize(text);
  const n = tokens.length;
  const out: PageTokens = {
    length: n,
    start: new Int32Array(n),
    end: new Int32Array(n),
    exact: new Int32Array(n),
    skel: new Int32Array(n),
    lemma: new Int32Array(n),
    seed: new Int32Array(n),
    content: new Uint8Array(n),
  };
  // Pages repeat words heavily; resolving each distinct word once keeps the per-word cost to one Map hit.
  const memo = new Map<string, WordIds>();
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    let ids = memo.get(t.key);
    if (!ids) {
      const key = t.key;
      ids = {
        exact: index.exactIds.get(key) ?? -1,
        skel: key.length >= 3 ? (index.skelIds.get(skeleton(key)) ?? -1) : -1,
        lemma: index.lemmaIds.get(lemma(key)) ?? -1,
        seed: index.seedIds.get(seedKey(key)) ?? -1,
        content: isContentWord(key) ? 1 : 0,
      };
      memo.set(key, ids);
    }
    out.start[i] = t.start;
    out.end[i] = t.end;
    out.exact[i] = ids.exact;
    out.skel[i] = ids.skel;
    out.lemma[i] = ids.lemma;
    out.seed[i] = ids.seed;
    out.content[i] = ids.content;
  }
  return out;
}

/** Per-ref seed hits in page order: flat [pagePos, refPos, …]. */
type Hits = number[];

function addHits(byRef: Map<number, Hits>, postings: Int32Array | undefined, pagePos: number): void {
  if (!postings) return;
  for (let k = 0; k < postings.length; k += 2) {
    const ref = postings[k]!;
    let hits = byRef.get(ref);
    if (!hits) byRef.set(ref, (hits = []));
    hits.push(pagePos, postings[k + 1]!);
  }
}

/** Scans the page once and returns the windows to verify, each tied to one ref. */
export function findCandidates(index: PackIndex, page: PageTokens): Candidate[] {
  const byRef = new Map<number, Hits>();
  for (let i = 0; i < page.length; i++) {
    const seed = page.seed[i]!;
    if (seed < 0) continue;
    if (page.content[i]) addHits(byRef, index.unigrams.get(seed), i);
    const next = i + 1 < page.length ? page.seed[i + 1]! : -1;
    if (next >= 0) addHits(byRef, index.bigrams.get(seed * SEED_PAIR_BASE + next), i);
  }

  const candidates: Candidate[] = [];
  for (const [ref, hits] of byRef) {
    const m = index.refs[ref]!.exact.length;
    let from = 0;
    for (let k = 2; k <= hits.length; k += 2) {
      // Close the cluster at the end or when the next hit is far from the previous one.
      if (k < hits.length && hits[k]! - hits[k - 2]! <= CLUSTER_GAP) continue;
      const cluster = hits.slice(from, k);
      from = k;
      const positions = new Set<number>();
      let lo = Infinity;
      let hi = -Infinity;
      for (let c = 0; c < cluster.length; c += 2) {
        const i = cluster[c]!;
        const j = cluster[c + 1]!;
        positions.add(j);
        lo = Math.min(lo, i - j);
        hi = Math.max(hi, i + (m - j));
      }
      if (positions.size < MIN_SEEDS) continue;
      candidates.push({
        ref,
        lo: Math.max(0, lo - WINDOW_SLACK),
        hi: Math.min(page.length, hi + WINDOW_SLACK),
      });
    }
  }
  return candidates;
}
