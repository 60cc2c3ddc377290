/**
 * What the corpus is, in a sentence, for a page about the topic on which none of its quotes was found:
 * the bundled articles (how many, which years, which outlets) and how many the reader brought.
 */
import type { Pack } from '../engine/types';
import { t } from '../shared/i18n';
import type { CorpusView } from '../shared/messages';

export function corpusSummary(pack: Pack, counts: CorpusView['counts']): string {
  const bundled = pack.documents.filter((d) => (d.origin ?? 'bundled') === 'bundled');
  const outlets = [...new Set(bundled.map((d) => d.outlet))].join(', ');
  const years = [...new Set(bundled.map((d) => d.published?.slice(0, 4)).filter((y): y is string => !!y && /^\d{4}$/.test(y)))].sort();
  const when = years.length === 0 ? '' : years.length === 1 ? years[0]! : `${years[0]}–${years[years.length - 1]}`;
  const base = when ? t('corpusWhat', bundled.length, when, outlets) : t('corpusWhatUndated', bundled.length, outlets);
  const yours = counts.learned + counts.added + counts.imported;
  return yours > 0 ? `${base} ${t('corpusWhatYours', yours)}` : base;
}
