/** The hover card: opened by a pause on a highlight, with details asked once per quote per analysis. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardDetails, Request } from '../../../src/shared/messages';
import type { Card } from '../../../src/content/card/card';
import type { Placed, PlacedQuotes } from '../../../src/content/page-marks';

const sent: Request[] = [];
/** The background's answer to `card-details`; null: it has none (e.g. restarted and lost it). */
let details: (span: { group: string }) => CardDetails | null;

vi.mock('../../../src/shared/messages', async (original) => ({
  ...(await original<typeof import('../../../src/shared/messages')>()),
  send: vi.fn(async (request: Request) => {
    sent.push(request);
    if (request.type === 'card-details') return details(request.span);
    if (request.type === 'open-popup') return { opened: true };
    return undefined;
  }),
}));

const { hoverCard } = await import('../../../src/content/hover-card');

let owner: AbortController;
let shown: { group: string; marks: HTMLElement[]; compare: () => Promise<boolean> }[];
let open: boolean;
/** Which shown card (index into `shown`) was given the focus. */
let focused: number[];
const card: Card = {
  show: (d, marks, compare) => {
    shown.push({ group: d.quote.group, marks, compare });
    open = true;
  },
  focus: () => void focused.push(shown.length - 1),
  hide: () => void (open = false),
  isOpen: () => open,
  contains: () => false,
  anchors: () => false,
};

/** Two quotes marked on a page, and the lookup the card is given. */
function page(): { quotes: PlacedQuotes; placed: Placed[]; list: Placed[] } {
  document.body.innerHTML =
    '<p>a <mark class="verbatim-quote" data-verbatim-group="one">first quote</mark> b ' +
    '<mark class="verbatim-quote" data-verbatim-group="two">second quote</mark> <span id="plain">plain</span></p>';
  const marks = Array.from(document.querySelectorAll<HTMLElement>('mark'));
  const placed = marks.map((m, i) => ({
    quote: { start: i * 10, end: i * 10 + 5, group: m.getAttribute('data-verbatim-group')! },
    marks: [m],
    pieces: 1,
  }));
  const list = [...placed];
  const quotes: PlacedQuotes = {
    get placed() {
      return list;
    },
    quoteOf: (mark) => list.find((p) => p.marks.includes(mark as HTMLElement)) ?? null,
    isPlaced: (p) => list.includes(p),
  };
  return { quotes, placed, list };
}

const hover = (el: Element) => el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
const detailsAsked = () => sent.filter((r) => r.type === 'card-details').length;

beforeEach(() => {
  vi.useFakeTimers();
  owner = new AbortController();
  sent.length = 0;
  shown = [];
  focused = [];
  open = false;
  details = (span) =>
    ({
      quote: { ...span, start: 0, end: 5, text: '', speaker: null, similarity: 1, strong: true, outlets: [] },
      source: null,
    }) as CardDetails;
});
afterEach(() => {
  owner.abort();
  vi.useRealTimers();
});

describe('hoverCard', () => {
  it('opens after a 150 ms pause on a highlight, not for a mouse passing over it', async () => {
    const { quotes } = page();
    hoverCard(owner, document, quotes, card);
    const [one, two] = Array.from(document.querySelectorAll('mark'));
    hover(one!);
    await vi.advanceTimersByTimeAsync(100);
    hover(two!); // moved on before the delay: only the second one counts
    await vi.advanceTimersByTimeAsync(149);
    expect(shown).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(shown.map((s) => s.group)).toEqual(['two']);
    expect(shown[0]!.marks).toEqual([two]);
    // Leaving for plain text cancels a pending card.
    hover(one!);
    hover(document.getElementById('plain')!);
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown).toHaveLength(1);
  });

  it('asks the background for a quote once per analysis, and again after a miss', async () => {
    const { quotes, placed } = page();
    const quoteCard = hoverCard(owner, document, quotes, card);
    quoteCard.open(placed[0]!);
    quoteCard.open(placed[0]!);
    await vi.advanceTimersByTimeAsync(0);
    expect(detailsAsked()).toBe(1);
    expect(sent.find((r) => r.type === 'card-details')).toEqual({ type: 'card-details', span: placed[0]!.quote });
    quoteCard.newAnalysis();
    quoteCard.open(placed[0]!);
    await vi.advanceTimersByTimeAsync(0);
    expect(detailsAsked()).toBe(2);

    details = () => null;
    quoteCard.open(placed[1]!);
    await vi.advanceTimersByTimeAsync(0);
    // One card per analysis so far (the first of two quick opens was superseded); none without details.
    expect(shown.map((s) => s.group)).toEqual(['one', 'one']);
    details = (span) =>
      ({
        quote: { ...span, start: 0, end: 5, text: '', speaker: null, similarity: 1, strong: true, outlets: [] },
        source: null,
      }) as CardDetails;
    quoteCard.open(placed[1]!);
    await vi.advanceTimersByTimeAsync(0);
    expect(detailsAsked()).toBe(4);
    expect(shown.at(-1)!.group).toBe('two');
    expect(focused).toEqual([]); // opened by the pointer: the focus stays where it is
    quoteCard.open(placed[0]!, { index: 0, count: 2 }, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(focused).toEqual([shown.length - 1]); // from the keyboard: into the card just shown
  });

  it('drops an answer the reader no longer waits for: a later card, a hide, or a quote no longer marked', async () => {
    const { quotes, placed, list } = page();
    const quoteCard = hoverCard(owner, document, quotes, card);
    quoteCard.open(placed[0]!);
    quoteCard.open(placed[1]!);
    await vi.advanceTimersByTimeAsync(0);
    expect(shown.map((s) => s.group)).toEqual(['two']);

    quoteCard.newAnalysis();
    quoteCard.open(placed[0]!);
    quoteCard.hide();
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toHaveLength(1);
    expect(quoteCard.isOpen()).toBe(false);

    quoteCard.newAnalysis();
    quoteCard.open(placed[0]!);
    list.splice(0, 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toHaveLength(1);
  });

  it("the card's compare button asks the background to open the popup on that quote", async () => {
    const { quotes, placed } = page();
    hoverCard(owner, document, quotes, card).open(placed[1]!);
    await vi.advanceTimersByTimeAsync(0);
    await expect(shown[0]!.compare()).resolves.toBe(true);
    expect(sent.at(-1)).toEqual({ type: 'open-popup', group: 'two' });
  });

  it('stops listening when its owner ends', async () => {
    const { quotes } = page();
    hoverCard(owner, document, quotes, card);
    owner.abort();
    hover(document.querySelector('mark')!);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(0);
  });
});
