/** An outlet's wording in the popup's comparison, its differences from the reference marked (src/ui/diff-view.ts). */
import { wordDiff } from '../engine/compare/word-diff';
import { diffQuote } from '../ui/diff-view';

/** `<q>` holding `variant`'s wording, with the words it adds to or drops from `reference` marked. */
export function diffView(reference: string, variant: string): HTMLElement {
  return diffQuote(wordDiff(reference, variant), { class: 'outlet__text' });
}
