/**
 * When two wordings (as normalised word keys) are the same utterance.
 *
 * - Same words in order for most of both: LCS / longer length ≥ SAME_UTTERANCE (0.7). Covers a
 *   tense change (had/have), a few dropped or added words, a bracketed insertion ("Jon [Hamm]").
 *   0.7 and not lower because "That right there is real" vs "Like, that right there is the real
 *   Jon" — two different sentences of the same answer — score 0.625.
 * - A cut-down quote: the shorter (≥ PARTIAL_MIN words) is a contiguous run of the longer, allowing
 *   one differing word when it has 6+ words (“all felt very real” in "It all felt very real").
 *   Contiguity is what keeps "that right there is real" out of "that right there is the real jon".
 * - From 6 words, a loose part: a compact stretch of the longer, give or take a word per three
 *   (`isLoosePart`: fillers set off by commas, a dropped "and", a clause cut short with "I said…").
 * - When learning, synonyms (the matcher's lexicon) count as the same word in all three.
 */
import { lcsLength } from '../text-distance';

/** Whether two word keys count as the same word: equal, or synonyms when grouping has a lexicon. */
export type SameWord = (a: string, b: string) => boolean;

const equal: SameWord = (a, b) => a === b;

export const SAME_UTTERANCE = 0.7;
const PARTIAL_MIN = 4;

/**
 * A score in [0, 1]; 0 means "not the same utterance", anything above means it is. With `same`
 * (synonyms), a pair the exact words do not join is judged again counting synonyms as one word: the
 * synonym pass costs several times the exact one, and most pairs compared are joined without it.
 */
export function similarity(a: readonly string[], b: readonly string[], same?: SameWord): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length === b.length && a.every((k, i) => k === b[i])) return 1;
  const exact = score(a, b, equal);
  return exact > 0 || !same ? exact : score(a, b, same);
}

function score(a: readonly string[], b: readonly string[], same: SameWord): number {
  const ratio = (same === equal ? lcsLength(a, b) : lcsWith(a, b, same)) / Math.max(a.length, b.length);
  if (ratio >= SAME_UTTERANCE) return ratio;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return isContiguousPart(short, long, same) || isLoosePart(short, long, same) ? SAME_UTTERANCE : 0;
}

/** Longest common subsequence under `same` (text-distance.ts's, with synonyms counted as matches). */
function lcsWith(a: readonly string[], b: readonly string[], same: SameWord): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) row[j] = same(a[i - 1]!, b[j - 1]!) ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

/** Quotes shorter than this are only ever contiguous parts: below it one word decides between two sentences. */
const LOOSE_MIN = 6;

/**
 * A quote of 6+ words as reporters cut and reword a clause: it matches a compact stretch of the longer
 * wording with at most one edit per three of its words, an edit being a word of its own the stretch lacks
 * (a filler it inserted, a synonym) or a word of the stretch it lacks (a dropped "and" or "that"):
 * "they asked me what costume I wanted to keep, I said" in "… to keep, and I said I wanted …".
 */
function isLoosePart(short: readonly string[], long: readonly string[], same: SameWord): boolean {
  if (short.length < LOOSE_MIN) return false;
  const budget = Math.floor(short.length / 3);
  const col = new Array<number>(short.length + 1);
  for (let start = 0; start < long.length; start++) {
    // A stretch that starts on a word the quote lacks is never better than the one after it.
    if (!short.some((w) => same(w, long[start]!))) continue;
    col.fill(0);
    const stop = Math.min(long.length, start + short.length + budget);
    for (let end = start; end < stop; end++) {
      // Column of the LCS table of `short` against long[start..end], kept in place.
      let diagonal = 0;
      for (let i = 1; i <= short.length; i++) {
        const up = col[i]!;
        col[i] = same(long[end]!, short[i - 1]!) ? diagonal + 1 : Math.max(up, col[i - 1]!);
        diagonal = up;
      }
      const lcs = col[short.length]!;
      if (short.length - lcs + (end - start + 1 - lcs) <= budget) return true;
    }
  }
  return false;
}

function isContiguousPart(short: readonly string[], long: readonly string[], same: SameWord): boolean {
  if (short.length < PARTIAL_MIN) return false;
  const allowed = short.length >= 6 ? 1 : 0;
  for (let at = 0; at + short.length <= long.length; at++) {
    let misses = 0;
    for (let k = 0; k < short.length && misses <= allowed; k++) if (!same(short[k]!, long[at + k]!)) misses++;
    if (misses <= allowed) return true;
  }
  return false;
}

/** Words that carry little meaning; ignored when judging a reworded piece by its content words. */
export const STOPWORDS = new Set(
  (
    'a an the and or but so of to in on at for with from by as is are was were be been being am it its that ' +
    "that's this those these there here i me my we us our you your he him his she her they them their " +
    'do does did not no just like very really actually which what who when where how if then than too also ' +
    "it's i'm we're you're they're don't didn't can't"
  ).split(' '),
);

export function contentKeys(keys: readonly string[]): string[] {
  return keys.filter((k) => !STOPWORDS.has(k));
}
