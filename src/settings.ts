/**
 * User settings, stored in `storage.local` under `settings`. The shape is versioned: stored values that
 * are corrupt or from an older version are migrated or reset (with a notice), never trusted blindly.
 * The options page writes them; the background and content scripts read them.
 */

/** Where Verbatim analyses pages. */
export type RunMode = 'everywhere' | 'listed-sites' | 'on-click';

export type Sensitivity = 'strict' | 'normal' | 'loose';

export interface Settings {
  version: 1;
  runMode: RunMode;
  /** Host names for `listed-sites` (e.g. "nme.com"; subdomains included). */
  sites: string[];
  /** Host names where the user switched highlights off from the popup. */
  highlightsOffOn: string[];
  /** Highlight colours (CSS colours) for light and dark pages. */
  colors: { light: string; dark: string };
  sensitivity: Sensitivity;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  runMode: 'everywhere',
  sites: [],
  highlightsOffOn: [],
  colors: { light: '#ffe066', dark: '#7a5c00' },
  sensitivity: 'normal',
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
  if (host === null) return false;
  if (settings.runMode === 'everywhere') return true;
  if (settings.runMode === 'listed-sites') return settings.sites.some((s) => hostOnSite(host, s));
  return false;
}

/** Are highlights wanted on this page? (The popup's per-site switch writes `highlightsOffOn`.) */
export function highlightsEnabled(settings: Settings, url: string): boolean {
  const host = hostOf(url);
  return host !== null && !settings.highlightsOffOn.some((s) => hostOnSite(host, s));
}

/** What a page's highlighter needs of the settings; sent with every analysis (src/background/main.ts). */
export interface PageSettings {
  highlightsOn: boolean;
  colors: Settings['colors'];
}

export function pageSettings(settings: Settings, url: string): PageSettings {
  return { highlightsOn: highlightsEnabled(settings, url), colors: { ...settings.colors } };
}
