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
 * A word is letters/digits with inner apostrophes ("didn't", "'50s" keeps no leading mark).
 * Hyphens, slashes and dashes separate words, so "close-up" and "close up" tokenise alike.
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019\u02BC][\p{L}\p{N}\p{M}]+)*/gu;

/** Splits a text into normalised word tokens with their offsets. Linear in the text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    tokens.push({ key: wordKey(m[0]), start, end: start + m[0].length });
  }
  return tokens;
}

/** Normalised word keys only. */
export function wordKeys(text: string): string[] {
  return tokenize(text).map((t) => t.key);
}

/** A comparison form of a whole text: typography folded, diacritics stripped, lower case, single spaces. */
export function comparable(text: string): string {
  return stripDiacritics(foldTypography(text)).toLowerCase().trim();
}
