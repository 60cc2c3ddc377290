/**
 * "Removed X. Undo" after a pack is removed or an article forgotten: the removal happens at once (open
 * tabs stop using it), and for UNDO_MS the page keeps what the background answered it removed, so that
 * Undo puts back exactly those records. Focus moves to Undo, since the button pressed has gone with its row.
 */
import { t } from '../shared/i18n';
import { send, type RemovedItems } from '../shared/messages';
import { h } from '../ui/dom';

/** Long enough to read the line and reach the button (WCAG 2.2.1 asks for adjustable limits on content, not on an undo). */
export const UNDO_MS = 10_000;

export interface UndoBar {
  readonly element: HTMLElement;
  /**
   * Offers to undo a removal (replacing any earlier offer, whose removal then stays); once undone, focus
   * goes to the element `focusAfter` selects (the restored row's button), else stays on the page.
   */
  offer(name: string, removed: RemovedItems, focusAfter?: string): void;
}

/** `restored` redraws the lists once the removal is undone. */
export function undoBar(testid: string, restored: () => Promise<void>, ms = UNDO_MS): UndoBar {
  const message = h('span', {});
  const button = h('button', { type: 'button', class: 'button', 'data-testid': `${testid}-button` }, t('undo'));
  const element = h('p', { class: 'undo', role: 'status', 'data-testid': testid }, message, ' ', button);
  let pending: { name: string; removed: RemovedItems; focusAfter?: string; timer: ReturnType<typeof setTimeout> } | null = null;
  button.hidden = true;

  const end = () => {
    if (pending) clearTimeout(pending.timer);
    pending = null;
    button.hidden = true;
  };
  button.addEventListener('click', () => {
    if (!pending) return;
    const { name, removed, focusAfter } = pending;
    end();
    message.textContent = t('undoRestoring', name);
    void send({ type: 'restore', removed })
      .then(() => restored())
      .then(
        () => {
          message.textContent = t('undoRestored', name);
          if (focusAfter) element.ownerDocument.querySelector<HTMLElement>(focusAfter)?.focus();
        },
        () => (message.textContent = t('undoFailed', name)),
      );
  });
  return {
    element,
    offer(name, removed, focusAfter) {
      end();
      message.textContent = t('undoRemoved', name);
      button.hidden = false;
      pending = {
        name,
        removed,
        focusAfter,
        timer: setTimeout(() => {
          end();
          message.textContent = '';
        }, ms),
      };
      button.focus();
    },
  };
}
