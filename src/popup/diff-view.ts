/**
 * A word diff rendered as text nodes in <ins>/<del>: underlined and struck through (readable without
 * colour) and prefixed with visually hidden "added:"/"removed:" for screen readers.
 */
import { wordDiff } from '../engine/compare/word-diff';
import { t } from '../shared/i18n';
import { h } from '../ui/dom';

/** `<q>` holding `variant`'s wording, with the words it adds to or drops from `reference` marked. */
export function diffView(reference: string, variant: string): HTMLElement {
  const parts = wordDiff(reference, variant).map((p) => {
    if (p.op === 'same') return p.text;
    if (p.op === 'added') return h('ins', {}, h('span', { class: 'vh' }, t('diffAdded')), p.text);
    return h('del', {}, h('span', { class: 'vh' }, t('diffRemoved')), p.text);
  });
  return h('q', { class: 'outlet__text' }, parts);
}
