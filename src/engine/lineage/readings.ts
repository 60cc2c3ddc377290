/**
 * A variant as a witness: its readings against the reference wording (the original, or the consensus).
 * A reading is one deviation at one place of the reference — a word replaced, a run omitted, words added
 * or [bracketed] after a word, the punctuation between two words, an ellipsis, where a cut quote starts or
 * stops, a respelling. Two witnesses share a reading when they deviate at the same place in the same way:
 * that, not mere closeness, is the evidence of common descent (stemmatology's shared errors).
 */
import { alignWords, gapAfter, leadingGap, tokenText, type WordAlignment } from '../compare/word-diff';
import { foldTypography, type Token } from '../normalize';
import { isTenseShift, pronounClass } from './lexicon';

export type ReadingKind =
  'typography' | 'punctuation' | 'spelling' | 'truncated' | 'ellipsis' | 'omitted' | 'added' | 'substituted' | 'bracket' | 'garble';

export interface Reading {
  /**
   * Where, on the reference: `w:3` word 3, `g:3` the punctuation after word 3, `a:3` words added after word 3
   * (`a:-1` before the first), `e:3` an ellipsis after word 3, `start` / `end` where a cut quote begins or stops.
   */
  at: string;
  /** What this witness reads there; equal `at` and `value` = a shared reading. */
  value: string;
  kind: ReadingKind;
  /** For people: “have” for “had”, omits “sort of”, adds “[Hamm]”. */
  label: string;
}

export interface Witness {
  /** First and last reference word this wording covers (-1 when it covers none). */
  first: number;
  last: number;
  /** Reference words in the wording's span (the reference's length for the reference itself). */
  readings: Map<string, Reading>;
}

/** The reference as a witness of itself: no reading, everything covered. */
export function referenceWitness(wordCount: number): Witness {
  return { first: 0, last: wordCount - 1, readings: new Map() };
}

/** Whether the witness's span reaches the place `at`. Cut points (`start`, `end`) are everyone's. */
export function covers(w: Witness, at: string): boolean {
  if (at === 'start' || at === 'end') return true;
  const i = Number(at.slice(2));
  if (at.startsWith('w:')) return i >= w.first && i <= w.last;
  return i + 1 >= w.first && i <= w.last;
}

const ELLIPSIS = /\.\s?\.\s?\.|…/;
const SENTENCE_END = /[.!?…]\W*$/u;

/** The readings of `variant` against `reference`. */
export function readWitness(reference: string, variant: string): Witness {
  const a = alignWords(reference, variant);
  const readings = new Map<string, Reading>();
  const add = (r: Reading) => {
    if (!readings.has(r.at)) readings.set(r.at, r);
  };
  const kept = a.ops.filter((op) => op.op === 'same');
  const refN = a.refTokens.length;
  if (kept.length === 0) {
    // Nothing in common word for word: a paraphrase. One reading for the whole, its words.
    add({ at: 'w:0', value: `x:${a.variantTokens.map((t) => t.key).join(' ')}`, kind: 'substituted', label: `“${variant.trim()}”` });
    return { first: 0, last: refN - 1, readings };
  }
  keptWordReadings(a, add);
  gapReadings(a, add);
  const { first, last } = runReadings(a, add);
  return { first, last, readings };
}

function raw(text: string, t: Token): string {
  return tokenText(text, t);
}

/** Kept words whose characters differ: typography (’ vs '), case, or a respelling (protégé / protege). */
function keptWordReadings(a: WordAlignment, add: (r: Reading) => void): void {
  for (const op of a.ops) {
    if (op.op !== 'same') continue;
    const r = raw(a.reference, a.refTokens[op.ref]!);
    const v = raw(a.variant, a.variantTokens[op.variant]!);
    if (r === v) continue;
    const fr = foldTypography(r);
    const fv = foldTypography(v);
    if (fr === fv) add({ at: `w:${op.ref}`, value: `t:${fv}`, kind: 'typography', label: `“${v}”` });
    else if (fr.toLowerCase() === fv.toLowerCase()) {
      const initial = op.variant === 0 || SENTENCE_END.test(gapAfter(a.variant, a.variantTokens, op.variant - 1));
      if (!initial) add({ at: `w:${op.ref}`, value: `c:${fv}`, kind: 'typography', label: `“${v}”` });
    } else add({ at: `w:${op.ref}`, value: `s:${fv.toLowerCase()}`, kind: 'spelling', label: `“${v}” for “${r}”` });
  }
}

/** The same kind of key `classify.ts` compares gaps on: folded, no spaces, one kind of quote mark. */
function gapKey(gap: string): string {
  if (/^[-\u2010\u2011]$/.test(gap)) return '';
  return foldTypography(gap).replace(/\s+/g, '').replace(/["']/g, '"');
}

/** Punctuation between two words kept on both sides, and before/after the whole quote. */
function gapReadings(a: WordAlignment, add: (r: Reading) => void): void {
  const { ops, reference: ref, variant: vari, refTokens: rt, variantTokens: vt } = a;
  ops.forEach((op, k) => {
    if (op.op !== 'same') return;
    const next = ops[k + 1];
    const between = next?.op === 'same';
    const atEnd = next === undefined && op.ref === rt.length - 1 && op.variant === vt.length - 1;
    if (!between && !atEnd) return;
    const r = gapAfter(ref, rt, op.ref);
    const v = gapAfter(vari, vt, op.variant);
    if (r === v) return;
    const at = `g:${op.ref}`;
    if (ELLIPSIS.test(foldTypography(v)) && !ELLIPSIS.test(foldTypography(r))) {
      add({ at: `e:${op.ref}`, value: 'ellipsis', kind: 'ellipsis', label: `“…” after “${raw(ref, rt[op.ref]!)}”` });
      return;
    }
    const rk = gapKey(r);
    const vk = gapKey(v);
    // The end of a quote: extraction strips attribution commas and full stops, so a different final
    // mark says little; it is kept as typography-weight evidence.
    const kind = rk === vk || atEnd ? 'typography' : 'punctuation';
    const shown = v.trim() || '␣';
    add({ at, value: `p:${vk}`, kind, label: `“${shown}” after “${raw(ref, rt[op.ref]!)}”` });
  });
  // Before the first word, both kept: an opening mark or dash.
  if (ops[0]?.op === 'same') {
    const r = leadingGap(ref, rt);
    const v = leadingGap(vari, vt);
    if (gapKey(r) !== gapKey(v)) add({ at: 'g:-1', value: `p:${gapKey(v)}`, kind: 'typography', label: `“${v.trim()}” before the quote` });
  }
}

interface Run {
  removed: number[];
  added: number[];
  /** Reference word before the run (-1 at the start). */
  after: number;
  atStart: boolean;
  atEnd: boolean;
  /** Variant text between the kept words around the run. */
  text: string;
}

function changedRuns(a: WordAlignment): Run[] {
  const runs: Run[] = [];
  let run: Run | null = null;
  let lastRef = -1;
  let lastVar = -1;
  const close = (nextVar: number | null) => {
    if (!run) return;
    const from = lastVar >= 0 ? a.variantTokens[lastVar]!.end : 0;
    const to = nextVar !== null ? a.variantTokens[nextVar]!.start : a.variant.length;
    run.text = a.variant.slice(from, to);
    runs.push(run);
    run = null;
  };
  for (const op of a.ops) {
    if (op.op === 'same') {
      close(op.variant);
      lastRef = op.ref;
      lastVar = op.variant;
      continue;
    }
    run ??= { removed: [], added: [], after: lastRef, atStart: lastVar < 0 && lastRef < 0, atEnd: false, text: '' };
    if (op.op === 'removed') run.removed.push(op.ref);
    else run.added.push(op.variant);
  }
  if (run) (run as Run).atEnd = true;
  close(null);
  return runs;
}

/** Omissions, additions, substitutions, brackets, ellipses and cuts; returns the span the wording covers. */
function runReadings(a: WordAlignment, add: (r: Reading) => void): { first: number; last: number } {
  const { reference: ref, variant: vari, refTokens: rt, variantTokens: vt } = a;
  const brackets = [...vari.matchAll(/\[[^[\]]*\]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const bracketed = (i: number) => brackets.some((s) => vt[i]!.start >= s.start && vt[i]!.end <= s.end);
  let first = 0;
  let last = rt.length - 1;
  const refWords = (ids: number[]) => (ids.length ? ref.slice(rt[ids[0]!]!.start, rt[ids[ids.length - 1]!]!.end) : '');
  const varWords = (ids: number[]) => (ids.length ? vari.slice(vt[ids[0]!]!.start, vt[ids[ids.length - 1]!]!.end) : '');
  for (const run of changedRuns(a)) {
    const keys = run.added.map((i) => vt[i]!.key).join(' ');
    if (ELLIPSIS.test(foldTypography(run.text)))
      add({
        at: `e:${run.after}`,
        value: 'ellipsis',
        kind: 'ellipsis',
        label: `“…” after “${run.after >= 0 ? raw(ref, rt[run.after]!) : ''}”`,
      });
    if (run.removed.length > 0 && run.added.length === 0) {
      if (run.atStart && !run.atEnd) {
        first = run.removed[run.removed.length - 1]! + 1;
        add({ at: 'start', value: String(first), kind: 'truncated', label: `starts at “${raw(ref, rt[first]!)}”` });
      } else if (run.atEnd && !run.atStart) {
        last = run.removed[0]! - 1;
        add({ at: 'end', value: String(last), kind: 'truncated', label: `stops after “${raw(ref, rt[last]!)}”` });
      } else {
        add({
          at: `w:${run.removed[0]}`,
          value: `o:${run.removed.length}`,
          kind: 'omitted',
          label: `omits “${refWords(run.removed)}”`,
        });
      }
      continue;
    }
    const isBracket = run.added.length > 0 && run.added.every(bracketed);
    const bracketText = (run.text.match(/\[[^[\]]*\]/g) ?? []).join(' ');
    if (run.removed.length === 0) {
      add({
        at: `a:${run.after}`,
        value: `${isBracket ? 'b' : 'a'}:${keys}`,
        kind: isBracket ? 'bracket' : 'added',
        label: `adds “${isBracket ? bracketText : varWords(run.added)}”`,
      });
      continue;
    }
    const removedKeys = run.removed.map((i) => rt[i]!.key);
    const addedKeys = run.added.map((i) => vt[i]!.key);
    // A garble: a function word or verb form swapped (had → have, he → she), the kind of slip that marks a copy.
    const garble =
      removedKeys.length === addedKeys.length &&
      removedKeys.length <= 2 &&
      removedKeys.some((k, i) => isTenseShift(k, addedKeys[i]!) || (pronounClass(k) !== null && pronounClass(addedKeys[i]!) !== null));
    add({
      at: `w:${run.removed[0]}`,
      value: `${isBracket ? 'b' : 'x'}:${keys}`,
      kind: isBracket ? 'bracket' : garble ? 'garble' : 'substituted',
      label: `“${isBracket ? bracketText : varWords(run.added)}” for “${refWords(run.removed)}”`,
    });
  }
  return { first, last };
}
