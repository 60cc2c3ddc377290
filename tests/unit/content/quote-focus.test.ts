/** Keyboard focus on the highlights: stepping in page order, revealing one for the popup. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageWatcher } from '../../../src/content/observer';
import type { Placed, PlacedQuotes } from '../../../src/content/page-marks';
import { quoteFocus } from '../../../src/content/quote-focus';

let owner: AbortController;
afterEach(() => {
  vi.restoreAllMocks();
  owner.abort();
  document.body.innerHTML = '';
});

/** Four quotes in page order (groups a, b, a, c), the second one in two marks. */
function setUp() {
  document.body.innerHTML =
    '<p><mark data-verbatim-group="a">1</mark> <mark data-verbatim-group="b">2</mark><i><mark data-verbatim-group="b">2</mark></i>' +
    ' <mark data-verbatim-group="a">3</mark> <mark data-verbatim-group="c">4</mark></p>';
  const m = Array.from(document.querySelectorAll<HTMLElement>('mark'));
  const list: Placed[] = [[m[0]!], [m[1]!, m[2]!], [m[3]!], [m[4]!]].map((marks, i) => ({
    quote: { start: i * 10, end: i * 10 + 5, group: marks[0]!.getAttribute('data-verbatim-group')! },
    marks,
    pieces: 1,
  }));
  const quotes: PlacedQuotes = {
    get placed() {
      return list;
    },
    quoteOf: () => null,
    isPlaced: (p) => list.includes(p),
  };
  let quiet = 0;
  const watcher: PageWatcher = { quiet: (fn) => (quiet++, fn()) };
  const opened: number[] = [];
  const fromKeyboard: boolean[] = [];
  owner = new AbortController();
  const focus = quoteFocus(owner, document, quotes, watcher, (p, _position, keyboard) => {
    opened.push(list.indexOf(p));
    fromKeyboard.push(keyboard);
  });
  /** Which quote carries the focus attribute (every one of its marks, nothing else). */
  const focused = () => {
    const on = Array.from(document.querySelectorAll('[data-verbatim-focus]'));
    const index = list.findIndex((p) => p.marks.length === on.length && p.marks.every((mk) => on.includes(mk)));
    return on.length === 0 ? -1 : index;
  };
  return { focus, list, opened, fromKeyboard, focused, quietCalls: () => quiet };
}

describe('quoteFocus', () => {
  it('steps forward and back in page order, wrapping, starting from the first or the last', () => {
    const { focus, opened, focused } = setUp();
    focus.step(1);
    expect(focused()).toBe(0);
    focus.step(1);
    expect(focused()).toBe(1);
    focus.step(-1);
    focus.step(-1);
    expect(focused()).toBe(3);
    focus.step(1);
    expect(focused()).toBe(0);
    expect(opened).toEqual([0, 1, 0, 3, 0]);

    focus.reset();
    focus.step(-1);
    expect(focused()).toBe(3);
  });

  it('reveals the index-th highlight of a group, clamped to the ones there are; false for none', () => {
    const { focus, focused, opened } = setUp();
    expect(focus.reveal('a', 1)).toBe(true);
    expect(focused()).toBe(2);
    expect(focus.reveal('a', 9)).toBe(true);
    expect(focused()).toBe(2);
    expect(focus.reveal('a', -3)).toBe(true);
    expect(focused()).toBe(0);
    expect(focus.reveal('zzz', 0)).toBe(false);
    expect(focused()).toBe(0);
    // A step goes on from the revealed quote.
    focus.step(1);
    expect(focused()).toBe(1);
    expect(opened).toEqual([2, 2, 0, 1]);
  });

  it('writes the focus attribute as Verbatim DOM work (unheard by its own observer), and does nothing with no quotes', () => {
    const { focus, list, quietCalls, opened } = setUp();
    focus.step(1);
    expect(quietCalls()).toBe(1);
    list.length = 0;
    focus.step(1);
    expect(focus.reveal('a', 0)).toBe(false);
    expect(opened).toEqual([0]);
  });

  it('a step from the keyboard takes the browser focus to the quote (focusable by script only) and its card; a reveal does not', () => {
    const { focus, list, fromKeyboard } = setUp();
    expect(focus.reveal('b', 0)).toBe(true);
    expect(document.activeElement).toBe(document.body);
    focus.step(1);
    expect(document.activeElement).toBe(list[2]!.marks[0]);
    expect(list[2]!.marks[0]!.getAttribute('tabindex')).toBe('-1');
    focus.step(1);
    expect(list[2]!.marks[0]!.hasAttribute('tabindex')).toBe(false); // no trace on a quote left behind
    expect(fromKeyboard).toEqual([false, true, true]);
  });

  it('draws one ring around a quote of several marks, follows the focus, and takes it away on reset', () => {
    const { focus, list } = setUp();
    // happy-dom has no layout: each mark one 20×10 box, the second run of quote b on the next line.
    vi.spyOn(HTMLElement.prototype, 'getClientRects').mockImplementation(function (this: HTMLElement) {
      const line = this === list[1]!.marks[1] ? 1 : 0;
      return [{ top: 10 + line * 20, left: 40 - line * 30, width: 20, height: 10 }] as unknown as DOMRectList;
    });
    const rings = () => document.querySelectorAll('[data-verbatim-ui="focus"]');
    focus.reveal('b', 0);
    expect(rings()).toHaveLength(1);
    expect(rings()[0]!.parentElement).toBe(document.documentElement); // never inside the page's body
    // Around both runs (x 10–60, y 10–40), 2 px out.
    const style = (rings()[0] as HTMLElement).style;
    expect([style.top, style.left, style.width, style.height]).toEqual(['8px', '8px', '54px', '34px']);
    focus.step(1);
    expect(rings()).toHaveLength(1);
    focus.reset();
    expect(rings()).toHaveLength(0);
  });
});
