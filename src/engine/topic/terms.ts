/**
 * Finding a topic's terms ("Mad Men", "Don Draper", "Jessica Paré") in a URL, a title or page text.
 * The gate and the detector both use this, so they can never disagree about whether a term is there.
 * The rules, for every place:
 *  - whole words: no letter or digit right before or after the term ("Mad Mentor", "nomad men" are not it);
 *  - between the term's words, any run of spaces, hyphens or dashes, underscores or slashes ("mad-men",
 *    "mad_men", "Mad\u00a0Men");
 *  - accents do not count, either way ("Jessica Pare" is "Jessica Paré", and the other way round);
 *  - a case-sensitive term matches in its own case or in capitals ("MAD MEN" in a shouted headline is the
 *    show; "mad men" is a phrase); `ignoreCase` (URLs: slugs are lower case) matches any case.
 * Terms are data (a topic pack): they are escaped, never read as patterns.
 */
import type { TopicSignal } from '../types';

/** A term to look for; `caseSensitive` as in the topic pack's signals. */
export type Term = Pick<TopicSignal, 'term' | 'caseSensitive'>;

/** One occurrence: offsets into `foldTerms(text)` (not the raw text), and the index of the term. */
export interface TermHit {
  start: number;
  end: number;
  term: number;
}

export interface TermMatcher {
  /** Every occurrence, in text order per case mode; overlapping terms are all reported. */
  find(text: string, options?: { ignoreCase?: boolean }): TermHit[];
  /** Whether any term occurs (stops at the first). */
  test(text: string, options?: { ignoreCase?: boolean }): boolean;
}

/** Separator characters allowed between a term's words. */
const SEPARATOR_CLASS = '[\\s\\-\\u2010-\\u2015_/]';
const SEPARATORS = new RegExp(`${SEPARATOR_CLASS}+`, 'gu');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COMBINING = /\p{M}/gu;

/** Letters with diacritics (Latin-1, Latin Extended-A/B and Additional) and combining marks. */
const FOLDABLE = /[\u00c0-\u024f\u1e00-\u1eff]|\p{M}/gu;
let foldTable: Map<string, string> | null = null;

/** Each foldable character → its bare letter ("é" → "e"), or "" for a combining mark; built on first use. */
function foldOf(ch: string): string {
  if (!foldTable) {
    foldTable = new Map();
    for (const [from, to] of [
      [0xc0, 0x24f],
      [0x1e00, 0x1eff],
    ] as const) {
      for (let c = from; c <= to; c++) {
        const letter = String.fromCharCode(c);
        const bare = letter.normalize('NFD').replace(COMBINING, '');
        if (bare.length === 1 && bare !== letter) foldTable.set(letter, bare);
      }
    }
  }
  return foldTable.get(ch) ?? (/\p{M}/u.test(ch) ? '' : ch);
}

/**
 * The text the terms are looked for in: diacritics dropped ("Paré" → "Pare"). Offsets of hits are into
 * this text; counting and overlap tests need nothing else. Only the letters that carry a diacritic are
 * rewritten: normalising a whole 1 MB page (NFKD) cost ~12 ms, and a pattern that tolerated accents letter
 * by letter measured 5–6× slower than the plain search.
 */
export function foldTerms(text: string): string {
  // The detector looks for signals and negatives in the same text: fold it once.
  if (text !== lastFold.text) lastFold = { text, folded: text.replace(FOLDABLE, foldOf) };
  return lastFold.folded;
}
let lastFold = { text: '', folded: '' };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A term as a pattern source: escaped words joined by any run of separators. */
function termSource(words: readonly string[]): string {
  return words.map(escape).join(`${SEPARATOR_CLASS}+`);
}

/** The words of a term, accents dropped as in the text. */
function termWords(term: string): string[] {
  return foldTerms(term.normalize('NFC')).split(SEPARATORS).filter(Boolean);
}

/** The lookup key of a matched text or a term: words joined by one space, lower-cased when case is ignored. */
function keyOf(text: string, ignoreCase: boolean): string {
  const key = text.split(SEPARATORS).filter(Boolean).join(' ');
  return ignoreCase ? key.toLowerCase() : key;
}

interface Pass {
  re: RegExp;
  ignoreCase: boolean;
  /** key of a matched text → term index. */
  index: Map<string, number>;
}

/** One alternation per case mode, longest terms first, so "Don Draper" wins over "Draper" at a position. */
function compilePass(terms: readonly Term[], pick: (t: Term) => boolean, ignoreCase: boolean): Pass | null {
  const index = new Map<string, number>();
  const sources: { source: string; length: number }[] = [];
  terms.forEach((t, k) => {
    if (!pick(t)) return;
    const words = termWords(t.term);
    if (words.length === 0) return;
    const forms = ignoreCase ? [words] : [words, words.map((w) => w.toUpperCase())];
    for (const form of forms) {
      const key = keyOf(form.join(' '), ignoreCase);
      if (index.has(key)) continue;
      index.set(key, k);
      sources.push({ source: termSource(form), length: form.join(' ').length });
    }
  });
  if (sources.length === 0) return null;
  const alternation = sources
    .sort((a, b) => b.length - a.length)
    .map((s) => s.source)
    .join('|');
  // No lookbehind: tried at every position of a 1 MB page it costs more than the search; the left
  // boundary is checked in `scan` instead.
  return { re: new RegExp(`(?:${alternation})(?![\\p{L}\\p{N}])`, ignoreCase ? 'giu' : 'gu'), ignoreCase, index };
}

/** Calls `visit` for each occurrence until it returns false. */
function scan(pass: Pass, folded: string, visit: (hit: TermHit) => boolean): void {
  const re = pass.re;
  re.lastIndex = 0;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    if (m.index > 0 && LETTER_OR_DIGIT.test(folded[m.index - 1]!)) {
      re.lastIndex = m.index + 1; // inside a longer word: try again one character on
      continue;
    }
    const term = pass.index.get(keyOf(m[0], pass.ignoreCase));
    if (term !== undefined && !visit({ start: m.index, end: m.index + m[0].length, term })) return;
  }
}

export function compileTerms(terms: readonly Term[]): TermMatcher {
  const exact = compilePass(terms, (t) => t.caseSensitive === true, false);
  const anyCase = compilePass(terms, (t) => t.caseSensitive !== true, true);
  const everyTermAnyCase = compilePass(terms, () => true, true);
  const passes = (ignoreCase: boolean) => (ignoreCase ? [everyTermAnyCase] : [exact, anyCase]).filter((p): p is Pass => p !== null);
  return {
    find(text, { ignoreCase = false } = {}) {
      const folded = foldTerms(text);
      const hits: TermHit[] = [];
      for (const pass of passes(ignoreCase)) {
        scan(pass, folded, (hit) => {
          hits.push(hit);
          return true;
        });
      }
      return hits;
    },
    test(text, { ignoreCase = false } = {}) {
      const folded = foldTerms(text);
      let found = false;
      for (const pass of passes(ignoreCase)) {
        if (found) break;
        scan(pass, folded, () => {
          found = true;
          return false;
        });
      }
      return found;
    },
  };
}

/**
 * The words of a URL's path, as the matcher reads URLs: "/news/tv/elisabeth-moss-cried-mad-men-3340459"
 * → "news tv elisabeth moss cried mad men 3340459". Host, query and fragment are left out (a host or a
 * search query names a site or a search, not what the page is about); escapes are decoded ("mad%20men").
 */
export function urlWords(url: string): string {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/[?#].*$/s, '');
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A broken escape ("%E0%A4%A"): read as it is.
  }
  return decoded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
