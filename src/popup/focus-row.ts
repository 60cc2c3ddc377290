/** The popup opened from the hover card: that quote's row expanded, scrolled into view and focused. */
export function focusRow(root: HTMLElement, group: string): boolean {
  const row = Array.from(root.querySelectorAll<HTMLElement>('[data-testid="quotes"] > li')).find(
    (li) => li.dataset.verbatimGroup === group,
  );
  const toggle = row?.querySelector<HTMLElement>('.quote__toggle');
  if (!row || !toggle) return false;
  // The row's own click path: it builds the word diffs and asks the page to reveal the quote, as a reader's click would.
  if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
  row.scrollIntoView({ block: 'start' });
  toggle.focus({ preventScroll: true });
  return true;
}
