/**
 * Alt+Shift+J / Alt+Shift+K step to the next / previous highlight and open its card.
 * Handled here rather than as a manifest `commands` entry: commands are global (they would need the
 * background to relay to the tab), Chrome allows only four suggested keys per extension, and this
 * listener exists only on pages that have highlights. `event.code` keeps it working on layouts where
 * Alt changes the character (macOS). Typing in fields and editable regions is never intercepted.
 */
import type { Owner } from './owner';

export function isStepKey(e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): 1 | -1 | 0 {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return 0;
  return e.code === 'KeyJ' ? 1 : e.code === 'KeyK' ? -1 : 0;
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
export function listenForSteps(owner: Owner, step: (direction: 1 | -1, byReader: boolean) => void, doc: Document = document): void {
  doc.addEventListener(
    'keydown',
    (e) => {
      const direction = isStepKey(e);
      if (direction === 0 || typing(e.target)) return;
      e.preventDefault();
      step(direction, e.isTrusted);
    },
    { capture: true, signal: owner.signal },
  );
}
