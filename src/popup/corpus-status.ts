/**
 * What the popup says about the reader's own corpus: how many articles it has learned (and added,
 * imported), what learning did with this page, once what learning keeps and where, and a store
 * failure in words.
 */
import { t } from '../shared/i18n';
import type { CorpusView, LearnOutcome } from '../shared/messages';
import { h } from '../ui/dom';

export interface CorpusStatusModel {
  topic: string;
  counts: CorpusView['counts'];
  error: string | null;
  /** What learning did with this page, when it tried. */
  learning: LearnOutcome | null;
  /** Learning is on and the popup has not yet said what it keeps. */
  explain: boolean;
}

export function corpusStatusView(model: CorpusStatusModel, actions: { learningExplained(): void }): HTMLElement | null {
  const parts: HTMLElement[] = [];
  if (model.error) parts.push(h('p', { class: 'notice notice--error', role: 'alert', 'data-testid': 'corpus-error' }, model.error));
  if (model.explain) {
    const box = h('div', { class: 'notice', 'data-testid': 'learning-explained' }, h('p', {}, t('learningExplain', model.topic)));
    box.append(
      h(
        'button',
        { type: 'button', class: 'button button--quiet', onclick: () => (box.remove(), actions.learningExplained()) },
        t('learningExplainOk'),
      ),
    );
    parts.push(box);
  }
  const learning = model.learning ? learningText(model.learning) : null;
  if (learning) parts.push(h('p', { class: 'learning', 'data-testid': 'page-learning', 'data-status': model.learning!.status }, learning));
  const { learned, added, imported } = model.counts;
  parts.push(
    h('p', { class: 'hint', 'data-testid': 'corpus-counts', 'data-learned': learned }, t('corpusCounts', learned, added, imported)),
  );
  return h('section', { class: 'corpus-status' }, parts);
}

function learningText(outcome: LearnOutcome): string {
  switch (outcome.status) {
    case 'learned':
      return t('pageLearned', outcome.quotes, outcome.joined);
    case 'updated':
      return t('pageUpdated', outcome.quotes);
    case 'unchanged':
      return t('pageUnchanged', outcome.quotes);
    case 'refused':
    case 'skipped':
    case 'failed':
      return t('pageNotLearned', outcome.reason);
  }
}
