/** The popup's global pause: one switch for every site, and while it is on, a line saying what it stops. */
import { t } from '../shared/i18n';
import { h, onAsync } from '../ui/dom';

export interface PauseActions {
  setPaused(paused: boolean): Promise<void>;
}

export function pauseSwitchView(paused: boolean, actions: PauseActions): HTMLElement {
  const note = h('span', { class: 'vh', role: 'status' });
  const input = h('input', { type: 'checkbox', role: 'switch', id: 'pause-switch', checked: paused, 'data-testid': 'pause-switch' });
  onAsync(input, 'change', async () => {
    input.disabled = true;
    await actions.setPaused(input.checked);
    input.disabled = false;
    note.textContent = input.checked ? t('pauseNowOn') : t('pauseNowOff');
  });
  return h(
    'div',
    { class: 'pause', 'data-testid': 'pause' },
    h('div', { class: 'switch' }, input, h('label', { for: 'pause-switch' }, t('pauseLabel')), note),
    paused && h('p', { class: 'pause__note', 'data-testid': 'paused-note' }, t('pausedNote')),
  );
}
