/**
 * The user's settings: their shape, defaults and allowed values, the rules that read them (where
 * Verbatim runs, where highlights are on), and `parseSettings`, which turns whatever is stored into
 * usable settings. Pure: reading and writing `storage.local` is src/storage/settings-store.ts.
 */

import { DEFAULT_SHORTCUTS, type StepShortcuts } from './shortcuts';

/** Where Verbatim analyses pages, in the order the options page lists them. */
export const RUN_MODES = ['everywhere', 'listed-sites', 'on-click'] as const;
export type RunMode = (typeof RUN_MODES)[number];

/** How readily a page counts as a topic article, in the order the options page lists them. */
export const SENSITIVITIES = ['strict', 'normal', 'loose'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** Highlight colours (CSS colours): one for quotes on light backgrounds, one for dark ones. */
export interface HighlightColors {
  light: string;
  dark: string;
}

/** The highlight colours Verbatim ships with. */
export const DEFAULT_COLORS: Readonly<HighlightColors> = { light: '#ffe066', dark: '#7a5c00' };

/** The shape of stored settings; `parseSettings` carries older versions over. */
export const SETTINGS_VERSION = 2;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  runMode: RunMode;
  /** Host names for `listed-sites` (e.g. "nme.com"; subdomains included). */
  sites: string[];
  /** Host names where the user switched highlights off from the popup. */
  highlightsOffOn: string[];
  /** Highlight colours (CSS colours) for light and dark pages. */
  colors: HighlightColors;
  sensitivity: Sensitivity;
  /** Keep every topic article the reader opens as a corpus article (version 2). */
  learning: boolean;
  /** Host names where nothing is learned (subdomains included). */
  learnExcluded: string[];
  /** The popup has said once what learning keeps and where. */
  learningExplained: boolean;
  /** The popup's pause: nothing is injected, analysed, highlighted or learned anywhere until it is lifted. */
  paused: boolean;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  runMode: 'everywhere',
  sites: [],
  highlightsOffOn: [],
  colors: { ...DEFAULT_COLORS },
  sensitivity: 'normal',
  learning: true,
  learnExcluded: [],
  learningExplained: false,
  paused: false,
};

/** The host of an http(s) URL, lower-case, or null for anything else (browser pages, files, junk). */
export function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** True when `host` is `site` or one of its subdomains ("www.nme.com" is on "nme.com"). */
export function hostOnSite(host: string, site: string): boolean {
  const s = site.toLowerCase().replace(/^www\./, '');
  return host === s || host.endsWith('.' + s);
}

/**
 * Should the gate analyse this page without being asked? Pure: the content gate calls it with the
 * stored settings. `on-click` never runs by itself — the popup asks the background to analyse the
 * active tab (activeTab + scripting) when it is opened.
 */
export function shouldRun(settings: Settings, url: string): boolean {
  const host = hostOf(url);
  if (host === null || settings.paused) return false;
  if (settings.runMode === 'everywhere') return true;
  if (settings.runMode === 'listed-sites') return settings.sites.some((s) => hostOnSite(host, s));
  return false;
}

/** May Verbatim learn this page? Learning on, an http(s) page, not on a site the reader excluded. */
export function learningAllowed(settings: Settings, url: string): boolean {
  const host = hostOf(url);
  return settings.learning && !settings.paused && host !== null && !settings.learnExcluded.some((s) => hostOnSite(host, s));
}

/** Are highlights wanted on this site? (The popup's per-site switch writes `highlightsOffOn`.) */
export function highlightsEnabled(settings: Settings, url: string): boolean {
  const host = hostOf(url);
  return host !== null && !settings.highlightsOffOn.some((s) => hostOnSite(host, s));
}

/** What a page's highlighter needs of the settings; sent with every analysis (src/background/main.ts). */
export interface PageSettings {
  highlightsOn: boolean;
  /** The global pause: the page reads nothing again until the background asks (a `refresh` on resuming). */
  paused: boolean;
  colors: HighlightColors;
  /** The step shortcuts as the browser has them bound now (the reader may have changed them). */
  shortcuts: StepShortcuts;
}

export function pageSettings(settings: Settings, url: string, shortcuts: StepShortcuts = DEFAULT_SHORTCUTS): PageSettings {
  return {
    highlightsOn: !settings.paused && highlightsEnabled(settings, url),
    paused: settings.paused,
    colors: { ...settings.colors },
    shortcuts: { ...shortcuts },
  };
}

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
  const flag = (name: 'learning' | 'learningExplained' | 'paused') => pick(name, typeof s[name] === 'boolean' ? s[name] : null, d[name]);
  const settings: Settings = {
    version: SETTINGS_VERSION,
    runMode: pick('runMode', RUN_MODES.includes(s.runMode as RunMode) ? (s.runMode as RunMode) : null, d.runMode),
    sites: pick('sites', siteList(s.sites), d.sites),
    highlightsOffOn: pick('highlightsOffOn', siteList(s.highlightsOffOn), d.highlightsOffOn),
    colors: { light: color('light'), dark: color('dark') },
    sensitivity: pick(
      'sensitivity',
      SENSITIVITIES.includes(s.sensitivity as Sensitivity) ? (s.sensitivity as Sensitivity) : null,
      d.sensitivity,
    ),
    learning: flag('learning'),
    learnExcluded: pick('learnExcluded', siteList(s.learnExcluded), d.learnExcluded),
    learningExplained: flag('learningExplained'),
    paused: flag('paused'),
  };
  // Version 1 had no learning: its settings carry over as they are, learning takes its defaults.
  if (s.version === 1) return { settings, notice: reset.length > 0 ? { kind: 'repaired', fields: reset } : null };
  // Settings written before the shape was versioned (or by a newer build) are carried over field by field.
  if (s.version !== SETTINGS_VERSION) return { settings, notice: { kind: 'migrated', fields: reset } };
  return { settings, notice: reset.length > 0 ? { kind: 'repaired', fields: reset } : null };
}
