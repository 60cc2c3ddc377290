/**
 * Changes of meaning between a reference wording (the original, or the consensus) and a variant: the kinds
 * of edit that alter what the speaker said, as opposed to how it is written. Typography and punctuation are
 * never flagged: only words count, compared on their keys, so curly quotes, dashes, case, accents and
 * commas cannot raise a flag.
 *
 * Each changed run of the word alignment (words the variant drops, adds or replaces between two kept
 * words) is looked at on its own, so a "not" dropped inside a 60-word quote is found where it was dropped.
 * A run at either edge is a cut: it is flagged only when it removes a qualifying clause or a negation.
 */
import { alignWords, tokenText, type WordAlignment } from '../compare/word-diff';
import type { Token } from '../normalize';
import { FUTURE, HEDGES, isNegator, isPast, isTenseShift, MODALS, pronounClass, QUALIFIERS, quantities } from './lexicon';

export const MEANING_KINDS = ['negation', 'hedge', 'number', 'tense', 'pronoun', 'cut-qualifier', 'bracket', 'speaker'] as const;
export type MeaningKind = (typeof MEANING_KINDS)[number];

export interface MeaningFlag {
  kind: MeaningKind;
  /** The words involved, as the two wordings have them: "not", "sort of", "90-something → nineteen". */
  words: string;
  /** One English sentence for the CLI and tooltips. */
  detail: string;
}

export interface MeaningContext {
  /** Who the reference attributes the words to, and who the variant does (when known). */
  referenceSpeaker?: string | null;
  variantSpeaker?: string | null;
}

/** Brackets that add nothing a speaker could have said: [sic], [...], […]. */
const NEUTRAL_BRACKET = /^\s*(?:sic|\.\.\.|…|\.\s\.\s\.)\s*$/i;

interface Run {
  removed: Token[];
  added: Token[];
  atStart: boolean;
  atEnd: boolean;
}

/** Every meaning change from `reference` to `variant`, in `MEANING_KINDS` order, each kind at most once per run. */
export function meaningChanges(reference: string, variant: string, context: MeaningContext = {}): MeaningFlag[] {
  const flags: MeaningFlag[] = [];
  const a = alignWords(reference, variant);
  const kept = a.ops.filter((op) => op.op === 'same').length;
  // A paraphrase (fewer than half the words kept on both sides, classify.ts's "reworded"): its runs are
  // whole rewritten clauses, and word-level kinds read off them would be noise.
  const paraphrase = kept * 2 < a.refTokens.length && kept * 2 < a.variantTokens.length;
  const brackets = bracketSpans(variant);
  const refBrackets = new Set(bracketSpans(reference).map((s) => bracketKey(reference.slice(s.start + 1, s.end - 1))));
  for (const run of paraphrase ? [] : runs(a)) {
    const added = run.added.filter((t) => !inSpans(t, brackets));
    const rk = run.removed.map((t) => t.key);
    const ak = added.map((t) => t.key);
    const rText = words(a.reference, run.removed);
    const aText = words(a.variant, added);
    if (run.atStart || run.atEnd) {
      if (run.removed.length > 0 && added.length === 0) cut(run, rk, rText, flags);
      else if (run.removed.length > 0) inner(rk, ak, rText, aText, flags);
      continue;
    }
    inner(rk, ak, rText, aText, flags);
  }
  for (const s of brackets) {
    const inside = variant.slice(s.start + 1, s.end - 1);
    if (NEUTRAL_BRACKET.test(inside) || refBrackets.has(bracketKey(inside))) continue;
    flags.push({
      kind: 'bracket',
      words: variant.slice(s.start, s.end),
      detail: `adds “${variant.slice(s.start, s.end)}”, words the speaker did not say`,
    });
  }
  const { referenceSpeaker: rs, variantSpeaker: vs } = context;
  if (rs && vs && surname(rs) !== surname(vs)) {
    flags.push({ kind: 'speaker', words: `${rs} → ${vs}`, detail: `attributed to ${vs}, not ${rs}` });
  }
  return flags.sort((x, y) => MEANING_KINDS.indexOf(x.kind) - MEANING_KINDS.indexOf(y.kind));
}

/** Kinds only, for counting. */
export function meaningKinds(reference: string, variant: string, context: MeaningContext = {}): MeaningKind[] {
  return [...new Set(meaningChanges(reference, variant, context).map((f) => f.kind))];
}

/** A changed run between kept words: what was dropped, added or replaced. */
function inner(rk: string[], ak: string[], rText: string, aText: string, flags: MeaningFlag[]): void {
  const change = rText && aText ? `${rText} → ${aText}` : rText || aText;
  // negation: the count of negators differs ("didn't" → "did", "did not" = "didn't").
  const negR = rk.filter(isNegator).length;
  const negA = ak.filter(isNegator).length;
  if (negR !== negA) {
    const neg = negR > negA ? rk.filter(isNegator) : ak.filter(isNegator);
    flags.push({
      kind: 'negation',
      words: change,
      detail:
        negR > negA
          ? `drops “${neg.join(' ')}”: the statement loses its negation`
          : `adds “${neg.join(' ')}”: a negation the speaker did not say`,
    });
  }
  // hedges and modality: a softening phrase dropped or added, or one modal verb for another.
  const hR = hedgesIn(rk);
  const hA = hedgesIn(ak);
  const lost = minus(hR, hA);
  const gained = minus(hA, hR);
  const modR = rk.map(modalOf).filter((k): k is string => k !== null);
  const modA = ak.map(modalOf).filter((k): k is string => k !== null);
  const modalSwap = modR.length > 0 && modA.length > 0 && modR.some((m) => modA.every((n) => n !== m && !isTenseShift(m, n)));
  if (lost.length || gained.length || modalSwap || (modR.length !== modA.length && !tenseRun(rk, ak))) {
    const what = lost.length
      ? `drops the hedge “${lost.join('”, “')}”`
      : gained.length
        ? `adds the hedge “${gained.join('”, “')}”`
        : `modality “${change}”`;
    flags.push({
      kind: 'hedge',
      words: lost.length ? lost.join(', ') : gained.length ? gained.join(', ') : change,
      detail: `${what}: changes how sure the speaker sounds`,
    });
  }
  // numbers and quantities: different values ("90-something" → "nineteen"; "seven" = "7").
  const qR = quantities(rk);
  const qA = quantities(ak);
  if (minus(qR, qA).length || minus(qA, qR).length) {
    flags.push({ kind: 'number', words: change, detail: `“${rText}” became “${aText}”: a different quantity` });
  }
  // tense: the same verb in another tense, or a future turned past.
  if (tenseRun(rk, ak)) flags.push({ kind: 'tense', words: change, detail: `“${rText}” became “${aText}”: moves the event in time` });
  // person: a pronoun of one person, number or gender for another.
  const pR = rk.map(pronounClass).filter((p): p is string => p !== null);
  const pA = ak.map(pronounClass).filter((p): p is string => p !== null);
  if (pR.length && pA.length && pR.some((p) => !pA.includes(p))) {
    flags.push({ kind: 'pronoun', words: change, detail: `“${rText}” became “${aText}”: someone else is meant` });
  }
}

/** The modal verb a word carries: "won't" → "will", "I'll" → "will", "couldn't" → "could"; null for other words. */
function modalOf(key: string): string | null {
  if (key.endsWith("'ll")) return 'will';
  const base =
    key === "won't" ? 'will' : key === "can't" ? 'can' : key === "shan't" ? 'shall' : key.endsWith("n't") ? key.slice(0, -3) : key;
  return MODALS.has(base) ? base : null;
}

function tenseRun(rk: string[], ak: string[]): boolean {
  if (rk.some((r) => ak.some((x) => isTenseShift(r, x)))) return true;
  const future = (ks: string[]) => ks.some((k) => FUTURE.has(k));
  return (future(rk) && !future(ak) && ak.some(isPast)) || (future(ak) && !future(rk) && rk.some(isPast));
}

/**
 * A run cut at an edge: flagged when the words cut open a qualifying clause or carry a negation
 * (cut-qualifier), else when they hold a hedge or a quantity ("I think it was…" → "It was…", "Half the
 * cast" → "The cast"). Other cuts (a partial quote, "Like," dropped) are not changes of meaning.
 */
function cut(run: Run, rk: string[], rText: string, flags: MeaningFlag[]): void {
  const first = rk[0] ?? '';
  const qualifies = QUALIFIERS.has(first) || (first === 'even' && (rk[1] === 'if' || rk[1] === 'though')) || rk.some(isNegator);
  if (run.atStart === run.atEnd) return;
  if (qualifies) {
    const where = run.atEnd ? `stops before “${rText}”` : `starts after “${rText}”`;
    flags.push({ kind: 'cut-qualifier', words: rText, detail: `${where}, which qualifies what was said` });
    return;
  }
  // Only a short cut that is mostly the hedge or the number itself ("I think", "Half"): a long tail cut
  // away is a partial quote, and a frequency word somewhere inside it is not what the cut changes.
  if (rk.length > 3) return;
  const hedges = hedgesIn(rk);
  if (hedges.length)
    flags.push({
      kind: 'hedge',
      words: hedges.join(', '),
      detail: `cuts the hedge “${hedges.join('”, “')}”: changes how sure the speaker sounds`,
    });
  if (quantities(rk).length) flags.push({ kind: 'number', words: rText, detail: `cuts “${rText}”: a quantity is lost` });
}

function hedgesIn(keys: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    for (const h of HEDGES) if (h.every((w, j) => keys[i + j] === w)) found.push(h.join(' '));
  }
  return found;
}

/** Multiset difference. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

function runs(a: WordAlignment): Run[] {
  const out: Run[] = [];
  let run: Run | null = null;
  let keptBefore = false;
  for (const op of a.ops) {
    if (op.op === 'same') {
      if (run) out.push(run);
      run = null;
      keptBefore = true;
      continue;
    }
    run ??= { removed: [], added: [], atStart: !keptBefore, atEnd: false };
    if (op.op === 'removed') run.removed.push(a.refTokens[op.ref]!);
    else run.added.push(a.variantTokens[op.variant]!);
  }
  if (run) {
    run.atEnd = true;
    out.push(run);
  }
  return out;
}

/** The raw text from the first to the last token (gaps included): "90-something". */
function words(text: string, tokens: readonly Token[]): string {
  if (tokens.length === 0) return '';
  return tokens.length === 1 ? tokenText(text, tokens[0]!) : text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
}

interface Span {
  start: number;
  end: number;
}

function bracketSpans(text: string): Span[] {
  return [...text.matchAll(/\[[^[\]]*\]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function bracketKey(inside: string): string {
  return inside.toLowerCase().replace(/\s+/g, ' ').trim();
}

function inSpans(t: Token, spans: readonly Span[]): boolean {
  return spans.some((s) => t.start >= s.start && t.end <= s.end);
}

function surname(name: string): string {
  return name.trim().split(/\s+/).pop()!.toLowerCase();
}
