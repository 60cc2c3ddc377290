/**
 * The pack index: built once per pack, read by every page scan.
 *
 * Every distinct wording of every quote group (each outlet's variant and the consensus) becomes a
 * reference sentence ("ref") of integer token ids. Seeds are looked up in two posting tables keyed by
 * the consonant skeleton of words (so Jon/John, Hamm/Ham, Olson/Olsen share postings):
 *  - skeleton bigrams with at least one content word (robust to commas, quote marks, line breaks —
 *    those are not tokens; two function words in a row, "of the", say nothing about which quote);
 *  - skeleton unigrams of content words (they survive synonym spinning that breaks most bigrams).
 * A key used by too many groups is weak evidence and costly to follow, so its postings are dropped
 * entirely (not truncated: truncation would silently favour the groups indexed first). The cap is
 * relative to the pack (a word in 5 of 22 groups is common in a small pack) and absolute for big
 * packs — that bound is what keeps a page scan's cost flat as the pack grows.
 */
import { memoWordKey, scanWords } from '../normalize';
import { isContentWord, lemma, seedKey, skeleton } from './keys';
import { IntTable, reviveIntTable } from './int-table';
import { synonymsOf, type Lexicon } from './lexicon';
import type { Pack } from '../types';

/** Max groups a bigram may occur in and still seed: this share of the pack, within [MIN, MAX]. */
export const BIGRAM_CAP = { share: 0.02, min: 8, max: 12 };
/** Same for content unigrams, stricter: one shared word is weaker evidence than two in a row. */
export const UNIGRAM_CAP = { share: 0.01, min: 3, max: 6 };
/** Words that open or join a clause: a quote may be cut right before or after one (RefTable.cut). */
const CONJUNCTIONS = new Set(['and', 'but', 'or', 'so', 'because', 'when', 'while', 'which', 'though', 'although', 'if', 'then', 'yet']);
/** Punctuation between two words of a wording that ends a clause. */
const CLAUSE_BREAK = /[,;:()\u2013\u2014.!?\u2026]|\s-\s/;
/** Bumped whenever the index's shape or contents change: a stored index of another format is rebuilt. */
export const INDEX_FORMAT = 2;
/** Refs longer than this are cut (bounds alignment work per candidate). */
export const MAX_REF_TOKENS = 120;

/**
 * A bigram's key: the two seed ids hashed into a small integer (30 bits), which V8 keeps unboxed in
 * Maps — a 100 000-quote pack has ~700 000 bigram keys. A rare collision only merges two posting
 * lists: it may cost an extra alignment, never a wrong match (alignment checks the actual words).
 */
export function bigramKey(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) + b) & 0x3fffffff;
}

/**
 * Every wording of every group ("refs"), as integer token ids in flat arrays: ref r's words are
 * positions [start[r], start[r+1]). Flat, because a 100 000-quote pack as one object per ref (and
 * six arrays each) is a million small heap objects the garbage collector walks on every page scan.
 */
export interface RefTable {
  count: number;
  /** Group index of each ref. */
  group: Int32Array;
  start: Int32Array;
  /** How many of its words any seed can cover (short function-word sentences have few). */
  seedable: Int32Array;
  /** Exact normalised key ids. */
  exact: Int32Array;
  /** Skeleton ids, -1 for words under 3 letters (they must match exactly). */
  skel: Int32Array;
  /** Lemma ids (tense/number folded). */
  lemma: Int32Array;
  /** Seed-key ids (skeleton or short word). */
  seed: Int32Array;
  /** 1 when the word is a content word. */
  content: Uint8Array;
  /** 1 when the word is a content word that few groups use (evidence that this quote, not another, is here). */
  rare: Uint8Array;
  /**
   * 1 when a clause boundary stands before the word in some wording of the ref: punctuation (, ; : — …),
   * or a conjunction on either side ("…in the script | and he…", "…but | often we're…"). A short quote
   * standing alone may be a prefix or suffix of a sentence only when it is cut there (match.ts, QUOTED).
   */
  cut: Uint8Array;
  /**
   * The one document (its index in `pack.documents`) whose wording this ref is, or -1 when several
   * documents word it so. A page learned into the corpus is never its own source: a wording only that page
   * has must not mark it (match.ts `notFrom`), or everything it quotes — past the corpus, or nowhere else —
   * would be marked once it is learned.
   */
  sole?: Int32Array;
}

/** Words of ref r. */
export function refLength(refs: RefTable, r: number): number {
  return refs.start[r + 1]! - refs.start[r]!;
}

/** Postings of kept keys, flattened: key → slot; slot's pairs [ref, position, …] in `data[from[slot], from[slot+1])`. */
export interface Postings {
  slots: IntTable;
  from: Int32Array;
  data: Int32Array;
}

export interface PackIndex {
  readonly pack: Pack;
  readonly refs: RefTable;
  /** Interning tables; a page word absent from them cannot match that way. */
  readonly exactIds: Map<string, number>;
  readonly skelIds: Map<string, number>;
  readonly lemmaIds: Map<string, number>;
  readonly seedIds: Map<string, number>;
  /** Every word of the pack with all its ids: one lookup resolves a known page word. */
  readonly words: Map<string, WordInfo>;
  readonly bigrams: Postings;
  readonly unigrams: Postings;
  /**
   * Synonym (base form) → exact ids of the pack words it can stand for, from the lexicon the index was built
   * with (none without one). A page word resolves through its base forms (lexicon.ts `baseForms`).
   */
  readonly synonyms: Map<string, number[]>;
  /** Seed id of each exact id: a synonym on the page seeds as the pack word it stands for. */
  readonly seedOfExact: Int32Array;
  /** Document id → outlet name. */
  readonly outlets: Map<string, string>;
}

/** A word's ids in the index tables. */
export interface WordInfo {
  exact: number;
  skel: number;
  lemma: number;
  seed: number;
  content: boolean;
}

function intern(table: Map<string, number>, key: string): number {
  let id = table.get(key);
  if (id === undefined) {
    id = table.size;
    table.set(key, id);
  }
  return id;
}

function sameWords(a: WordInfo[], b: WordInfo[]): boolean {
  return a.length === b.length && a.every((w, k) => w === b[k]);
}

/**
 * Two-pass posting builder: pass 1 counts occurrences and distinct groups per key, pass 2 fills one
 * flat array for the keys under the cap. No per-key arrays: a 100 000-quote pack has ~2M keys.
 */
class PostingBuilder {
  private readonly slotOf = new IntTable(1024);
  private count: Int32Array = new Int32Array(1024);
  private groups: Int32Array = new Int32Array(1024);
  private lastGroup: Int32Array = new Int32Array(1024).fill(-1);

  count1(key: number, group: number): void {
    let slot = this.slotOf.get(key);
    if (slot < 0) {
      slot = this.slotOf.size;
      this.slotOf.set(key, slot);
      if (slot >= this.count.length) this.grow();
    }
    this.count[slot]!++;
    if (this.lastGroup[slot] !== group) {
      this.lastGroup[slot] = group;
      this.groups[slot]!++;
    }
  }

  private grow(): void {
    const n = this.count.length * 2;
    const c = new Int32Array(n);
    c.set(this.count);
    const g = new Int32Array(n);
    g.set(this.groups);
    const l = new Int32Array(n).fill(-1);
    l.set(this.lastGroup);
    this.count = c;
    this.groups = g;
    this.lastGroup = l;
  }

  /** Keeps keys used by at most `cap` groups; returns the fill function for pass 2 and the result. */
  finish(cap: number): { add: (key: number, ref: number, pos: number) => void; postings: Postings } {
    const keptCounts: number[] = [];
    const kept: number[] = [];
    this.slotOf.forEach((slot, key) => {
      if (this.groups[slot]! > cap) return;
      kept.push(key, keptCounts.length);
      keptCounts.push(this.count[slot]!);
    });
    const slots = new IntTable(keptCounts.length);
    for (let k = 0; k < kept.length; k += 2) slots.set(kept[k]!, kept[k + 1]!);
    const from = new Int32Array(keptCounts.length + 1);
    for (let k = 0; k < keptCounts.length; k++) from[k + 1] = from[k]! + 2 * keptCounts[k]!;
    const data = new Int32Array(from[keptCounts.length]!);
    const fill = from.slice(0, keptCounts.length);
    const add = (key: number, ref: number, pos: number): void => {
      const slot = slots.get(key);
      if (slot < 0) return;
      const at = fill[slot]!;
      data[at] = ref;
      data[at + 1] = pos;
      fill[slot] = at + 2;
    };
    return { add, postings: { slots, from, data } };
  }
}

function cap(rule: { share: number; min: number; max: number }, groups: number): number {
  return Math.min(rule.max, Math.max(rule.min, Math.floor(groups * rule.share)));
}

/** Builds the index of a pack. Linear in the pack's total words; with a lexicon, plus its synonyms of each distinct pack word. */
export function indexPack(pack: Pack, lexicon?: Lexicon): PackIndex {
  const exactIds = new Map<string, number>();
  const skelIds = new Map<string, number>();
  const lemmaIds = new Map<string, number>();
  const seedIds = new Map<string, number>();
  const info = new Map<string, WordInfo>();
  const wordInfo = (key: string): WordInfo => {
    let w = info.get(key);
    if (!w) {
      w = {
        exact: intern(exactIds, key),
        skel: key.length >= 3 ? intern(skelIds, skeleton(key)) : -1,
        lemma: intern(lemmaIds, lemma(key)),
        seed: intern(seedIds, seedKey(key)),
        content: isContentWord(key),
      };
      info.set(key, w);
    }
    return w;
  };
  // Raw word → info in one lookup (a 100 000-quote pack has millions of words, a few thousand distinct).
  const rawInfo = new Map<string, WordInfo>();
  const keyMemo = new Map<string, string>();
  /** Clause boundaries before each word of the last text read by `wordsOfText`. */
  let cuts: number[] = [];
  const wordsOfText = (text: string): WordInfo[] => {
    const out: WordInfo[] = [];
    cuts = [];
    let last = 0;
    let afterConjunction = false;
    scanWords(text, (from, to) => {
      if (out.length >= MAX_REF_TOKENS) return;
      const raw = text.slice(from, to);
      let w = rawInfo.get(raw);
      if (!w) rawInfo.set(raw, (w = wordInfo(memoWordKey(keyMemo, raw))));
      const conjunction = CONJUNCTIONS.has(memoWordKey(keyMemo, raw));
      cuts.push(out.length === 0 || afterConjunction || conjunction || CLAUSE_BREAK.test(text.slice(last, from)) ? 1 : 0);
      afterConjunction = conjunction;
      last = to;
      out.push(w);
    });
    return out;
  };

  // Distinct wordings of every group (identical texts tokenised once, identical word sequences kept
  // once); group frequency of each word, counted once per group, decides what is "rare".
  const groupOf: number[] = [];
  const wordsOf: WordInfo[][] = [];
  const cutsOf: number[][] = [];
  /** Documents (indices) whose variants have each ref's words. */
  const docsOf: Set<number>[] = [];
  const docIndex = new Map(pack.documents.map((d, i) => [d.id, i] as const));
  const groupFreq = new Int32Array(1 << 16);
  let freq = groupFreq;
  let lastGroup = new Int32Array(freq.length).fill(-1);
  let total = 0;
  pack.groups.forEach((g, group) => {
    const texts = [...new Set([g.consensus, ...g.variants.map((v) => v.text)])];
    const mine: WordInfo[][] = [];
    const mineAt: number[] = [];
    for (const text of texts) {
      const words = wordsOfText(text);
      if (words.length === 0) continue;
      const docs = new Set<number>();
      for (const v of g.variants) if (v.text === text) docs.add(docIndex.get(v.document) ?? -1);
      const same = mine.findIndex((m) => sameWords(m, words));
      if (same >= 0) {
        // One ref for the same words; a boundary any of its wordings marks counts ("script and" / "script, and").
        const kept = cutsOf[mineAt[same]!]!;
        cuts.forEach((c, k) => (kept[k] = kept[k]! | c));
        for (const d of docs) docsOf[mineAt[same]!]!.add(d);
        continue;
      }
      mine.push(words);
      mineAt.push(wordsOf.length);
      docsOf.push(docs);
      for (const w of words) {
        if (w.exact >= freq.length) {
          const grown = new Int32Array(freq.length * 2);
          grown.set(freq);
          freq = grown;
          const last = new Int32Array(freq.length).fill(-1);
          last.set(lastGroup);
          lastGroup = last;
        }
        if (lastGroup[w.exact] !== group) {
          lastGroup[w.exact] = group;
          freq[w.exact]!++;
        }
      }
      groupOf.push(group);
      wordsOf.push(words);
      cutsOf.push(cuts);
      total += words.length;
    }
  });
  // A word used by at most 1% of groups (and never fewer than 3) is rare enough to identify a quote.
  const rareLimit = Math.max(3, Math.ceil(pack.groups.length * 0.01));

  const count = wordsOf.length;
  const refs: RefTable = {
    count,
    group: Int32Array.from(groupOf),
    start: new Int32Array(count + 1),
    seedable: new Int32Array(count),
    exact: new Int32Array(total),
    skel: new Int32Array(total),
    lemma: new Int32Array(total),
    seed: new Int32Array(total),
    content: new Uint8Array(total),
    rare: new Uint8Array(total),
    cut: new Uint8Array(total),
    sole: Int32Array.from(docsOf, (docs) => (docs.size === 1 ? [...docs][0]! : -1)),
  };
  const bigrams = new PostingBuilder();
  const unigrams = new PostingBuilder();
  // Words of the current ref some seed covers, marked with the ref's number (no clearing between refs).
  const coveredBy = new Int32Array(MAX_REF_TOKENS + 1).fill(-1);
  let at = 0;
  for (let r = 0; r < count; r++) {
    refs.start[r] = at;
    refs.cut.set(cutsOf[r]!, at);
    for (const w of wordsOf[r]!) {
      refs.exact[at] = w.exact;
      refs.skel[at] = w.skel;
      refs.lemma[at] = w.lemma;
      refs.seed[at] = w.seed;
      refs.content[at] = w.content ? 1 : 0;
      refs.rare[at] = w.content && freq[w.exact]! <= rareLimit ? 1 : 0;
      at++;
    }
    refs.start[r + 1] = at;
    const group = refs.group[r]!;
    let coverable = 0;
    const cover = (pos: number): void => {
      if (coveredBy[pos] !== r) {
        coveredBy[pos] = r;
        coverable++;
      }
    };
    forEachSeed(refs, r, (kind, key, pos) => {
      (kind === 'bi' ? bigrams : unigrams).count1(key, group);
      cover(pos);
      if (kind === 'bi') cover(pos + 1);
    });
    refs.seedable[r] = coverable;
  }

  const bi = bigrams.finish(cap(BIGRAM_CAP, pack.groups.length));
  const uni = unigrams.finish(cap(UNIGRAM_CAP, pack.groups.length));
  for (let r = 0; r < count; r++) forEachSeed(refs, r, (kind, key, pos) => (kind === 'bi' ? bi : uni).add(key, r, pos));

  const synonyms = new Map<string, number[]>();
  if (lexicon) {
    for (const [key, w] of info) {
      if (key.length < 3) continue;
      for (const s of synonymsOf(lexicon, key)) {
        if (info.has(s)) continue; // a pack word of its own: it matches as itself
        const ids = synonyms.get(s);
        if (!ids) synonyms.set(s, [w.exact]);
        else if (!ids.includes(w.exact)) ids.push(w.exact);
      }
    }
  }
  const seedOfExact = new Int32Array(exactIds.size).fill(-1);
  for (const w of info.values()) seedOfExact[w.exact] = w.content ? w.seed : -1;
  const outlets = new Map(pack.documents.map((d) => [d.id, d.outlet] as const));
  return {
    pack,
    refs,
    exactIds,
    skelIds,
    lemmaIds,
    seedIds,
    words: info,
    bigrams: bi.postings,
    unigrams: uni.postings,
    synonyms,
    seedOfExact,
    outlets,
  };
}

/** The seed keys of ref r, with positions relative to the ref: content unigrams, and bigrams with a content word. */
function forEachSeed(refs: RefTable, r: number, visit: (kind: 'bi' | 'uni', key: number, pos: number) => void): void {
  const from = refs.start[r]!;
  const to = refs.start[r + 1]!;
  const { seed, content } = refs;
  for (let i = from; i < to; i++) {
    if (content[i]) visit('uni', seed[i]!, i - from);
    if (i + 1 < to && (content[i] || content[i + 1])) visit('bi', bigramKey(seed[i]!, seed[i + 1]!), i - from);
  }
}

/**
 * The index again after a structured clone (IndexedDB, messages): everything in it is plain data but
 * the posting tables' class, which is put back. No word is read again, nothing is rebuilt.
 */
export function reviveIndex(index: PackIndex): PackIndex {
  reviveIntTable(index.bigrams.slots);
  reviveIntTable(index.unigrams.slots);
  return index;
}
