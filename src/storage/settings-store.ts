/**
 * Settings in `storage.local`: validated field by field on every read. A stored value that is corrupt,
 * from an older (unversioned) build or from a newer one is repaired — every field that still makes sense
 * is kept, the rest reset to its default — and a notice is left for the next UI that opens (popup or
 * options), so a broken value never gives a blank popup and is never trusted blindly.
 */
import { browser } from 'wxt/browser';
import { parseSettings, SETTINGS_KEY, type Settings, type SettingsNotice } from '../shared/settings';

export const NOTICE_KEY = 'settingsNotice';

/** Reads settings; a repaired value is written back at once and its notice kept until a UI shows it. */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const { settings, notice } = parseSettings(stored[SETTINGS_KEY]);
  if (notice) await browser.storage.local.set({ [SETTINGS_KEY]: settings, [NOTICE_KEY]: notice });
  return settings;
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const { settings: clean } = parseSettings(settings);
  await browser.storage.local.set({ [SETTINGS_KEY]: clean });
  return clean;
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  return saveSettings(change(await loadSettings()));
}

/** The pending notice about repaired settings, if any. */
export async function pendingNotice(): Promise<SettingsNotice | null> {
  const stored = await browser.storage.local.get(NOTICE_KEY);
  const n = stored[NOTICE_KEY] as SettingsNotice | undefined;
  return n && typeof n === 'object' && typeof n.kind === 'string' && Array.isArray(n.fields) ? n : null;
}

export async function dismissNotice(): Promise<void> {
  await browser.storage.local.remove(NOTICE_KEY);
}
