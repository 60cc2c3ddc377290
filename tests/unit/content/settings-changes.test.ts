/** A page already marked hears settings change (Options, the popup) and looks again. */
import { describe, expect, it, vi } from 'vitest';
import { onSettingsChanged, type StorageEvents } from '../../../src/content/settings-changes';

function fakeStorage() {
  const listeners = new Set<(changes: Record<string, unknown>, area: string) => void>();
  const storage: StorageEvents = {
    onChanged: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
  };
  return { storage, listeners, change: (changes: Record<string, unknown>, area: string) => listeners.forEach((l) => l(changes, area)) };
}

describe('settings changes', () => {
  it('a change of the stored settings calls for a pass; other keys and areas do not', () => {
    const { storage, change } = fakeStorage();
    const owner = new AbortController();
    const changed = vi.fn();
    onSettingsChanged(owner, changed, storage);
    change({ settings: { newValue: { colors: { light: '#a0e0ff' } } } }, 'local');
    expect(changed).toHaveBeenCalledTimes(1);
    change({ 'tab:4': {} }, 'session');
    change({ notice: {} }, 'local');
    change({ settings: {} }, 'sync');
    expect(changed).toHaveBeenCalledTimes(1);
    owner.abort();
  });

  it('stops listening when its owner ends', () => {
    const { storage, listeners } = fakeStorage();
    const owner = new AbortController();
    onSettingsChanged(owner, vi.fn(), storage);
    expect(listeners.size).toBe(1);
    owner.abort();
    expect(listeners.size).toBe(0);
  });
});
