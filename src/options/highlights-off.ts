/**
 * The sites where the reader switched highlights off from the popup, each with a button that turns them
 * back on (before, only the popup opened on that site could). The background sees the list change and
 * the site's open tabs mark their quotes again.
 */
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import { h, replaceChildren } from '../ui/dom';
import { savedNote, type Save } from './saved-note';

export function highlightsOffFieldset(settings: Settings, saveAny: Save): HTMLElement {
  const note = savedNote('saved-highlights-off');
  const save = note.saving(saveAny);
  const box = h('div', {});
  const render = (sites: readonly string[], focusAt: number | null) => {
    const list = h(
      'ul',
      { class: 'sites-off', 'data-testid': 'highlights-off-list' },
      sites.map((site, i) => h('li', { 'data-site': site }, h('span', {}, site), turnOnButton(site, i))),
    );
    replaceChildren(box, sites.length ? list : h('p', { class: 'hint', 'data-testid': 'highlights-off-empty' }, t('highlightsOffEmpty')));
    // Focus stays in the list (the next site's button), or on the legend's fieldset once it is empty.
    if (focusAt === null) return;
    const buttons = box.querySelectorAll<HTMLElement>('button');
    (buttons[Math.min(focusAt, buttons.length - 1)] ?? fieldset).focus();
  };
  const turnOnButton = (site: string, index: number) =>
    h(
      'button',
      {
        type: 'button',
        class: 'button',
        'aria-label': t('highlightsOffRemoveLabel', site),
        'data-testid': `highlights-on-${site}`,
        onclick: () =>
          void save((s) => ({ ...s, highlightsOffOn: s.highlightsOffOn.filter((x) => x !== site) })).then((s) =>
            render(s.highlightsOffOn, index),
          ),
      },
      t('highlightsOffRemove'),
    );
  const fieldset = h(
    'fieldset',
    { tabindex: '-1', 'data-testid': 'highlights-off' },
    h('legend', {}, t('highlightsOffHeading')),
    h('p', { class: 'hint' }, t('highlightsOffHint')),
    box,
    note.element,
  );
  render(settings.highlightsOffOn, null);
  return fieldset;
}
