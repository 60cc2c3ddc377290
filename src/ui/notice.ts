/** The notice about settings that had to be repaired, shown by whichever page the reader opens first (popup or options). */
import { t } from '../shared/i18n';
import type { SettingsNotice } from '../shared/settings';
import { h } from './dom';

export function noticeView(notice: SettingsNotice, actions: { dismissNotice(): void }): HTMLElement {
  const text =
    notice.kind === 'reset'
      ? t('noticeReset')
      : notice.kind === 'migrated'
        ? t('noticeMigrated')
        : t('noticeRepaired', notice.fields.join(', '));
  const box = h('div', { class: 'notice', role: 'alert', 'data-testid': 'settings-notice' }, h('p', {}, text));
  box.append(
    h('button', { type: 'button', class: 'button button--quiet', onclick: () => (box.remove(), actions.dismissNotice()) }, t('dismiss')),
  );
  return box;
}
