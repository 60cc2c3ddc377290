/**
 * Settings in `storage.local`: validated field by field on every read. A stored value that is corrupt,
 * from an older (unversioned) build or from a newer one is repaired — every field that still makes sense
 * is kept, the rest reset to its default — and a notice is left for the next UI that opens (popup or
 * options), so a broken value never gives a blank popup and is never trusted blindly.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type RunMode, type Sensitivity, type Settings } from '../settings';

export const NOTICE_KEY = 'settingsNotice';

/** What happened to stored settings that could not be used as they were. */
export interface SettingsNotice {
  kind: 'reset' | 'migrated' | 'repaired';
  /** The fields that were reset to their defaults. */
  fields: string[];
}

export interface ParsedSettings {
  settings: Settings;
  notice: SettingsNotice | null;
}

/** Detection sensitivity scales the topic score a page needs (the topic spec's `thresholds.match`). */
export const SENSITIVITY_FACTOR: Readonly<Record<Sensitivity, number>> = { strict: 1.5, normal: 1, loose: 0.6 };

const RUN_MODES: readonly RunMode[] = ['everywhere', 'listed-sites', 'on-click'];
const SENSITIVITIES: readonly Sensitivity[] = ['strict', 'normal', 'loose'];
const COLOR = /^#[0-9a-f]{6}$/i;
const MAX_SITES = 500;

/** "https://www.NME.com/news" → "www.nme.com"; null when it is not a host name. */
export function normaliseSite(input: string): string | null {
  const raw = input.trim().toLowerCase();
  if (!raw) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(raw) ? raw : `http://${raw}`).hostname;
    return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

function siteList(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length > MAX_SITES) return null;
  const out: string[] = [];
  for (const v of value) {
    if (typeof v !== 'string') return null;
    const site = normaliseSite(v);
    if (site === null) return null;
    if (!out.includes(site)) out.push(site);
  }
  return out;
}

/** Pure: whatever is stored → usable settings, and a notice when something had to change. */
export function parseSettings(stored: unknown): ParsedSettings {
  if (stored === undefined || stored === null) return { settings: structuredClone(DEFAULT_SETTINGS), notice: null };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { settings: structuredClone(DEFAULT_SETTINGS), notice: { kind: 'reset', fields: ['all'] } };
  }
  const s = stored as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  const reset: string[] = [];
  const pick = <T>(name: string, value: T | null, fallback: T): T => {
    if (value === null) {
      if (s[name] !== undefined) reset.push(name);
      return structuredClone(fallback);
    }
    return value;
  };
  const colors = s.colors as Record<string, unknown> | undefined;
  const color = (which: 'light' | 'dark') => {
    const v = colors && typeof colors === 'object' ? colors[which] : undefined;
    if (typeof v === 'string' && COLOR.test(v)) return v.toLowerCase();
    if (colors !== undefined) reset.push(`colors.${which}`);
    return d.colors[which];
  };
  const settings: Settings = {
    version: 1,
    runMode: pick('runMode', RUN_MODES.includes(s.runMode as RunMode) ? (s.runMode as RunMode) : null, d.runMode),
    sites: pick('sites', siteList(s.sites), d.sites),
    highlightsOffOn: pick('highlightsOffOn', siteList(s.highlightsOffOn), d.highlightsOffOn),
    colors: { light: color('light'), dark: color('dark') },
    sensitivity: pick('sensitivity', SENSITIVITIES.includes(s.sensitivity as Sensitivity) ? (s.sensitivity as Sensitivity) : null, d.sensitivity),
  };
  // Settings written before the shape was versioned (or by a newer build) are carried over field by field.
  if (s.version !== 1) return { settings, notice: { kind: 'migrated', fields: reset } };
  return { settings, notice: reset.length > 0 ? { kind: 'repaired', fields: reset } : null };
}

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
