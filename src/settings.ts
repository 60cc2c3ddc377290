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
