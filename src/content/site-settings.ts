/**
 * The settings the page side needs: is the highlight switched off on this site, and which colours.
 * Read straight from `storage.local` (the options page and popup own writing them, see src/settings.ts);
 * anything missing or malformed falls back to the defaults rather than breaking the page.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../settings';
import type { Colors } from './styles';

export interface PageSettings {
  highlightsOn: boolean;
  colors: Colors;
}

/** True when `host` is `listed` or one of its subdomains. */
export function hostListed(host: string, listed: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/^www\./, '');
  return listed.some((entry) => {
    const e = String(entry).toLowerCase().replace(/^www\./, '');
    return e !== '' && (h === e || h.endsWith(`.${e}`));
  });
}

export function pageSettings(stored: unknown, host: string): PageSettings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Settings>;
  const off = Array.isArray(s.highlightsOffOn) ? s.highlightsOffOn.filter((x) => typeof x === 'string') : [];
  const colors = s.colors && typeof s.colors === 'object' ? s.colors : DEFAULT_SETTINGS.colors;
  return {
    highlightsOn: !hostListed(host, off),
    colors: {
      light: typeof colors.light === 'string' ? colors.light : DEFAULT_SETTINGS.colors.light,
      dark: typeof colors.dark === 'string' ? colors.dark : DEFAULT_SETTINGS.colors.dark,
    },
  };
}

export async function readPageSettings(host: string): Promise<PageSettings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return pageSettings(stored[SETTINGS_KEY], host);
  } catch {
    return pageSettings(undefined, host);
  }
}
