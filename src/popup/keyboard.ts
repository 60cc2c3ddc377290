/**
 * Keyboard use of a quote list: the list is one tab stop (roving tabindex); ↑/↓/Home/End move between
 * visible rows, Enter/Space expand (native buttons), Escape collapses the row focus is in.
 * Escape outside an open row is left to the page (the popup closes itself).
 */
import { setExpanded } from './quote-row';

function toggles(list: Element): HTMLElement[] {
  return Array.from(list.querySelectorAll<HTMLElement>(':scope > li:not([hidden]) .quote__toggle'));
}

/** Makes exactly one visible toggle tabbable: the current one if visible, else the first. */
export function resetRoving(list: Element, current?: HTMLElement | null): void {
  const all = toggles(list);
  const keep = current && all.includes(current) ? current : all[0];
  for (const b of list.querySelectorAll<HTMLElement>('.quote__toggle')) b.tabIndex = b === keep ? 0 : -1;
}

export function listKeyboard(list: HTMLElement): void {
  resetRoving(list);
  list.addEventListener('focusin', (event) => {
    const target = event.target as HTMLElement;
    if (target.classList.contains('quote__toggle')) resetRoving(list, target);
  });
  list.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      const li = target.closest('li.quote');
      const toggle = li?.querySelector<HTMLElement>('.quote__toggle');
      if (li && toggle?.getAttribute('aria-expanded') === 'true') {
        setExpanded(li, false);
        toggle.focus();
        event.preventDefault();
        event.stopPropagation();
      }
      return;
    }
    if (!target.classList.contains('quote__toggle')) return;
    const all = toggles(list);
    const at = all.indexOf(target);
    let next: number;
    if (event.key === 'ArrowDown') next = Math.min(at + 1, all.length - 1);
    else if (event.key === 'ArrowUp') next = Math.max(at - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = all.length - 1;
    else return;
    event.preventDefault();
    all[next]?.focus();
  });
}
