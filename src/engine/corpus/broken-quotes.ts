/**
 * A quote broken by its attribution — “The only costume I have from Mad Men from all seven seasons,”
 * Moss said, “they asked me what costume I wanted to keep …” — is one sentence of the speaker's in two
 * quotes. Its pieces must be allowed into one group: otherwise the grouping takes them for two different
 * sentences of one article (clusters.ts), keeps them apart, and every other outlet's wording of either
 * piece is split off with them.
 */
/**
 * What stands between the pieces: the closing mark and a comma, an attribution of one to six words
 * ("Moss said", "she remembered", "the actress told Vanity Fair"), a comma, the opening mark.
 */
const BETWEEN = /^[”"’']?\s*,?\s*[”"’']?\s*(?:[\p{L}\p{N}’'-]+\s+){0,5}[\p{L}\p{N}’'-]+\s*,\s*[“"‘']?$/u;

interface Span {
  start: number;
  end: number;
}

/** Whether quote `next` goes on with the sentence quote `prev` left open, past an attribution. */
export function continuesQuote(text: string, prev: Span, next: Span): boolean {
  if (next.start <= prev.end) return false;
  const first = text.slice(prev.start, prev.end).trimEnd();
  if (/[.!?…]$/.test(first)) return false;
  // A capital would start a new sentence; a small letter or a figure ("90-something") goes on with it.
  if (/^\p{Lu}/u.test(text.slice(next.start, next.start + 1))) return false;
  const between = text.slice(prev.end, next.start);
  // The comma that ends the first piece stands inside its marks (“…seasons,” Moss said) or after them.
  const comma = first.endsWith(',') || /^[”"’']?\s*,/.test(between);
  return comma && !between.includes('\n') && BETWEEN.test(between.trim());
}
