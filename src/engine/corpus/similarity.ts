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
 */
import { lcsLength } from '../text-distance';

export const SAME_UTTERANCE = 0.7;
const PARTIAL_MIN = 4;

/** A score in [0, 1]; 0 means "not the same utterance", anything above means it is. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length === b.length && a.every((k, i) => k === b[i])) return 1;
  const ratio = lcsLength(a, b) / Math.max(a.length, b.length);
  if (ratio >= SAME_UTTERANCE) return ratio;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return isContiguousPart(short, long) ? SAME_UTTERANCE : 0;
}

function isContiguousPart(short: readonly string[], long: readonly string[]): boolean {
  if (short.length < PARTIAL_MIN) return false;
  const allowed = short.length >= 6 ? 1 : 0;
  for (let at = 0; at + short.length <= long.length; at++) {
    let misses = 0;
    for (let k = 0; k < short.length && misses <= allowed; k++) if (short[k] !== long[at + k]) misses++;
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
