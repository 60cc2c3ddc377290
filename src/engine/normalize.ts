/**
 * Text normalisation shared by quote grouping, classification and page matching.
 * Two wordings that differ only in typography (’ vs ', — vs -, protégé vs protege,
 * close-up vs close up, case) must produce the same token keys.
 */

/** A word of a text with its position in that text. */
export interface Token {
  /** Normalised key: lower case, no diacritics, straight apostrophes, e.g. "that's", "protege". */
  key: string;
  /** UTF-16 offsets of the raw word in the source text. */
  start: number;
  end: number;
}

const APOSTROPHES = /[\u2018\u2019\u02BC\u2032\u00B4`]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const COMBINING = /[\u0300-\u036f]/g;

/** Folds typography: curly quotes, dashes, spaces, zero-width characters. Keeps length-independent meaning only. */
export function foldTypography(text: string): string {
  return text
    .replace(ZERO_WIDTH, '')
    .replace(APOSTROPHES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\u2026/g, '...')
    .replace(SPACES, ' ');
}

/** Removes diacritics: "protégé" → "protege". */
export function stripDiacritics(text: string): string {
  return text.normalize('NFKD').replace(COMBINING, '').normalize('NFC');
}

/** The key of one word: case, diacritics and apostrophe style ignored. */
export function wordKey(word: string): string {
  return stripDiacritics(word.replace(ZERO_WIDTH, '').replace(APOSTROPHES, "'")).toLowerCase();
}

/**
 * A word is letters, digits and combining marks, with inner apostrophes ("didn't"; "'50s" keeps no
 * leading mark). Hyphens, slashes and dashes separate words, so "close-up" and "close up" tokenise alike.
 * As a pattern: /[\p{L}\p{N}\p{M}]+(?:['\u2019\u02BC][\p{L}\p{N}\p{M}]+)*\/gu (the tests hold the
 * scanner below to it). Scanned by hand: V8 tests Unicode property classes slowly, and this runs over
 * every character of every page (1 MB in a few ms instead of ~50).
 */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const wordCharCache = new Map<number, boolean>();

/** Whether the code point is a word character; ASCII decided inline, the rest cached. */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  let v = wordCharCache.get(c);
  if (v === undefined) wordCharCache.set(c, (v = WORD_CHAR.test(String.fromCodePoint(c))));
  return v;
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2bc;
}

/** Calls `visit(start, end)` for every word of `text`, in order. */
export function scanWords(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.codePointAt(i)!;
    if (!isWordCode(c)) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    for (;;) {
      i += c > 0xffff ? 2 : 1;
      if (i >= n) break;
      c = text.codePointAt(i)!;
      if (isWordCode(c)) continue;
      // An apostrophe continues the word only when a word character follows it.
      if (isApostrophe(c) && i + 1 < n) {
        const next = text.codePointAt(i + 1)!;
        if (isWordCode(next)) {
          i += 1;
          c = next;
          continue;
        }
      }
      break;
    }
    visit(start, i);
  }
}

/** Words in a text (for densities), without building tokens. */
export function countWords(text: string): number {
  let n = 0;
  scanWords(text, () => n++);
  return n;
}

const ASCII_WORD = /^[\x21-\x7e]+$/;

/**
 * `wordKey` with a memo: normalising a word (NFKD, folds) costs far more than finding it, and a page
 * of 180 000 words has only a few thousand distinct ones. ASCII words skip normalisation entirely
 * (for them `wordKey` is just lower-casing: word characters exclude every folded mark).
 */
export function memoWordKey(memo: Map<string, string>, raw: string): string {
  let key = memo.get(raw);
  if (key === undefined) {
    key = ASCII_WORD.test(raw) ? raw.toLowerCase() : wordKey(raw);
    memo.set(raw, key);
  }
  return key;
}

/** Splits a text into normalised word tokens with their offsets. Linear in the text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (start, end) => tokens.push({ key: wordKey(text.slice(start, end)), start, end }));
  return tokens;
}

/** Normalised word keys only. */
export function wordKeys(text: string): string[] {
  return tokenize(text).map((t) => t.key);
}
