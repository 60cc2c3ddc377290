/**
 * The units that get grouped: one per quoted sentence, or per ellipsis-separated piece of a
 * sentence (see `group-view.ts` for how pieces are put back together).
 */
import type { Quote } from './extract';
import { wordKeys } from '../normalize';
import { splitSentences, type TextSpan } from './sentences';

export interface Unit {
  /** Index of the document in the manifest. */
  doc: number;
  /** Index of the quote in its document's quote list. */
  quote: number;
  /** Sentence number within the document, shared by the pieces of one sentence. */
  sentence: number;
  start: number;
  end: number;
  text: string;
  keys: string[];
}

/** Ellipses between words: " ... ", "…", ". . .". */
const ELLIPSIS = /\s*(?:\.\s?\.\s?\.|\u2026)\s*/g;
/** A piece shorter than this is not split off: it stays with its neighbour. */
const MIN_PIECE_WORDS = 3;

/** Every unit of one document, in text order. `sentenceBase` numbers sentences across calls. */
export function documentUnits(doc: number, text: string, quotes: readonly Quote[], sentenceBase = 0): Unit[] {
  const units: Unit[] = [];
  let sentence = sentenceBase;
  quotes.forEach((q, qi) => {
    for (const span of splitSentences(text, q.start, q.end)) {
      const trimmed = trimAttributionComma(text, span, q.end);
      for (const piece of ellipsisPieces(text, trimmed)) {
        units.push({
          doc,
          quote: qi,
          sentence,
          start: piece.start,
          end: piece.end,
          text: text.slice(piece.start, piece.end),
          keys: wordKeys(text.slice(piece.start, piece.end)),
        });
      }
      sentence++;
    }
  });
  return units;
}

/**
 * “I had a very close relationship with Jon,” Moss said — the comma before the closing mark is the
 * reporter's punctuation for the attribution, not the speaker's: it is left out of the wording.
 */
function trimAttributionComma(text: string, span: TextSpan, quoteEnd: number): TextSpan {
  if (span.end === quoteEnd && text[span.end - 1] === ',') return { start: span.start, end: span.end - 1 };
  return span;
}

/**
 * Splits a sentence at inner ellipses; each piece keeps the ellipsis that ends it ("…this scene ...").
 * Pieces under MIN_PIECE_WORDS words are glued to the previous piece.
 */
export function ellipsisPieces(text: string, span: TextSpan): TextSpan[] {
  const body = text.slice(span.start, span.end);
  if (!/\.\s?\.\s?\.|\u2026/.test(body)) return [span];
  const cuts: number[] = [];
  for (const m of body.matchAll(ELLIPSIS)) {
    const at = m.index ?? 0;
    const afterEllipsis = at + m[0].trimEnd().length;
    if (at > 0 && at + m[0].length < body.length) cuts.push(afterEllipsis);
  }
  const pieces: TextSpan[] = [];
  let from = 0;
  for (const cut of [...cuts, body.length]) {
    const piece = { start: from, end: cut };
    const prevPiece = pieces[pieces.length - 1];
    if (prevPiece && wordKeys(body.slice(piece.start, piece.end)).length < MIN_PIECE_WORDS) prevPiece.end = cut;
    else if (!prevPiece || wordKeys(body.slice(prevPiece.start, prevPiece.end)).length >= MIN_PIECE_WORDS) pieces.push(piece);
    else prevPiece.end = cut;
    from = cut;
  }
  return pieces.map((p) => trimSpan(body, p, span.start));
}

function trimSpan(body: string, p: TextSpan, offset: number): TextSpan {
  let { start, end } = p;
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return { start: start + offset, end: end + offset };
}
