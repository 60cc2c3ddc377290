/**
 * The step shortcuts as the browser has them bound, shown in the popup and the options page, with how
 * to change them: a button to the browser's shortcut settings (Chrome's chrome://extensions/shortcuts,
 * Firefox's add-on shortcut manager) and a sentence saying where that is.
 */
import { browser } from 'wxt/browser';
import { t } from '../shared/i18n';
import { DEFAULT_SHORTCUTS, shortcutsFrom, type StepShortcuts } from '../shared/shortcuts';
import { h } from './dom';

type CommandsApi = typeof browser.commands & { openShortcutSettings?: () => Promise<void> };

export async function readShortcuts(): Promise<StepShortcuts> {
  try {
    return shortcutsFrom(await browser.commands.getAll());
  } catch {
    return { ...DEFAULT_SHORTCUTS };
  }
}

/** Firefox (≥ 137) opens its manager itself; Chrome's page can be opened as a tab by the extension. */
function isFirefox(): boolean {
  return typeof (browser.commands as CommandsApi).openShortcutSettings === 'function';
}

export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as CommandsApi;
  if (commands.openShortcutSettings) await commands.openShortcutSettings();
  else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

export function shortcutsView(shortcuts: StepShortcuts): HTMLElement {
  const key = (binding: string) => (binding ? h('kbd', {}, binding) : h('em', {}, t('shortcutNone')));
  const change = h(
    'button',
    { type: 'button', class: 'button button--quiet', 'data-testid': 'change-shortcuts', onclick: () => void openShortcutSettings() },
    t('shortcutsChange'),
  );
  return h(
    'div',
    { class: 'shortcuts', 'data-testid': 'shortcuts' },
    h(
      'p',
      {},
      h('span', { 'data-testid': 'shortcut-next' }, key(shortcuts.next)),
      ' ',
      t('shortcutNext'),
      ' · ',
      h('span', { 'data-testid': 'shortcut-previous' }, key(shortcuts.previous)),
      ' ',
      t('shortcutPrevious'),
    ),
    h('p', { class: 'hint' }, isFirefox() ? t('shortcutsHowFirefox') : t('shortcutsHowChrome'), ' ', change),
  );
}
