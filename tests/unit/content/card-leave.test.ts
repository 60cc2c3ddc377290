/** The card closes when both pointer and focus have left it and the highlights. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeWhenLeft, LEAVE_GRACE_MS } from '../../../src/content/card-leave';

let owner: AbortController;
afterEach(() => {
  owner.abort();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function setUp() {
  vi.useFakeTimers();
  document.body.innerHTML =
    '<p id="text">Text <mark class="verbatim-quote" data-verbatim-group="g">a quote</mark> and <a href="#x" id="link">a link</a>' +
    ' <mark id="other" class="verbatim-quote" data-verbatim-group="h" tabindex="-1">another</mark></p><div id="host" tabindex="-1"></div>';
  const host = document.getElementById('host')!;
  let open = true;
  const mark = document.querySelector('mark')!;
  const card = {
    isOpen: () => open,
    contains: (n: EventTarget | null) => n === host,
    anchors: (n: EventTarget | null) => n === mark,
    hide: vi.fn(() => void (open = false)),
  };
  owner = new AbortController();
  closeWhenLeft(owner, document, card);
  const over = (id: string) => document.getElementById(id)!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
  return { card, host, over, mark };
}

describe('closing the card when pointer and focus have left', () => {
  it('closes a short while after the pointer leaves the quote and the card, not while crossing to the card', () => {
    const { card, over, mark } = setUp();
    mark.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    over('text'); // the gap between quote and card
    vi.advanceTimersByTime(LEAVE_GRACE_MS / 2);
    over('host');
    vi.advanceTimersByTime(LEAVE_GRACE_MS);
    expect(card.hide).not.toHaveBeenCalled();
    over('text');
    vi.advanceTimersByTime(LEAVE_GRACE_MS);
    expect(card.hide).toHaveBeenCalledTimes(1);
  });

  it('stays while the focus is in it wherever the pointer is, and closes when the focus moves to the page', () => {
    const { card, over, host } = setUp();
    host.focus();
    over('text');
    vi.advanceTimersByTime(LEAVE_GRACE_MS * 2);
    expect(card.hide).not.toHaveBeenCalled();
    document.getElementById('link')!.focus();
    vi.advanceTimersByTime(LEAVE_GRACE_MS);
    expect(card.hide).toHaveBeenCalledTimes(1);
  });

  it('stays while the pointer rests on it, even when the focus is elsewhere', () => {
    const { card, over } = setUp();
    over('host');
    document.getElementById('link')!.focus();
    vi.advanceTimersByTime(LEAVE_GRACE_MS * 2);
    expect(card.hide).not.toHaveBeenCalled();
  });

  it('the focus on another quote is not in the card: it closes once the pointer has left', () => {
    const { card, over } = setUp();
    document.getElementById('other')!.focus(); // Escape left it on the quote it opened for before
    over('text');
    vi.advanceTimersByTime(LEAVE_GRACE_MS);
    expect(card.hide).toHaveBeenCalledTimes(1);
  });

  it('the focus on the card’s own quote keeps it open', () => {
    const { card, over, mark } = setUp();
    mark.tabIndex = -1;
    mark.focus();
    over('text');
    vi.advanceTimersByTime(LEAVE_GRACE_MS * 2);
    expect(card.hide).not.toHaveBeenCalled();
  });
});
