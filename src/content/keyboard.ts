/**
 * The step shortcuts as the page hears them. They are manifest `commands` (readers change them in the
 * browser's shortcut settings; the background relays a command as a `step` message), and the browser
 * normally takes a bound key before the page sees it. Where a bound key reaches the page instead
 * (headless browsers, measured), this listener steps, for the keys the browser reports bound (sent with
 * every analysis), never for old ones. `event.code` keeps it working on layouts where Alt changes the
 * character (macOS). Typing in fields and editable regions is never intercepted.
 */
import { DEFAULT_SHORTCUTS, stepOf, type StepShortcuts } from '../shared/shortcuts';
import type { Owner } from './owner';

export function isStepKey(
  e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>,
  shortcuts: StepShortcuts = DEFAULT_SHORTCUTS,
): 1 | -1 | 0 {
  return stepOf(e, shortcuts);
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.isContentEditable || el.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * `step` also hears whether the key press was the reader's own (a trusted event): a page's script can
 * dispatch key events too, and only the reader may reveal what the page was not sent (background/privacy.ts).
 */
export function listenForSteps(
  owner: Owner,
  step: (direction: 1 | -1, byReader: boolean) => void,
  doc: Document = document,
  shortcuts: () => StepShortcuts = () => DEFAULT_SHORTCUTS,
): void {
  doc.addEventListener(
    'keydown',
    (e) => {
      const direction = isStepKey(e, shortcuts());
      if (direction === 0 || typing(e.target)) return;
      e.preventDefault();
      step(direction, e.isTrusted);
    },
    { capture: true, signal: owner.signal },
  );
}
