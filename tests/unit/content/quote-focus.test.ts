/** Keyboard focus on the highlights: stepping in page order, revealing one for the popup. */
import { afterEach, describe, expect, it } from 'vitest';
import type { PageWatcher } from '../../../src/content/observer';
import type { Placed, PlacedQuotes } from '../../../src/content/page-marks';
import { quoteFocus } from '../../../src/content/quote-focus';

afterEach(() => {
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
  const focus = quoteFocus(document, quotes, watcher, (p) => opened.push(list.indexOf(p)));
  /** Which quote carries the focus attribute (every one of its marks, nothing else). */
  const focused = () => {
    const on = Array.from(document.querySelectorAll('[data-verbatim-focus]'));
    const index = list.findIndex((p) => p.marks.length === on.length && p.marks.every((mk) => on.includes(mk)));
    return on.length === 0 ? -1 : index;
  };
  return { focus, list, opened, focused, quietCalls: () => quiet };
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
});
