/**
 * The step shortcuts: manifest `commands` (wxt.config.ts), so readers can change them in the browser's
 * shortcut settings. Pure: the bindings as the browser reports them (`commands.getAll()`), and whether a
 * key press is one of them — the page hears the bound keys itself where the browser lets them through
 * (docs/decisions.md).
 */

/** The manifest's command names and the direction each steps. */
export const STEP_COMMANDS = { 'next-quote': 1, 'previous-quote': -1 } as const;
export type StepCommand = keyof typeof STEP_COMMANDS;

/** The bound keys as the browser writes them ("Alt+Shift+J"); '' when the reader removed one. */
export interface StepShortcuts {
  next: string;
  previous: string;
}

/** The manifest's suggested keys (what the browser binds unless another extension holds them). */
export const DEFAULT_SHORTCUTS: Readonly<StepShortcuts> = { next: 'Alt+Shift+J', previous: 'Alt+Shift+K' };

export function shortcutsFrom(commands: readonly { name?: string; shortcut?: string }[]): StepShortcuts {
  const bound = (name: StepCommand) => commands.find((c) => c.name === name)?.shortcut ?? '';
  return { next: bound('next-quote'), previous: bound('previous-quote') };
}

type KeyPress = Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>;

/** Keys the manifest may bind, other than letters, digits and F1–F12, by their `KeyboardEvent.code`. */
const CODES: Record<string, string> = {
  Comma: 'Comma',
  Period: 'Period',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Space: 'Space',
  Insert: 'Insert',
  Delete: 'Delete',
  Up: 'ArrowUp',
  Down: 'ArrowDown',
  Left: 'ArrowLeft',
  Right: 'ArrowRight',
};

/**
 * Does this key press match a binding such as "Alt+Shift+J"? By `code`, so Alt changing the character
 * (macOS) does not matter; modifiers must match exactly. "Command" and "MacCtrl" are the Mac's keys.
 */
export function matchesShortcut(e: KeyPress, shortcut: string): boolean {
  const parts = shortcut.split('+').filter(Boolean);
  const key = parts.pop();
  if (!key) return false;
  const want = new Set(parts);
  const code = /^[A-Z]$/.test(key) ? `Key${key}` : /^[0-9]$/.test(key) ? `Digit${key}` : /^F\d{1,2}$/.test(key) ? key : CODES[key];
  return (
    e.code === code &&
    e.altKey === want.has('Alt') &&
    e.shiftKey === want.has('Shift') &&
    e.ctrlKey === (want.has('Ctrl') || want.has('MacCtrl')) &&
    e.metaKey === want.has('Command')
  );
}

/** 1 for the next-quote binding, -1 for the previous one, 0 for any other key. */
export function stepOf(e: KeyPress, shortcuts: StepShortcuts): 1 | -1 | 0 {
  if (shortcuts.next && matchesShortcut(e, shortcuts.next)) return 1;
  if (shortcuts.previous && matchesShortcut(e, shortcuts.previous)) return -1;
  return 0;
}
