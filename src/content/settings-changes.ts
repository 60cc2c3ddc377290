/**
 * Settings changed in Options or the popup (highlight colours, the per-site switch, sensitivity) reach a
 * page that is already marked, without a reload. The change only says "look again": the
 * next pass's analysis brings the settings as the background validated them (src/storage/settings-store.ts),
 * so the page never parses stored values itself and the highlighter carries no settings code.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '../shared/settings';
import { onDispose, type Owner } from './owner';

type ChangeListener = (changes: Record<string, unknown>, area: string) => void;

/** What is needed of `browser.storage` (a fake in tests). */
export interface StorageEvents {
  onChanged: { addListener(listener: ChangeListener): void; removeListener(listener: ChangeListener): void };
}

/** `events`, never a binding named `storage`: WXT auto-imports its storage module for that name (+8.7 kB in the highlighter). */
export function onSettingsChanged(
  owner: Owner,
  changed: () => void,
  events: StorageEvents = browser.storage as unknown as StorageEvents,
): void {
  const listener: ChangeListener = (changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) changed();
  };
  events.onChanged.addListener(listener);
  onDispose(owner, () => events.onChanged.removeListener(listener));
}
