/**
 * Classifies how a variant wording differs from a reference wording (usually the group's consensus),
 * word by word, on top of `alignWords`. Several kinds can apply at once; see `taxonomy.ts`.
 */
import { foldTypography, wordKeys, type Token } from '../normalize';
import { editDistance } from '../text-distance';
import { CHANGE_KINDS, type ChangeKind } from '../types';
import { alignWords, gapAfter, leadingGap, tokenText, type WordAlignment } from './word-diff';

export interface ClassifyContext {
  /** The grouper merged this sentence with a neighbour, or split it from one. */
  merged?: boolean;
}

/**
 * Heavily reworded when fewer than half of the reference's words survive in order AND fewer than
 * half of the variant's words are survivors. The second half of the test keeps a short, cut-down
 * quote ("real" out of "It all felt very real") from counting as a paraphrase: it is truncated.
 * At exactly 50% (e.g. "That's actually real tears" / "Those are real tears") it is not reworded.
 */
export const REWORDED_MAX_SURVIVAL = 0.5;

const DOUBLE_QUOTE_MARKS = '"\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033';
const OPENING_SINGLE = "'\u2018\u201A\u2039";
const CLOSING_SINGLE = "'\u2019\u203A";

/**
 * Trims whitespace and the quote marks around a quote. Double quote marks are dropped at either
 * end even when unpaired (sentence extraction often keeps only one of them). Single quote marks
 * only as a pair, because a lone trailing ’ is usually a possessive (Moss’) and a lone leading
 * one an elision (’cause) — both part of the wording.
 */
export function unquote(text: string): string {
  let s = text.trim();
  for (;;) {
    const before = s;
    while (s && DOUBLE_QUOTE_MARKS.includes(s[0]!)) s = s.slice(1).trimStart();
    while (s && DOUBLE_QUOTE_MARKS.includes(s[s.length - 1]!)) s = s.slice(0, -1).trimEnd();
    if (s.length >= 2 && OPENING_SINGLE.includes(s[0]!) && CLOSING_SINGLE.includes(s[s.length - 1]!)) {
      s = s.slice(1, -1).trim();
    }
    if (s === before) return s;
  }
}

/** The kinds of change from `reference` to `variant`, in `CHANGE_KINDS` order, without duplicates. */
export function classifyChange(reference: string, variant: string, context: ClassifyContext = {}): ChangeKind[] {
  const ref = unquote(reference);
  const vari = unquote(variant);
  // identical: same characters once the surrounding quote marks are gone. It excludes every other kind.
  if (ref === vari) return ['identical'];

  const kinds = new Set<ChangeKind>();
  const brackets = bracketSpans(vari);
  // bracket: an editor's [insertion] is a visible, deliberate change, whatever else happened.
  if (hasNewBracket(ref, vari)) kinds.add('bracket');
  // ellipsis: a new "…" tells the reader words were cut; shown even when the cut words are also reported.
  if (countEllipses(vari) > countEllipses(ref)) kinds.add('ellipsis');
  // merged-split: only the grouper knows sentence boundaries moved; the texts alone cannot tell.
  if (context.merged) kinds.add('merged-split');

  const a = alignWords(ref, vari);
  if (isReworded(a)) {
    // reworded subsumes the word-level kinds: listing every substitution of a paraphrase is noise.
    kinds.add('reworded');
  } else {
    addRunKinds(a, brackets, context.merged === true, kinds);
    addSameWordKinds(a, kinds);
    addGapKinds(a, kinds);
  }

  // Safety net: something differs that no rule located (a sentence-initial capital, punctuation
  // next to a changed word); still never claim "identical".
  if (kinds.size === 0) kinds.add(sameIgnoringCase(ref, vari) ? 'typography' : 'punctuation');
  return CHANGE_KINDS.filter((k) => kinds.has(k));
}

function sameIgnoringCase(a: string, b: string): boolean {
  return foldTypography(a).toLowerCase() === foldTypography(b).toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// reworded

function isReworded(a: WordAlignment): boolean {
  const kept = a.ops.filter((op) => op.op === 'same').length;
  const refN = a.refTokens.length;
  const varN = a.variantTokens.length;
  // With no words on one side there is nothing to paraphrase: it is an addition or a truncation.
  if (refN === 0 || varN === 0) return false;
  return kept / refN < REWORDED_MAX_SURVIVAL && kept / varN < REWORDED_MAX_SURVIVAL;
}

// ---------------------------------------------------------------------------------------------
// changed runs: substituted / spelling / omitted / added / truncated / bracket

/** A maximal stretch of removed/added words between two kept words (or a text edge). */
interface Run {
  removed: Token[];
  added: Token[];
  /** Added words inside [brackets] of the variant: editorial, reported as `bracket`. */
  bracketed: Token[];
  atEdge: boolean;
}

function changedRuns(a: WordAlignment, brackets: Span[]): Run[] {
  const runs: Run[] = [];
  let run: Run | null = null;
  let keptBefore = false;
  for (const op of a.ops) {
    if (op.op === 'same') {
      if (run) runs.push(run);
      run = null;
      keptBefore = true;
      continue;
    }
    // A run with no kept word before it starts at the beginning of the text.
    run ??= { removed: [], added: [], bracketed: [], atEdge: !keptBefore };
    if (op.op === 'removed') run.removed.push(a.refTokens[op.ref]!);
    else {
      const token = a.variantTokens[op.variant]!;
      (inSpans(token, brackets) ? run.bracketed : run.added).push(token);
    }
  }
  if (run) {
    run.atEdge = true; // nothing kept after it: the run reaches the end of the text
    runs.push(run);
  }
  return runs;
}

function addRunKinds(a: WordAlignment, brackets: Span[], merged: boolean, kinds: Set<ChangeKind>): void {
  for (const run of changedRuns(a, brackets)) {
    const removed = run.removed.map((t) => tokenText(a.reference, t));
    const added = run.added.map((t) => tokenText(a.variant, t));
    if (run.bracketed.length > 0) kinds.add('bracket');
    if (removed.length > 0 && added.length > 0) {
      // removed next to added = replacement; a near spelling of the same words is only `spelling`.
      kinds.add(isRespelling(removed, added) ? 'spelling' : 'substituted');
    } else if (removed.length > 0 && run.bracketed.length === 0) {
      // Removed words at an edge mean the outlet quoted only part of the sentence (truncated), inside
      // they mean a cut (omitted). A merged/split sentence explains edge differences by itself.
      if (!run.atEdge) kinds.add('omitted');
      else if (!merged) kinds.add('truncated');
    } else if (added.length > 0 && !(run.atEdge && merged)) {
      kinds.add('added');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// spelling

/**
 * Closed-class words (auxiliaries, pronouns, articles, prepositions, conjunctions). Swapping one
 * changes tense, person or meaning (had/have, he/she, this/that), so it is a substitution even when
 * the spellings are one letter apart.
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those he she it they we i you me him her us them his its our their my your ' +
    'is are was were be been being am has have had do does did will would shall should can could may might must ' +
    'in on at of to for with by from into onto as and or but nor so if then than there here when where not no ' +
    "i'm it's that's he's she's we're they're i've i'd don't didn't can't won't"
  ).split(' '),
);

/** Inflectional endings: walk/walks, love/loved, say/saying change grammar, not spelling. */
const INFLECTIONS = ['s', 'es', 'd', 'ed', 'ing', "'s"];

function isInflection(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return INFLECTIONS.some((suffix) => long === short + suffix);
}

const CAPITALISED = /^\p{Lu}/u;

/**
 * Whether two raw words are spellings of the same word rather than different words:
 * - never for function words or inflections (had/have, walk/walks are grammar changes);
 * - both keys ≥ 3 letters and edit distance ≤ 1, or ≤ 2 when the longer word has ≥ 8 letters
 *   (Elisabeth/Elizabeth, judgement/judgment);
 * - names (both capitalised) pass on that alone (Jon/John, Ham/Hamm, Olson/Olsen);
 * - other words of ≤ 4 letters never (cat/bat, ran/run are different words), and equal-length
 *   words below 7 letters never (drink/drank, house/horse); longer ones pass (realise/realize).
 */
export function isNearSpelling(rawA: string, rawB: string): boolean {
  const a = foldKey(rawA);
  const b = foldKey(rawB);
  if (a === b) return true;
  if (FUNCTION_WORDS.has(a) || FUNCTION_WORDS.has(b) || isInflection(a, b)) return false;
  const minLen = Math.min(a.length, b.length);
  const maxLen = Math.max(a.length, b.length);
  if (minLen < 3 || editDistance(a, b) > (maxLen >= 8 ? 2 : 1)) return false;
  if (CAPITALISED.test(rawA) && CAPITALISED.test(rawB)) return true;
  if (maxLen <= 4) return false;
  return a.length !== b.length || maxLen >= 7;
}

/** The normalised keys of a raw text, as one string. */
function foldKey(raw: string): string {
  return wordKeys(raw).join(' ');
}

/**
 * A replacement is a respelling when the words pair up one to one as near spellings, or when the
 * same letters are only split or joined differently ("any more" / "anymore").
 */
function isRespelling(removed: string[], added: string[]): boolean {
  const joined = (words: string[]): string => words.map(foldKey).join('');
  if (joined(removed) === joined(added)) return true;
  return removed.length === added.length && removed.every((w, i) => isNearSpelling(w, added[i]!));
}

// ---------------------------------------------------------------------------------------------
// kept words whose raw characters differ: typography / spelling

/**
 * A kept word (same key) with different characters:
 * - typography when equal after folding quotes/dashes (That’s / That's);
 * - nothing for a case-only change of a sentence-initial word ("It was real. We" / "real, we",
 *   "it" / "It" after a cut): capitalisation follows the position, whose change is reported as
 *   punctuation/truncated/added; alone it ends up as typography through the safety net;
 * - spelling otherwise (protégé / protegé, jon / Jon inside a sentence).
 */
function addSameWordKinds(a: WordAlignment, kinds: Set<ChangeKind>): void {
  for (const op of a.ops) {
    if (op.op !== 'same') continue;
    const rawR = tokenText(a.reference, a.refTokens[op.ref]!);
    const rawV = tokenText(a.variant, a.variantTokens[op.variant]!);
    if (rawR === rawV) continue;
    const r = foldTypography(rawR);
    const v = foldTypography(rawV);
    if (r === v) kinds.add('typography');
    else if (r.toLowerCase() !== v.toLowerCase()) kinds.add('spelling');
    else if (!startsSentence(a, 'ref', op.ref) && !startsSentence(a, 'variant', op.variant)) kinds.add('spelling');
  }
}

function startsSentence(a: WordAlignment, side: 'ref' | 'variant', i: number): boolean {
  const text = side === 'ref' ? a.reference : a.variant;
  const tokens = side === 'ref' ? a.refTokens : a.variantTokens;
  if (i === 0) return true;
  return /[.!?…]\W*$/u.test(gapAfter(text, tokens, i - 1));
}

// ---------------------------------------------------------------------------------------------
// gaps between kept words: typography / punctuation

/** A hyphen joining two words with no space, as in close-up: same word boundary as a space. */
const COMPOUND_HYPHEN = /^[-\u2010\u2011]$/;

/**
 * The gap as typography sees it: folded quotes/dashes, no whitespace, a compound hyphen equal to a
 * space, all quote marks alike ("go" vs 'go' is house style).
 */
function typographyKey(gap: string): string {
  if (COMPOUND_HYPHEN.test(gap)) return '';
  return foldTypography(gap).replace(/\s+/g, '').replace(/["']/g, '"');
}

/** The gap without ellipses and brackets, which have their own kinds. */
function punctuationKey(gap: string): string {
  return typographyKey(gap)
    .replace(/\.\.\./g, '')
    .replace(/[[\]]/g, '');
}

/**
 * Compares the text between two words that are kept on both sides (and before/after the text when
 * its first/last word is kept):
 * - typography when only folding differs (close-up / close up, — / -, double spaces);
 * - nothing when only an ellipsis or bracket differs (reported as `ellipsis` / `bracket`);
 * - punctuation otherwise ("script and" / "script, and", "mentor/protégé" / "mentor-protegé").
 */
function addGapKinds(a: WordAlignment, kinds: Set<ChangeKind>): void {
  for (const [r, v] of keptGaps(a)) {
    if (r === v) continue;
    if (typographyKey(r) === typographyKey(v)) kinds.add('typography');
    else if (punctuationKey(r) !== punctuationKey(v)) kinds.add('punctuation');
  }
}

function keptGaps(a: WordAlignment): Array<[string, string]> {
  const { ops, reference: ref, variant: vari, refTokens: rt, variantTokens: vt } = a;
  const gaps: Array<[string, string]> = [];
  const first = ops[0];
  if (first?.op === 'same') gaps.push([leadingGap(ref, rt), leadingGap(vari, vt)]);
  ops.forEach((op, k) => {
    const next = ops[k + 1];
    if (op.op !== 'same') return;
    // Between two consecutive kept words, or after the last word of both texts.
    if (next?.op === 'same' || (next === undefined && op.ref === rt.length - 1 && op.variant === vt.length - 1)) {
      gaps.push([gapAfter(ref, rt, op.ref), gapAfter(vari, vt, op.variant)]);
    }
  });
  if (ops.length === 0) gaps.push([ref, vari]);
  return gaps;
}

// ---------------------------------------------------------------------------------------------
// brackets and ellipses

interface Span {
  start: number;
  end: number;
}

/** Closed [ ... ] spans (innermost); an unclosed bracket is a typo, not an editorial insertion. */
function bracketSpans(text: string): Span[] {
  return [...text.matchAll(/\[[^[\]]*\]/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

function inSpans(token: Token, spans: Span[]): boolean {
  return spans.some((s) => token.start >= s.start && token.end <= s.end);
}

/** True when the variant has a bracketed text that the reference does not have. */
function hasNewBracket(ref: string, vari: string): boolean {
  const contents = (text: string): string[] => bracketSpans(text).map((s) => foldKey(text.slice(s.start + 1, s.end - 1)));
  const inRef = contents(ref);
  return contents(vari).some((c) => {
    const i = inRef.indexOf(c);
    if (i < 0) return true;
    inRef.splice(i, 1); // each reference bracket accounts for one variant bracket
    return false;
  });
}

/** Ellipses after folding: "…", "...", ". . ." (a fourth dot is the full stop). */
function countEllipses(text: string): number {
  return [...foldTypography(text).matchAll(/\.\s?\.\s?\./g)].length;
}
