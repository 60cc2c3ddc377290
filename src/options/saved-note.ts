/**
 * "Saved." beside the control that changed, not at the bottom of the page: each group of controls has its
 * own status line (role=status, there from the start so screen readers announce what is written into it).
 */
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import { h } from '../ui/dom';

export type Save = (change: (s: Settings) => Settings) => Promise<Settings>;

/** Long enough to be seen after a click; cleared so the next save is written (and announced) afresh. */
const SHOWN_MS = 4000;

export interface SavedNote {
  readonly element: HTMLElement;
  /** `save`, which then says "Saved." in this note. */
  saving(save: Save): Save;
}

export function savedNote(testid: string): SavedNote {
  const element = h('span', { class: 'saved-note', role: 'status', 'data-testid': testid });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    element,
    saving: (save) => async (change) => {
      const settings = await save(change);
      clearTimeout(timer);
      element.textContent = t('optionsSaved');
      timer = setTimeout(() => (element.textContent = ''), SHOWN_MS);
      return settings;
    },
  };
}
