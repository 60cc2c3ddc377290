/**
 * Short quotes the corpus confirms. A candidate (3–4 quoted words, “all felt very real”) is a partial
 * quote when every run of PARTIAL_MIN_WORDS words in it occurs in some utterance of the corpus, any
 * article's — one of them may skip a word of the utterance, as a reporter drops one ("It all felt
 * real" of "It all felt very real"): every run of four words of an utterance gives its two runs of
 * three without an inner word as `loose` runs. Kept as counts of word trigrams over all utterances, and an index from trigram to the
 * candidates that need it, so adding or removing an article re-judges only the candidates it can change.
 */
import { PARTIAL_MIN_WORDS } from './extract';

/** A candidate quote: its article, its index in that article's quotes, its word keys. */
export interface Candidate {
  doc: string;
  quote: number;
  keys: readonly string[];
}

function trigramsOf(keys: readonly string[]): string[] {
  const out = new Set<string>();
  for (let i = 0; i + PARTIAL_MIN_WORDS <= keys.length; i++) out.add(keys.slice(i, i + PARTIAL_MIN_WORDS).join(' '));
  return [...out];
}

/** An utterance's runs (a trigram, as counted) and loose runs (a word dropped inside four: "\u0001" + run). */
function countedRuns(keys: readonly string[]): string[] {
  const out = new Set(trigramsOf(keys));
  for (let i = 0; i + 4 <= keys.length; i++) {
    const [a, b, c, d] = keys.slice(i, i + 4);
    out.add(`${LOOSE}${a} ${c} ${d}`).add(`${LOOSE}${a} ${b} ${d}`);
  }
  return [...out];
}

const LOOSE = '\u0001';
const runOf = (counted: string) => (counted.startsWith(LOOSE) ? counted.slice(1) : counted);

const candidateKey = (c: { doc: string; quote: number }) => `${c.doc}#${c.quote}`;

export class Partials {
  /** Trigram (or loose run) → number of utterances holding it. */
  private readonly counts = new Map<string, number>();
  /** Trigram → keys of the candidates that contain it. */
  private readonly needs = new Map<string, Set<string>>();
  private readonly candidates = new Map<string, { candidate: Candidate; trigrams: string[] }>();

  /** Whether a candidate is confirmed by the utterances counted now. */
  confirmed(key: string): boolean {
    const c = this.candidates.get(key);
    if (c === undefined || c.trigrams.length === 0) return false;
    let loose = 0;
    for (const t of c.trigrams) {
      if ((this.counts.get(t) ?? 0) > 0) continue;
      if ((this.counts.get(LOOSE + t) ?? 0) === 0 || ++loose > 1) return false;
    }
    return true;
  }

  /**
   * Counts an article's utterances and registers its candidates. Returns the candidates (of any article)
   * whose confirmation may have changed.
   */
  add(utterances: readonly (readonly string[])[], candidates: readonly Candidate[]): Candidate[] {
    const touched = new Set<string>();
    for (const keys of utterances) {
      for (const t of countedRuns(keys)) {
        const n = this.counts.get(t) ?? 0;
        this.counts.set(t, n + 1);
        if (n === 0) for (const k of this.needs.get(runOf(t)) ?? []) touched.add(k);
      }
    }
    for (const candidate of candidates) {
      const key = candidateKey(candidate);
      const trigrams = trigramsOf(candidate.keys);
      this.candidates.set(key, { candidate, trigrams });
      for (const t of trigrams) {
        let set = this.needs.get(t);
        if (!set) this.needs.set(t, (set = new Set()));
        set.add(key);
      }
      touched.add(key);
    }
    return [...touched].flatMap((k) => (this.candidates.has(k) ? [this.candidates.get(k)!.candidate] : []));
  }

  /** The reverse of `add` for one article; returns the other articles' candidates that may have changed. */
  remove(utterances: readonly (readonly string[])[], candidates: readonly Candidate[]): Candidate[] {
    const touched = new Set<string>();
    for (const candidate of candidates) {
      const key = candidateKey(candidate);
      const entry = this.candidates.get(key);
      if (!entry) continue;
      for (const t of entry.trigrams) {
        const set = this.needs.get(t);
        set?.delete(key);
        if (set?.size === 0) this.needs.delete(t);
      }
      this.candidates.delete(key);
    }
    for (const keys of utterances) {
      for (const t of countedRuns(keys)) {
        const n = (this.counts.get(t) ?? 0) - 1;
        if (n > 0) this.counts.set(t, n);
        else {
          this.counts.delete(t);
          for (const k of this.needs.get(runOf(t)) ?? []) touched.add(k);
        }
      }
    }
    return [...touched].flatMap((k) => (this.candidates.has(k) ? [this.candidates.get(k)!.candidate] : []));
  }

  static key = candidateKey;
}
