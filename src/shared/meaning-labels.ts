/** Labels of the kinds of meaning change, in the UI language: the popup and the hover card both show them. */
import type { MeaningKind } from '../engine/lineage/meaning';
import { t } from './i18n';

const LABEL: Record<MeaningKind, () => string> = {
  negation: () => t('meaningNegation'),
  hedge: () => t('meaningHedge'),
  number: () => t('meaningNumber'),
  tense: () => t('meaningTense'),
  pronoun: () => t('meaningPronoun'),
  'cut-qualifier': () => t('meaningCutQualifier'),
  bracket: () => t('meaningBracket'),
  speaker: () => t('meaningSpeaker'),
};

export function meaningLabel(kind: MeaningKind): string {
  return LABEL[kind]();
}
