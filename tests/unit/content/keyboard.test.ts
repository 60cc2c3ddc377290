import { expect, it } from 'vitest';
import { isStepKey } from '../../../src/content/keyboard';
import { matchesShortcut, shortcutsFrom } from '../../../src/shared/shortcuts';

const e = { altKey: true, shiftKey: true, ctrlKey: false, metaKey: false };

it('Alt+Shift+J / K by physical key', () => {
  expect(isStepKey({ ...e, code: 'KeyJ' })).toBe(1);
  expect(isStepKey({ ...e, code: 'KeyK' })).toBe(-1);
  expect(isStepKey({ ...e, ctrlKey: true, code: 'KeyJ' })).toBe(0);
});

it('follows the bindings the browser reports: a changed key steps, the old one no longer does, a removed one never', () => {
  const shortcuts = shortcutsFrom([
    { name: 'next-quote', shortcut: 'Ctrl+Shift+Period' },
    { name: 'previous-quote', shortcut: '' },
    { name: '_execute_action', shortcut: 'Alt+Shift+V' },
  ]);
  expect(shortcuts).toEqual({ next: 'Ctrl+Shift+Period', previous: '' });
  expect(isStepKey({ ...e, altKey: false, ctrlKey: true, code: 'Period' }, shortcuts)).toBe(1);
  expect(isStepKey({ ...e, code: 'KeyJ' }, shortcuts)).toBe(0);
  expect(isStepKey({ ...e, code: 'KeyK' }, shortcuts)).toBe(0);
});

it('reads the keys the manifest may bind: letters, digits, F-keys, arrows, Mac modifiers', () => {
  const none = { altKey: false, shiftKey: false, ctrlKey: false, metaKey: false };
  expect(matchesShortcut({ ...none, altKey: true, code: 'Digit3' }, 'Alt+3')).toBe(true);
  expect(matchesShortcut({ ...none, ctrlKey: true, code: 'F5' }, 'Ctrl+F5')).toBe(true);
  expect(matchesShortcut({ ...none, altKey: true, shiftKey: true, code: 'ArrowDown' }, 'Alt+Shift+Down')).toBe(true);
  expect(matchesShortcut({ ...none, metaKey: true, shiftKey: true, code: 'KeyJ' }, 'Command+Shift+J')).toBe(true);
  expect(matchesShortcut({ ...none, ctrlKey: true, code: 'KeyJ' }, 'MacCtrl+J')).toBe(true);
  expect(matchesShortcut({ ...none, altKey: true, code: 'KeyJ' }, 'Alt+Shift+J')).toBe(false);
  expect(matchesShortcut({ ...none, code: 'KeyJ' }, '')).toBe(false);
});
