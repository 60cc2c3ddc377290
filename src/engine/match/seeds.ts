/**
 * One pass over the page: tokenise, map every word to the index's ids, look up its seeds, and
 * cluster the seeds of each reference sentence into candidate page windows.
 *
 * Cost: one tokenisation, a few hash lookups per page word (memoised per distinct word), and at most
 * BIGRAM_POSTING_CAP + UNIGRAM_POSTING_CAP postings followed per word — independent of pack size.
 */
import { memoWordKey, scanWords } from '../normalize';
import { isContentWord, lemma, skeleton } from './keys';
import { baseForms } from './lexicon';
import { bigramKey, MAX_REF_TOKENS, refLength, type PackIndex, type Postings } from './pack-index';
import { MAX_SKIP_WORDS } from './align';

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
  /** Unigram posting slot of the word (-1: none), resolved once per distinct word. */
  uniSlot: Int32Array;
  /**
   * The pack words (exact ids) the page word is a synonym of: `synonyms.list[synonyms.from[i] .. synonyms.from[i + 1])`.
   * Shared per distinct word; empty for most words.
   */
  synFrom: Int32Array;
  synTo: Int32Array;
  synList: Int32Array;
  /** Unigram posting slot of each `synList` entry's seed (-1: none): a synonym seeds like the word it stands for. */
  synSlot: Int32Array;
  /** Seed id of the first pack word the page word is a synonym of (-1: none), for bigrams. */
  synSeed: Int32Array;
  /** 1 when a block break (a "\n" of the visible text: paragraph, caption line, <br>) lies before the word. */
  brk: Uint8Array;
  /** 1 when a sentence ends between the word before and this one (., !, ? or …): align-edges.ts. */
  stop: Uint8Array;
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
/**
 * A cluster is aligned only when its seeds cover this many distinct ref words (a bigram covers two):
 * one shared bigram plus one more shared word. A lone coincidence never costs an alignment.
 */
const MIN_COVERED = 3;
/** Marks a hit as a bigram (covers refPos and refPos + 1). Ref positions stay below MAX_REF_TOKENS. */
const BIGRAM_FLAG = 1 << 16;

interface WordIds {
  synSeed: number;
  /** Synonyms' exact ids and their unigram posting slots (content words only, -1 otherwise). */
  syn: number[];
  synSlots: number[];
  exact: number;
  skel: number;
  lemma: number;
  seed: number;
  content: number;
  uniSlot: number;
}

const NONE: number[] = [];

/** The pack words `key` is a synonym of, through its base forms (at most MAX_SYNONYMS). */
function synonymIds(index: PackIndex, key: string): number[] {
  if (index.synonyms.size === 0 || key.length < 3) return NONE;
  let out = NONE;
  for (const base of baseForms(key)) {
    for (const id of index.synonyms.get(base) ?? NONE) {
      if (out === NONE) out = [];
      if (!out.includes(id) && out.length < MAX_SYNONYMS) out.push(id);
    }
  }
  return out;
}

/** A page word stands for at most this many pack words (WordNet's "require": need, want, ask, take…). */
const MAX_SYNONYMS = 6;

function resolveWord(index: PackIndex, key: string): WordIds {
  const known = index.words.get(key);
  if (known) {
    const uniSlot = known.content ? index.unigrams.slots.get(known.seed) : -1;
    return {
      exact: known.exact,
      skel: known.skel,
      lemma: known.lemma,
      seed: known.seed,
      content: known.content ? 1 : 0,
      uniSlot,
      syn: NONE,
      synSlots: NONE,
      synSeed: -1,
    };
  }
  // Not in the pack: it can still match softly (respelled name, other tense) or seed by skeleton.
  const skel = key.length >= 3 ? skeleton(key) : '';
  const seed = index.seedIds.get(skel || key) ?? -1; // = seedKey(key), skeleton computed once
  const content = isContentWord(key) ? 1 : 0;
  const syn = synonymIds(index, key);
  // A synonym seeds like the pack word it stands for (spinning breaks most bigrams; these unigrams survive).
  const synSlots = syn.map((id) => {
    const seedId = index.seedOfExact[id]!;
    return seedId >= 0 ? index.unigrams.slots.get(seedId) : -1;
  });
  // …and in bigrams as the first pack word it stands for (findCandidates looks up both).
  const synSeed = syn.length > 0 ? index.seedOfExact[syn[0]!]! : -1;
  return {
    synSeed,
    syn,
    synSlots,
    exact: -1,
    skel: skel ? (index.skelIds.get(skel) ?? -1) : -1,
    lemma: index.lemmaIds.get(lemma(key)) ?? -1,
    seed,
    content,
    uniSlot: content && seed >= 0 ? index.unigrams.slots.get(seed) : -1,
  };
}

/**
 * Tokenises the page (same words and offsets as `tokenize`) straight into id arrays. Each distinct
 * raw word is normalised and looked up once: normalising (NFKD, folds) costs far more than finding
 * a word, and a page of 180 000 words has only a few thousand distinct ones.
 */
const SENTENCE_STOP = /[.!?\u2026]/;

export function pageTokens(index: PackIndex, text: string): PageTokens {
  // A word takes at least one character plus a separator, so this bounds the count.
  const cap = (text.length >> 1) + 1;
  const start = new Int32Array(cap);
  const end = new Int32Array(cap);
  const exact = new Int32Array(cap);
  const skel = new Int32Array(cap);
  const lem = new Int32Array(cap);
  const seed = new Int32Array(cap);
  const content = new Uint8Array(cap);
  const uniSlot = new Int32Array(cap);
  const brk = new Uint8Array(cap);
  const stop = new Uint8Array(cap);
  const synSeed = new Int32Array(cap);
  const synFrom = new Int32Array(cap);
  const synTo = new Int32Array(cap);
  const synList: number[] = [];
  const synSlot: number[] = [];
  const synAt = new Map<WordIds, number>();
  const memo = new Map<string, WordIds>();
  const keys = new Map<string, string>();
  let n = 0;
  let newline = text.indexOf('\n');
  scanWords(text, (from, to) => {
    if (newline !== -1 && newline < from) {
      brk[n] = 1;
      while (newline !== -1 && newline < from) newline = text.indexOf('\n', newline + 1);
    }
    if (n > 0 && SENTENCE_STOP.test(text.slice(end[n - 1]!, from))) stop[n] = 1;
    const raw = text.slice(from, to);
    let ids = memo.get(raw);
    if (!ids) memo.set(raw, (ids = resolveWord(index, memoWordKey(keys, raw))));
    start[n] = from;
    end[n] = to;
    exact[n] = ids.exact;
    skel[n] = ids.skel;
    lem[n] = ids.lemma;
    seed[n] = ids.seed;
    content[n] = ids.content;
    uniSlot[n] = ids.uniSlot;
    synSeed[n] = ids.synSeed;
    if (ids.syn.length > 0) {
      let at = synAt.get(ids);
      if (at === undefined) {
        synAt.set(ids, (at = synList.length));
        synList.push(...ids.syn);
        synSlot.push(...ids.synSlots);
      }
      synFrom[n] = at;
      synTo[n] = at + ids.syn.length;
    } else synFrom[n] = synTo[n] = 0;
    n++;
  });
  return {
    length: n,
    start: start.subarray(0, n),
    end: end.subarray(0, n),
    exact: exact.subarray(0, n),
    skel: skel.subarray(0, n),
    lemma: lem.subarray(0, n),
    seed: seed.subarray(0, n),
    content: content.subarray(0, n),
    uniSlot: uniSlot.subarray(0, n),
    brk: brk.subarray(0, n),
    stop: stop.subarray(0, n),
    synFrom: synFrom.subarray(0, n),
    synTo: synTo.subarray(0, n),
    synList: Int32Array.from(synList),
    synSlot: Int32Array.from(synSlot),
    synSeed: synSeed.subarray(0, n),
  };
}

/**
 * For each page position, how many words before it lie in short blocks (at most MAX_SKIP_WORDS words between
 * two breaks): the words an alignment may skip whole (align.ts). Lets a cluster of seeds continue past an
 * inline ad or a caption's timestamp between two halves of a quote.
 */
function shortBlockWords(page: PageTokens): Int32Array {
  const n = page.length;
  const out = new Int32Array(n + 1);
  let blockStart = 0;
  const close = (end: number) => {
    const short = end - blockStart <= MAX_SKIP_WORDS ? 1 : 0;
    for (let k = blockStart; k < end; k++) out[k + 1] = out[k]! + short;
  };
  for (let i = 1; i <= n; i++) {
    if (i === n || page.brk[i]) {
      close(i);
      blockStart = i;
    }
  }
  return out;
}

/** Seed hits of the whole page in page order, as parallel arrays (no per-ref allocation). */
class HitList {
  ref: Int32Array<ArrayBuffer> = new Int32Array(4096);
  pagePos: Int32Array<ArrayBuffer> = new Int32Array(4096);
  refPos: Int32Array<ArrayBuffer> = new Int32Array(4096);
  length = 0;

  push(ref: number, pagePos: number, refPos: number): void {
    if (this.length === this.ref.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.ref = grow(this.ref);
      this.pagePos = grow(this.pagePos);
      this.refPos = grow(this.refPos);
    }
    this.ref[this.length] = ref;
    this.pagePos[this.length] = pagePos;
    this.refPos[this.length] = refPos;
    this.length++;
  }
}

function addHits(hits: HitList, postings: Postings, slot: number, pagePos: number, flag: number): void {
  if (slot < 0) return;
  const { data } = postings;
  for (let k = postings.from[slot]!, end = postings.from[slot + 1]!; k < end; k += 2) hits.push(data[k]!, pagePos, data[k + 1]! | flag);
}

/** Scans the page once and returns the windows to verify, each tied to one ref. */
export function findCandidates(index: PackIndex, page: PageTokens): Candidate[] {
  const hits = new HitList();
  const { seed, content } = page;
  const { synSeed } = page;
  const bigram = (i: number, a: number, b: number) => {
    if (a >= 0 && b >= 0) addHits(hits, index.bigrams, index.bigrams.slots.get(bigramKey(a, b)), i, BIGRAM_FLAG);
  };
  for (let i = 0; i < page.length; i++) {
    for (let k = page.synFrom[i]!; k < page.synTo[i]!; k++) addHits(hits, index.unigrams, page.synSlot[k]!, i, 0);
    const s = seed[i]!;
    addHits(hits, index.unigrams, page.uniSlot[i]!, i, 0);
    if (i + 1 >= page.length) continue;
    // Same rule as the index: a bigram of two function words is never a seed. A synonym on either side
    // also seeds as the pack word it stands for ("the genuine Jon" → "the real", "real Jon").
    const next = seed[i + 1]!;
    if (content[i] || content[i + 1] || synSeed[i]! >= 0 || synSeed[i + 1]! >= 0) {
      bigram(i, s, next);
      if (synSeed[i]! >= 0) bigram(i, synSeed[i]!, next);
      if (synSeed[i + 1]! >= 0) bigram(i, s, synSeed[i + 1]!);
    }
  }

  // Bucket the hits by ref (counting sort over ref ids; stable, so each bucket stays in page order).
  const refCount = index.refs.count;
  const bucket = new Int32Array(refCount + 1);
  const touched: number[] = [];
  for (let h = 0; h < hits.length; h++) {
    const r = hits.ref[h]!;
    if (bucket[r] === 0) touched.push(r);
    bucket[r]!++;
  }
  const start = new Int32Array(touched.length + 1);
  const fill = new Int32Array(refCount);
  touched.forEach((r, t) => {
    start[t + 1] = start[t]! + bucket[r]!;
    fill[r] = start[t]!;
  });
  const order = new Int32Array(hits.length);
  for (let h = 0; h < hits.length; h++) order[fill[hits.ref[h]!]!++] = h;

  const candidates: Candidate[] = [];
  let skippable: Int32Array | null = null;
  /** Hits further apart than CLUSTER_GAP still cluster when what lies between is mostly short blocks (an ad, timestamps). */
  const bridged = (from: number, to: number): boolean => {
    if (to - from > CLUSTER_GAP + MAX_SKIP_WORDS) return false;
    skippable ??= shortBlockWords(page);
    return to - from - (skippable[to]! - skippable[from]!) <= CLUSTER_GAP;
  };
  // Ref words covered by the current cluster's seeds, marked with the cluster's stamp (no clearing).
  const coveredAt = new Int32Array(MAX_REF_TOKENS + 1);
  let stamp = 0;
  for (let t = 0; t < touched.length; t++) {
    const ref = touched[t]!;
    const from0 = start[t]!;
    const end = start[t + 1]!;
    const m = refLength(index.refs, ref);
    const need = Math.min(MIN_COVERED, index.refs.seedable[ref]!);
    let from = from0;
    for (let k = from0 + 1; k <= end; k++) {
      // Close the cluster at the end or when the next hit is far from the previous one.
      if (k < end) {
        const prev = hits.pagePos[order[k - 1]!]!;
        const next = hits.pagePos[order[k]!]!;
        if (next - prev <= CLUSTER_GAP || bridged(prev, next)) continue;
      }
      stamp++;
      let covered = 0;
      let lo = Infinity;
      let hi = -Infinity;
      for (let c = from; c < k; c++) {
        const h = order[c]!;
        const i = hits.pagePos[h]!;
        const j = hits.refPos[h]! & (BIGRAM_FLAG - 1);
        if (coveredAt[j] !== stamp) {
          coveredAt[j] = stamp;
          covered++;
        }
        if (hits.refPos[h]! & BIGRAM_FLAG && coveredAt[j + 1] !== stamp) {
          coveredAt[j + 1] = stamp;
          covered++;
        }
        lo = Math.min(lo, i - j);
        hi = Math.max(hi, i + (m - j));
      }
      from = k;
      if (covered < need) continue;
      candidates.push({ ref, lo: Math.max(0, lo - WINDOW_SLACK), hi: Math.min(page.length, hi + WINDOW_SLACK) });
    }
  }
  return candidates;
}
