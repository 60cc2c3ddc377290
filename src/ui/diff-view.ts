/**
 * One presentation of how two wordings of a quote differ, for the hover card and the popup (before,
 * the card showed a full stop as "[+.]" and glued removed words to the next one, "[−It]all felt",
 * while the popup marked the same change another way). Built from text nodes with h(), never markup:
 *  - added and removed words are <ins> and <del> (underlined and struck through, readable without colour)
 *    led by visually hidden "added: " / "removed: " for screen readers;
 *  - words stay spaced: each part keeps its own spaces, and a replacement ("had" → "have") gets one
 *    between its removed and added words, inside the <del>, so the variant's own wording reads unchanged;
 *  - a change of punctuation or typography only (a full stop, ’ for ') is shown but de-emphasised: class
 *    `diff-punct`, no background, a thin dotted line (the same rule in the card's shadow stylesheet and the
 *    popup's theme).
 */
import { t } from '../shared/i18n';
import { h } from './dom';

/** A word diff's part (the engine's `DiffPart`, src/engine/compare/word-diff.ts, which the callers compute). */
export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export interface DiffViewOptions {
  /** Collapse long unchanged runs to a few words around each change (the card: a few lines at most). */
  compact?: boolean;
  /** What an added and a removed word mean here, as a tooltip (the card: "in this outlet, not on this page"). */
  titles?: { added: string; removed: string };
}

/** Unchanged words kept on each side of a change when compact; longer runs collapse to "…". */
const CONTEXT_WORDS = 3;

/** Shortens long unchanged runs so the diff stays a few lines. */
export function compactDiff(parts: readonly DiffPart[]): DiffPart[] {
  return parts.map((part, i) => {
    if (part.op !== 'same') return part;
    const words = part.text.split(/(\s+)/);
    const count = words.filter((w) => w.trim()).length;
    if (count <= CONTEXT_WORDS * 2) return part;
    const head = words.slice(0, CONTEXT_WORDS * 2).join('');
    const tail = words.slice(-CONTEXT_WORDS * 2).join('');
    if (i === 0) return { op: 'same', text: `…${tail}` };
    if (i === parts.length - 1) return { op: 'same', text: `${head}…` };
    return { op: 'same', text: `${head} … ${tail}` };
  });
}

/** The letters and digits of `text`, accents and case as written: what is left when punctuation is not counted. */
const wordsOf = (text: string) => text.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '');

/** A change that alters punctuation or typography only: the same letters and digits on both sides. */
export function punctuationOnly(removed: string, added: string): boolean {
  return wordsOf(removed) === wordsOf(added);
}

function changed(op: 'added' | 'removed', text: string, punct: boolean, options: DiffViewOptions): HTMLElement {
  const attributes = {
    title: options.titles?.[op],
    class: punct ? 'diff-punct' : undefined,
  };
  const label = h('span', { class: 'vh' }, t(op === 'added' ? 'diffAdded' : 'diffRemoved'));
  return op === 'added' ? h('ins', attributes, label, text) : h('del', attributes, label, text);
}

/** A word diff (`wordDiff(reference, variant)`) as nodes: unchanged text as text, each change as <ins>/<del>. */
export function diffNodes(diff: readonly DiffPart[], options: DiffViewOptions = {}): Node[] {
  const parts = options.compact ? compactDiff([...diff]) : diff;
  const nodes: Node[] = [];
  parts.forEach((part, i) => {
    if (part.op === 'same') return nodes.push(document.createTextNode(part.text));
    const next = parts[i + 1];
    const replaced = part.op === 'removed' && next?.op === 'added';
    const previous = parts[i - 1];
    const pairedWith = replaced ? next.text : part.op === 'added' && previous?.op === 'removed' ? previous.text : '';
    const punct = part.op === 'removed' ? punctuationOnly(part.text, pairedWith) : punctuationOnly(pairedWith, part.text);
    const spaced = replaced && !/\s$/.test(part.text) && !/^\s/.test(next.text) && !punct ? `${part.text} ` : part.text;
    return nodes.push(changed(part.op, spaced, punct, options));
  });
  return nodes;
}

/** `<q>` holding a wording with what it adds to or drops from the reference marked. */
export function diffQuote(diff: readonly DiffPart[], options: DiffViewOptions & { class?: string } = {}): HTMLElement {
  return h('q', { class: options.class }, diffNodes(diff, options));
}
