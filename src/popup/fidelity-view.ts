/** "How each outlet quotes": one compact line per outlet, from the pure `outletFidelity`. */
import { outletFidelity, type OutletFidelity } from '../engine/compare/fidelity';
import { CHANGE_INFO } from '../engine/compare/taxonomy';
import type { Pack } from '../engine/types';
import { t } from '../shared/i18n';
import { h } from '../ui/dom';

/** "6 of 9 as most outlets word them; 1 ellipsis, 1 editorial bracket" (+ "· 3 only here"). */
export function fidelityText(f: OutletFidelity): string {
  const parts: string[] = [];
  if (f.compared === 0) parts.push(t('fidelityNone'));
  else {
    const kinds = f.kinds.map((k) => `${k.count} ${CHANGE_INFO[k.kind].label}`).join(', ');
    parts.push(t('fidelityLine', f.asConsensus, f.compared) + (kinds ? `; ${kinds}` : ''));
  }
  if (f.unique > 0) parts.push(f.unique === 1 ? t('fidelityUniqueOne') : t('fidelityUnique', f.unique));
  return parts.join(' · ');
}

export function fidelityView(pack: Pack, own: string | null): HTMLElement {
  return h(
    'section',
    { class: 'fidelity', 'data-testid': 'fidelity', 'aria-labelledby': 'fidelity-heading' },
    h('h2', { id: 'fidelity-heading' }, t('fidelityHeading')),
    h('p', { class: 'hint' }, t('fidelityHint')),
    h(
      'ul',
      { class: 'fidelity__list' },
      outletFidelity(pack).map((f) =>
        h(
          'li',
          { 'data-verbatim-document': f.document, 'data-own': f.document === own ? 'true' : null },
          h('strong', {}, f.outlet),
          f.document === own && h('span', { class: 'badge badge--own' }, t('badgeThisPage')),
          ': ',
          fidelityText(f),
        ),
      ),
    ),
  );
}
