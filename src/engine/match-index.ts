/**
 * The pack index: built once per pack, read by every page scan.
 *
 * Every distinct wording of every quote group (each outlet's variant and the consensus) becomes a
 * reference sentence ("ref") of integer token ids. Seeds are looked up in two posting tables keyed by
 * the consonant skeleton of words (so Jon/John, Hamm/Ham, Olson/Olsen share postings):
 *  - skeleton bigrams of every ref (robust to commas, quote marks, line breaks — those are not tokens);
 *  - skeleton unigrams of content words (survive synonym spinning that breaks most bigrams).
 * A key shared by too many refs is useless as evidence and costly to follow, so its postings are
 * dropped entirely (not truncated: truncation would silently favour refs built first). This cap is
 * what keeps a page scan's cost flat as the pack grows.
 */
import { tokenize } from './normalize';
import { isContentWord, lemma, seedKey, skeleton } from './match-keys';
import type { Pack } from './types';

/** Max refs a skeleton bigram may occur in and still seed. */
export const BIGRAM_POSTING_CAP = 64;
/** Max refs a content unigram may occur in and still seed (unigrams are weaker evidence). */
export const UNIGRAM_POSTING_CAP = 24;
/** Refs longer than this are aligned on their first tokens only (bounds work per candidate). */
export const MAX_REF_TOKENS = 120;

/** Ids are < 2^26, so a pair packs into one exact double key. */
const PAIR = 2 ** 26;

/** One wording of one quote group, as integer token ids. */
export interface Ref {
  group: number;
  /** Exact normalised key ids. */
  exact: Int32Array;
  /** Skeleton ids, -1 for words under 3 letters (they must match exactly). */
  skel: Int32Array;
  /** Lemma ids (tense/number folded). */
  lemma: Int32Array;
  /** 1 when the word is a content word. */
  content: Uint8Array;
  /** 1 when the word is a content word that few groups use (evidence that this quote, not another, is here). */
  rare: Uint8Array;
}

export interface PackIndex {
  readonly pack: Pack;
  readonly refs: Ref[];
  /** Interning tables; a page word absent from them cannot match that way. */
  readonly exactIds: Map<string, number>;
  readonly skelIds: Map<string, number>;
  readonly lemmaIds: Map<string, number>;
  readonly seedIds: Map<string, number>;
  /** seed-id pair → flat [ref, position, ref, position, …]. */
  readonly bigrams: Map<number, Int32Array>;
  /** content seed id → flat [ref, position, …]. */
  readonly unigrams: Map<number, Int32Array>;
  /** Document id → outlet name. */
  readonly outlets: Map<string, string>;
}

function intern(table: Map<string, number>, key: string): number {
  let id = table.get(key);
  if (id === undefined) {
    id = table.size;
    table.set(key, id);
  }
  return id;
}

/** Distinct wordings of a group, by their normalised token sequence. */
function wordings(texts: string[]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const text of texts) {
    const keys = tokenize(text).map((t) => t.key);
    const sig = keys.join(' ');
    if (keys.length === 0 || seen.has(sig)) continue;
    seen.add(sig);
    out.push(keys.slice(0, MAX_REF_TOKENS));
  }
  return out;
}

function addPosting(table: Map<number, number[]>, key: number, ref: number, pos: number): void {
  let list = table.get(key);
  if (!list) table.set(key, (list = []));
  list.push(ref, pos);
}

/** Keeps postings shared by at most `cap` distinct refs; returns them as typed arrays. */
function capPostings(table: Map<number, number[]>, cap: number): Map<number, Int32Array> {
  const out = new Map<number, Int32Array>();
  for (const [key, list] of table) {
    let refs = 0;
    let last = -1;
    for (let k = 0; k < list.length; k += 2) {
      if (list[k] !== last) {
        refs++;
        last = list[k]!;
      }
    }
    if (refs <= cap) out.set(key, Int32Array.from(list));
  }
  return out;
}

/** Builds the index of a pack. Linear in the pack's total words. */
export function indexPack(pack: Pack): PackIndex {
  const exactIds = new Map<string, number>();
  const skelIds = new Map<string, number>();
  const lemmaIds = new Map<string, number>();
  const seedIds = new Map<string, number>();
  const refs: Ref[] = [];
  const bigramLists = new Map<number, number[]>();
  const unigramLists = new Map<number, number[]>();

  // Group frequency of each content word decides what is "rare in the pack".
  const groupWords = pack.groups.map((g) => wordings([g.consensus, ...g.variants.map((v) => v.text)]));
  const groupFreq = new Map<string, number>();
  for (const refsOfGroup of groupWords) {
    const inGroup = new Set<string>();
    for (const keys of refsOfGroup) for (const k of keys) inGroup.add(k);
    for (const k of inGroup) groupFreq.set(k, (groupFreq.get(k) ?? 0) + 1);
  }
  // A word used by at most 1% of groups (and never fewer than 3) is rare enough to identify a quote.
  const rareLimit = Math.max(3, Math.ceil(pack.groups.length * 0.01));

  groupWords.forEach((refsOfGroup, group) => {
    for (const keys of refsOfGroup) {
      const n = keys.length;
      const ref: Ref = {
        group,
        exact: new Int32Array(n),
        skel: new Int32Array(n),
        lemma: new Int32Array(n),
        content: new Uint8Array(n),
        rare: new Uint8Array(n),
      };
      const seeds = new Int32Array(n);
      const r = refs.length;
      keys.forEach((key, i) => {
        ref.exact[i] = intern(exactIds, key);
        ref.skel[i] = key.length >= 3 ? intern(skelIds, skeleton(key)) : -1;
        ref.lemma[i] = intern(lemmaIds, lemma(key));
        const content = isContentWord(key);
        ref.content[i] = content ? 1 : 0;
        ref.rare[i] = content && (groupFreq.get(key) ?? 0) <= rareLimit ? 1 : 0;
        seeds[i] = intern(seedIds, seedKey(key));
        if (content) addPosting(unigramLists, seeds[i]!, r, i);
        if (i > 0) addPosting(bigramLists, seeds[i - 1]! * PAIR + seeds[i]!, r, i - 1);
      });
      refs.push(ref);
    }
  });

  const outlets = new Map(pack.documents.map((d) => [d.id, d.outlet] as const));
  return {
    pack,
    refs,
    exactIds,
    skelIds,
    lemmaIds,
    seedIds,
    bigrams: capPostings(bigramLists, BIGRAM_POSTING_CAP),
    unigrams: capPostings(unigramLists, UNIGRAM_POSTING_CAP),
    outlets,
  };
}

export { PAIR as SEED_PAIR_BASE };
