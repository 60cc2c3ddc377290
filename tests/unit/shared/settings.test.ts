import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  highlightsEnabled,
  hostOnSite,
  learningAllowed,
  normaliseSite,
  pageSettings,
  parseSettings,
  shouldRun,
  type Settings,
} from '../../../src/shared/settings';
import { NOTICE_KEY, loadSettings, pendingNotice, saveSettings } from '../../../src/storage/settings-store';

describe('parseSettings', () => {
  it('nothing stored: the defaults, no notice', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
  });
  it('a valid value is kept as it is', () => {
    const s: Settings = { ...DEFAULT_SETTINGS, runMode: 'listed-sites', sites: ['nme.com'], sensitivity: 'loose' };
    expect(parseSettings(s)).toEqual({ settings: s, notice: null });
  });
  it('corrupt (not an object): reset with a notice', () => {
    for (const bad of ['{"runMode": "every', 42, [1, 2], true]) {
      expect(parseSettings(bad)).toEqual({ settings: DEFAULT_SETTINGS, notice: { kind: 'reset', fields: ['all'] } });
    }
  });
  it('damaged fields are reset one by one and named; the rest is kept', () => {
    const { settings, notice } = parseSettings({
      version: 1,
      runMode: 'sometimes',
      sites: ['nme.com'],
      highlightsOffOn: 'x',
      colors: { light: 'red', dark: '#ABCDEF' },
      sensitivity: 'normal',
    });
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      sites: ['nme.com'],
      colors: { light: DEFAULT_SETTINGS.colors.light, dark: '#abcdef' },
    });
    expect(notice).toEqual({ kind: 'repaired', fields: ['runMode', 'highlightsOffOn', 'colors.light'] });
  });
  it('an older, unversioned shape is migrated field by field with a notice', () => {
    const { settings, notice } = parseSettings({
      runMode: 'on-click',
      sites: ['https://www.NME.com/news', 'indiewire.com', 'indiewire.com'],
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, runMode: 'on-click', sites: ['www.nme.com', 'indiewire.com'] });
    expect(notice?.kind).toBe('migrated');
  });
  it('site names are normalised; junk is refused', () => {
    expect(normaliseSite(' https://WWW.nme.com/x?y ')).toBe('www.nme.com');
    expect(normaliseSite('nme.com')).toBe('nme.com');
    expect(normaliseSite('not a site')).toBeNull();
    expect(normaliseSite('localhost')).toBeNull();
  });
});

describe('stored settings', () => {
  beforeEach(() => fakeBrowser.reset());
  it('a corrupt stored value is repaired in storage and leaves a notice for the next UI', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await fakeBrowser.storage.local.get('settings'))['settings']).toEqual(DEFAULT_SETTINGS);
    expect(await pendingNotice()).toEqual({ kind: 'reset', fields: ['all'] });
    await fakeBrowser.storage.local.remove(NOTICE_KEY);
    await loadSettings();
    expect(await pendingNotice()).toBeNull();
  });
  it('saveSettings stores only a clean value', async () => {
    const saved = await saveSettings({ ...DEFAULT_SETTINGS, sites: ['HTTPS://NME.COM'] });
    expect(saved.sites).toEqual(['nme.com']);
  });
});

describe('shouldRun / highlightsEnabled', () => {
  const s = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });
  it('everywhere: every http(s) page, never browser pages', () => {
    expect(shouldRun(s({}), 'https://www.nme.com/a')).toBe(true);
    expect(shouldRun(s({}), 'chrome://extensions')).toBe(false);
    expect(shouldRun(s({}), 'about:blank')).toBe(false);
  });
  it('listed sites: the site and its subdomains only', () => {
    const listed = s({ runMode: 'listed-sites', sites: ['nme.com'] });
    expect(shouldRun(listed, 'https://www.nme.com/a')).toBe(true);
    expect(shouldRun(listed, 'https://nme.com/a')).toBe(true);
    expect(shouldRun(listed, 'https://notnme.com/a')).toBe(false);
    expect(shouldRun(listed, 'https://indiewire.com/')).toBe(false);
  });
  it('on-click: never by itself', () => {
    expect(shouldRun(s({ runMode: 'on-click' }), 'https://www.nme.com/a')).toBe(false);
  });
  it('highlights off for a site written by the popup switch', () => {
    const off = s({ highlightsOffOn: ['www.nme.com'] });
    expect(highlightsEnabled(off, 'https://www.nme.com/x')).toBe(false);
    expect(highlightsEnabled(off, 'https://indiewire.com/x')).toBe(true);
    expect(hostOnSite('a.b.nme.com', 'nme.com')).toBe(true);
  });
});

describe('pageSettings', () => {
  it('gives a page its highlight switch (subdomains included) and colours', () => {
    const off = { ...DEFAULT_SETTINGS, highlightsOffOn: ['nme.com'], colors: { light: '#abcdef', dark: '#123456' } };
    expect(pageSettings(off, 'https://news.nme.com/a').highlightsOn).toBe(false);
    expect(pageSettings(off, 'https://notnme.com/a')).toEqual({
      highlightsOn: true,
      paused: false,
      colors: { light: '#abcdef', dark: '#123456' },
      shortcuts: { next: 'Alt+Shift+J', previous: 'Alt+Shift+K' },
    });
    expect(pageSettings(DEFAULT_SETTINGS, 'https://nme.com/a').highlightsOn).toBe(true);
  });
});

describe('learning settings', () => {
  const v1 = {
    version: 1,
    runMode: 'listed-sites',
    sites: ['nme.com'],
    highlightsOffOn: [],
    colors: { light: '#ffe066', dark: '#7a5c00' },
    sensitivity: 'strict',
  };

  it('carries version-1 settings over as they are, learning on by default, with no notice', () => {
    const { settings, notice } = parseSettings(v1);
    expect(notice).toBeNull();
    expect(settings).toEqual({ ...v1, version: 2, learning: true, learnExcluded: [], learningExplained: false, paused: false });
  });

  it('keeps the learning switch, excluded sites and the one-time explanation; repairs a damaged one', () => {
    const stored = { ...DEFAULT_SETTINGS, learning: false, learnExcluded: ['https://www.NME.com/x'], learningExplained: true };
    expect(parseSettings(stored).settings).toMatchObject({ learning: false, learnExcluded: ['www.nme.com'], learningExplained: true });
    expect(parseSettings({ ...DEFAULT_SETTINGS, learning: 'yes' })).toMatchObject({
      settings: { learning: true },
      notice: { kind: 'repaired', fields: ['learning'] },
    });
  });

  it('learns only where learning is on, on web pages, never on an excluded site', () => {
    const s = { ...DEFAULT_SETTINGS, learnExcluded: ['nme.com'] };
    expect(learningAllowed(s, 'https://www.indiewire.com/a')).toBe(true);
    expect(learningAllowed(s, 'https://news.nme.com/a')).toBe(false);
    expect(learningAllowed(s, 'file:///home/a.html')).toBe(false);
    expect(learningAllowed({ ...s, learning: false }, 'https://www.indiewire.com/a')).toBe(false);
  });
});

describe('the global pause', () => {
  const url = 'https://www.nme.com/news/a';
  const paused = { ...DEFAULT_SETTINGS, paused: true };

  it('runs nothing, highlights nothing and learns nothing anywhere while paused; all comes back when lifted', () => {
    expect([shouldRun(paused, url), pageSettings(paused, url).highlightsOn, learningAllowed(paused, url)]).toEqual([false, false, false]);
    const lifted = { ...paused, paused: false };
    expect([shouldRun(lifted, url), pageSettings(lifted, url).highlightsOn, learningAllowed(lifted, url)]).toEqual([true, true, true]);
  });

  it('is kept as stored, off by default, and a damaged value is repaired with a notice', () => {
    expect(parseSettings({ ...DEFAULT_SETTINGS, paused: true }).settings.paused).toBe(true);
    expect(parseSettings({ version: 2 }).settings.paused).toBe(false);
    expect(parseSettings({ ...DEFAULT_SETTINGS, paused: 'yes' })).toMatchObject({
      settings: { paused: false },
      notice: { kind: 'repaired', fields: ['paused'] },
    });
  });
});
