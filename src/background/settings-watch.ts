/**
 * Settings that change what open tabs show, watched in storage so any page that writes them (popup,
 * options, a test) has the same effect: the global pause, and the sites where highlights are off (the
 * options page lists them; removing one there turns that site's highlights back on in its open tabs).
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '../shared/settings';

export interface SettingsWatch {
  /** The pause was switched on or off. */
  paused(paused: boolean): void;
  /** The list of sites where highlights are off changed. */
  highlightSites(): void;
}

type Stored = { paused?: unknown; highlightsOffOn?: unknown } | undefined;

export function watchSettings(watch: SettingsWatch): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'local' || !change) return;
    const [before, after] = [change.oldValue as Stored, change.newValue as Stored];
    const paused = after?.paused === true;
    if (paused !== (before?.paused === true)) watch.paused(paused);
    else if (JSON.stringify(before?.highlightsOffOn ?? []) !== JSON.stringify(after?.highlightsOffOn ?? [])) watch.highlightSites();
  });
}
