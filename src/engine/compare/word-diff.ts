/**
 * Word-level diff between two wordings of the same quote.
 *
 * Words are matched on their normalised keys (`tokenize`), so typography-only differences
 * (’ vs ', protégé vs protege, close-up vs close up) align as the same word; the emitted text
 * is always the raw text of each side, so the diff can be rendered over the original wording.
 */
import { diffArrays } from 'diff';
import { tokenize, type Token } from '../normalize';

/** One piece of a rendered diff: raw text that both sides share, or that only one side has. */
export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** One step of the word alignment; indices point into `WordAlignment.refTokens` / `variantTokens`. */
export type WordOp = { op: 'same'; ref: number; variant: number } | { op: 'removed'; ref: number } | { op: 'added'; variant: number };

/** Both texts, their tokens, and the minimal edit script between the token keys (its `same` steps form an LCS). */
export interface WordAlignment {
  reference: string;
  variant: string;
  refTokens: Token[];
  variantTokens: Token[];
  ops: WordOp[];
}

/** Aligns the words of two texts on their normalised keys, using jsdiff's Myers diff. */
export function alignWords(reference: string, variant: string): WordAlignment {
  const refTokens = tokenize(reference);
  const variantTokens = tokenize(variant);
  const changes = diffArrays(
    refTokens.map((t) => t.key),
    variantTokens.map((t) => t.key),
  );
  const ops: WordOp[] = [];
  let r = 0;
  let v = 0;
  for (const change of changes) {
    for (let k = 0; k < change.count; k++) {
      if (change.added) ops.push({ op: 'added', variant: v++ });
      else if (change.removed) ops.push({ op: 'removed', ref: r++ });
      else ops.push({ op: 'same', ref: r++, variant: v++ });
    }
  }
  return { reference, variant, refTokens, variantTokens, ops };
}

/** The raw text of a token. */
export function tokenText(text: string, token: Token): string {
  return text.slice(token.start, token.end);
}

/** The raw text after token `i` up to the next token (or the end of the text): spaces and punctuation. */
export function gapAfter(text: string, tokens: readonly Token[], i: number): string {
  const token = tokens[i];
  if (!token) return '';
  return text.slice(token.end, tokens[i + 1]?.start ?? text.length);
}

/** The raw text before the first token (all of it when there is no word). */
export function leadingGap(text: string, tokens: readonly Token[]): string {
  return text.slice(0, tokens[0]?.start ?? text.length);
}

/** A pair of raw texts that occupy the same place in both wordings. */
type Cell = readonly [ref: string, variant: string];

/**
 * Cuts both texts into aligned cells. Each token owns the gap after it, so concatenating the
 * reference halves of all cells gives back the reference exactly (likewise for the variant).
 * A matched word and its following gap are separate cells so that a changed comma next to a
 * kept word does not mark the word itself as changed.
 */
function alignedCells(a: WordAlignment): Cell[] {
  const { reference: ref, variant: vari, refTokens: rt, variantTokens: vt } = a;
  const cells: Cell[] = [[leadingGap(ref, rt), leadingGap(vari, vt)]];
  for (const op of a.ops) {
    if (op.op === 'same') {
      cells.push([tokenText(ref, rt[op.ref]!), tokenText(vari, vt[op.variant]!)]);
      cells.push([gapAfter(ref, rt, op.ref), gapAfter(vari, vt, op.variant)]);
    } else if (op.op === 'removed') {
      cells.push([tokenText(ref, rt[op.ref]!) + gapAfter(ref, rt, op.ref), '']);
    } else {
      cells.push(['', tokenText(vari, vt[op.variant]!) + gapAfter(vari, vt, op.variant)]);
    }
  }
  return cells;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Length of the common prefix of `a` and `b` made only of non-word characters.
 * Only spaces/punctuation are shared out of a changed run, never part of a word, so a
 * substitution shows as "had" → "have", not "ha" + "d" → "ve".
 */
function commonPunctPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n] && !WORD_CHAR.test(a[n]!)) n++;
  return n;
}

function commonPunctSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n < limit && a[a.length - 1 - n] === b[b.length - 1 - n] && !WORD_CHAR.test(a[a.length - 1 - n]!)) n++;
  return n;
}

/** Emits one changed run as removed-then-added, with shared leading/trailing punctuation as `same`. */
function emitChange(parts: DiffPart[], removed: string, added: string): void {
  const pre = commonPunctPrefix(removed, added);
  const limit = Math.min(removed.length, added.length) - pre;
  const suf = commonPunctSuffix(removed, added, limit);
  push(parts, 'same', removed.slice(0, pre));
  push(parts, 'removed', removed.slice(pre, removed.length - suf));
  push(parts, 'added', added.slice(pre, added.length - suf));
  push(parts, 'same', removed.slice(removed.length - suf));
}

/** Appends a part, merging it into the previous part of the same op; drops empty text. */
function push(parts: DiffPart[], op: DiffPart['op'], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/**
 * Word diff from `reference` to `variant`, as raw text parts.
 * Joining the `same` + `removed` parts gives `reference`; joining `same` + `added` gives `variant`.
 * A `removed` part directly followed by an `added` part is a replacement. Words whose keys match
 * but whose raw characters differ (That’s / That's) appear as such a replacement, since a `same`
 * part must be literally common to both sides.
 */
export function wordDiff(reference: string, variant: string): DiffPart[] {
  const parts: DiffPart[] = [];
  let removed = '';
  let added = '';
  for (const [r, v] of alignedCells(alignWords(reference, variant))) {
    if (r === v) {
      if (r === '') continue; // an empty common cell must not split a changed run
      emitChange(parts, removed, added);
      removed = '';
      added = '';
      push(parts, 'same', r);
    } else {
      removed += r;
      added += v;
    }
  }
  emitChange(parts, removed, added);
  return parts;
}
