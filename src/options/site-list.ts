/**
 * A list of sites the reader types, one per line (or comma-separated): where Verbatim runs, where it learns
 * nothing. Saved on change as normalised hosts; what is not a site is named in the hint, never kept.
 */
import { t } from '../shared/i18n';
import { normaliseSite, type Settings } from '../shared/settings';
import { h, onAsync } from '../ui/dom';

import type { Save } from './saved-note';
type SiteListKey = 'sites' | 'learnExcluded';

export interface SiteListField {
  id: string;
  key: SiteListKey;
  label: string;
  hint: string;
  rows: number;
}

/** The label, the textarea and its hint, in that order. */
export function siteListField(settings: Settings, save: Save, field: SiteListField): HTMLElement[] {
  const hintId = `${field.id}-hint`;
  const sites = h(
    'textarea',
    { id: field.id, rows: String(field.rows), spellcheck: 'false', 'aria-describedby': hintId, 'data-testid': field.id },
    settings[field.key].join('\n'),
  );
  const note = h('p', { class: 'hint', id: hintId }, field.hint);
  onAsync(sites, 'change', async () => {
    const lines = sites.value
      .split(/[\n,]+/)
      .map((l) => l.trim())
      .filter(Boolean);
    const valid = lines.map(normaliseSite).filter((s): s is string => s !== null);
    const bad = lines.filter((l) => normaliseSite(l) === null);
    const next = await save((s) => ({ ...s, [field.key]: [...new Set(valid)] }));
    sites.value = next[field.key].join('\n');
    note.textContent = bad.length ? t('sitesIgnored', bad.join(', ')) : field.hint;
  });
  return [h('label', { for: field.id }, field.label), sites, note];
}
