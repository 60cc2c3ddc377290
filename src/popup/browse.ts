/** Every quote of the corpus, searchable, with the same comparison view (against the consensus). */
import type { Pack } from '../engine/types';
import { t } from '../shared/i18n';
import { h } from '../ui/dom';
import { listKeyboard, resetRoving } from './keyboard';
import { groupRow, lookup, matchesQuery } from './models';
import { quoteRow } from './quote-row';

export function browseView(pack: Pack): HTMLElement {
  const look = lookup(pack);
  const rows = pack.groups.map((g) => {
    const model = groupRow(g, look);
    return { model, li: quoteRow(model, { eager: false }) };
  });
  const list = h(
    'ol',
    { class: 'quotes', 'data-testid': 'corpus-quotes', 'aria-labelledby': 'corpus-heading' },
    rows.map((r) => r.li),
  );
  const count = h('p', { class: 'hint', role: 'status', 'data-testid': 'corpus-count' }, t('corpusCount', rows.length));
  const search = h('input', {
    type: 'search',
    id: 'corpus-search',
    class: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'corpus-search',
  });
  search.addEventListener('input', () => {
    let shown = 0;
    for (const r of rows) {
      const match = matchesQuery(r.model, search.value);
      r.li.hidden = !match;
      if (match) shown++;
    }
    count.textContent = search.value.trim() ? t('corpusCountFiltered', shown, rows.length) : t('corpusCount', rows.length);
    resetRoving(list);
  });
  listKeyboard(list);
  return h(
    'section',
    { class: 'corpus', 'data-testid': 'corpus', 'aria-labelledby': 'corpus-heading' },
    h('h2', { id: 'corpus-heading' }, t('corpusHeading')),
    h('label', { for: 'corpus-search', class: 'search__label' }, t('searchLabel')),
    search,
    count,
    list,
  );
}
