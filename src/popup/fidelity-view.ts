/** "How each outlet quotes": one compact line per outlet, from the pure `outletFidelity`. */
import { outletFidelity, type OutletFidelity } from '../engine/compare/fidelity';
import type { ChangeKind, Pack } from '../engine/types';
import { t } from '../shared/i18n';
import { h } from '../ui/dom';

/** Each kind of change in a reader's words ("cut short", not "truncated"). */
const PLAIN: Record<ChangeKind, string> = {
  identical: 'kindPlainIdentical',
  typography: 'kindPlainTypography',
  punctuation: 'kindPlainPunctuation',
  spelling: 'kindPlainSpelling',
  substituted: 'kindPlainSubstituted',
  omitted: 'kindPlainOmitted',
  added: 'kindPlainAdded',
  bracket: 'kindPlainBracket',
  ellipsis: 'kindPlainEllipsis',
  truncated: 'kindPlainTruncated',
  'merged-split': 'kindPlainMergedSplit',
  reworded: 'kindPlainReworded',
};

export const plainKind = (kind: ChangeKind): string => t(PLAIN[kind]);

/**
 * "words 6 of the 9 quotes it shares with other outlets as most of them do; elsewhere: punctuation changed
 * in 1, cut short in 1" (+ "· 3 quotes no other outlet has").
 */
export function fidelityText(f: OutletFidelity): string {
  const parts: string[] = [];
  if (f.compared === 0) parts.push(t('fidelityNone'));
  else {
    const kinds = f.kinds.map((k) => t('fidelityKind', plainKind(k.kind), k.count)).join(', ');
    parts.push(t('fidelityPlain', f.asConsensus, f.compared) + (kinds ? `; ${t('fidelityElsewhere', kinds)}` : ''));
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
