/**
 * Sentence splitting for quoted speech. Conservative: a boundary needs sentence punctuation,
 * then white space, then something that can start a sentence (capital, digit, opening mark).
 *
 * Decisions:
 * - An ellipsis ("...", "…", ". . .") never ends a sentence here. In quotes it usually marks cut
 *   words inside one utterance; when an outlet glued several sentences together with ellipses
 *   (/Film: "…when we did this scene ... Those are real tears ... because he held…") the grouper
 *   splits at the ellipses itself (`units.ts`), where it can check what each piece matches.
 * - Abbreviations (Mr., Dr., St., U.S., e.g.) and initials ("J. K.") do not end a sentence.
 */

/** A half-open range of UTF-16 offsets [start, end) in some text. */
export interface TextSpan {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'vs',
  'etc',
  'eg',
  'ie',
  'inc',
  'ltd',
  'co',
  'corp',
  'mt',
  'ft',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'capt',
  'sgt',
  'rev',
  'hon',
  'vol',
  'approx',
  'dept',
  'fig',
  'jan',
  'feb',
  'apr',
  'aug',
  'sept',
  'oct',
  'nov',
]);

const TERMINAL = new Set(['.', '!', '?']);
/** Characters that may follow the terminal mark and still belong to the sentence: closing marks. */
const CLOSERS = new Set(['"', '\u201D', '\u2019', "'", ')', ']', '}', '\u00BB']);
/** Characters that may open the next sentence before its first letter. */
const OPENERS = new Set(['"', '\u201C', '\u2018', "'", '(', '[', '\u00AB']);

/** Splits `text[start, end)` into sentences, each trimmed of surrounding white space. */
export function splitSentences(text: string, start = 0, end = text.length): TextSpan[] {
  const spans: TextSpan[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (!TERMINAL.has(text[i]!) || isEllipsisDot(text, i)) continue;
    let j = i + 1;
    while (j < end && CLOSERS.has(text[j]!)) j++;
    if (j >= end || !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < end && /\s/.test(text[k]!)) k++;
    if (k >= end || !startsSentence(text, k, end)) continue;
    if (text[i] === '.' && isAbbreviation(text, i)) continue;
    pushTrimmed(text, from, j, spans);
    from = k;
  }
  pushTrimmed(text, from, end, spans);
  return spans;
}

/** A dot that belongs to "..." or ". . .". */
function isEllipsisDot(text: string, i: number): boolean {
  if (text[i] !== '.') return false;
  const near = (d: number): boolean => text[i + d] === '.' || (text[i + d] === ' ' && text[i + 2 * d] === '.');
  return near(1) || near(-1);
}

function startsSentence(text: string, k: number, end: number): boolean {
  let c = text[k]!;
  if (OPENERS.has(c) && k + 1 < end) c = text[k + 1]!;
  return /[\p{Lu}\p{N}]/u.test(c);
}

/** The word before the dot is a known abbreviation or a single capital initial ("J."). */
function isAbbreviation(text: string, dot: number): boolean {
  let b = dot;
  while (b > 0 && /[\p{L}.]/u.test(text[b - 1]!)) b--;
  const word = text.slice(b, dot);
  // "J." (an initial) and dotted forms ("U.S.", "e.g.") never end a sentence.
  if ((/^\p{Lu}$/u.test(word) && word !== 'I') || word.includes('.')) return true;
  return ABBREVIATIONS.has(word.replace(/\./g, '').toLowerCase());
}

function pushTrimmed(text: string, start: number, end: number, out: TextSpan[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}
