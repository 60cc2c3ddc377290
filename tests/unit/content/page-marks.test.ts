/**
 * Reconciling marks with an analysis: what stays, what goes, what is marked, in which order and with
 * how many mark.js calls; each quote resolved to the DOM once per pass.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuoteSpan } from '../../../src/shared/messages';

vi.mock('../../../src/dom/text-map', async (original) => {
  const real = await original<typeof import('../../../src/dom/text-map')>();
  return { ...real, locate: vi.fn(real.locate) };
});
vi.mock('../../../src/content/highlight', async (original) => {
  const real = await original<typeof import('../../../src/content/highlight')>();
  return { ...real, markSpans: vi.fn(real.markSpans) };
});

const { buildTextMap, locate } = await import('../../../src/dom/text-map');
const { markSpans } = await import('../../../src/content/highlight');
const { PageMarks } = await import('../../../src/content/page-marks');
const { watchPage } = await import('../../../src/content/observer');

let owner: AbortController;
let beforeMarking: ReturnType<typeof vi.fn<() => void>>;
beforeEach(() => {
  owner = new AbortController();
  beforeMarking = vi.fn<() => void>();
  vi.mocked(locate).mockClear();
  vi.mocked(markSpans).mockClear();
});
afterEach(() => {
  owner.abort();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

function pageMarks(): InstanceType<typeof PageMarks> {
  const watcher = watchPage(owner, document.body, () => undefined);
  return new PageMarks(owner, document, watcher, beforeMarking);
}

/** The spans of `texts` in the page's text map, as the background would send them. */
function quotesIn(texts: string[]): { map: ReturnType<typeof buildTextMap>; quotes: QuoteSpan[] } {
  const map = buildTextMap(document.body);
  const quotes = texts.map((text, i) => {
    const start = map.text.indexOf(text);
    expect(start, text).toBeGreaterThanOrEqual(0);
    return { start, end: start + text.length, group: `g${i}` };
  });
  return { map, quotes };
}

const marked = () =>
  Array.from(document.querySelectorAll('mark.verbatim-quote')).map((m) => [m.getAttribute('data-verbatim-group'), m.textContent]);

const PAGE =
  '<article><p>Moss said: “That <em>right there</em> is the real Jon.” She laughed.</p>' +
  '<p>Then: “Peggy was never going to be Don.” And more.</p><p>Last: “Zou Bisou Bisou” played.</p></article>';
const QUOTES = ['That right there is the real Jon.', 'Peggy was never going to be Don.', 'Zou Bisou Bisou'];

describe('PageMarks.reconcile', () => {
  it('marks every quote, resolving each to the DOM once per pass', async () => {
    document.body.innerHTML = PAGE;
    const marks = pageMarks();
    const { map, quotes } = quotesIn(QUOTES);
    await marks.reconcile(map, quotes);
    expect(marked()).toEqual([
      ['g0', 'That '],
      ['g0', 'right there'],
      ['g0', ' is the real Jon.'],
      ['g1', QUOTES[1]],
      ['g2', QUOTES[2]],
    ]);
    expect(marks.placed.map((p) => p.quote)).toEqual(quotes);
    // Two ends per quote: the "already marked?", tone, "still says?" and marking steps reuse them.
    expect(locate).toHaveBeenCalledTimes(2 * quotes.length);
    expect(beforeMarking).toHaveBeenCalledTimes(1);

    // A second pass over a fresh map keeps every mark element, changes nothing, and still resolves once.
    vi.mocked(locate).mockClear();
    const html = document.body.innerHTML;
    const elements = Array.from(document.querySelectorAll('mark'));
    const again = quotesIn(QUOTES);
    await marks.reconcile(again.map, again.quotes);
    expect(document.body.innerHTML).toBe(html);
    expect(Array.from(document.querySelectorAll('mark'))).toEqual(elements);
    expect(locate).toHaveBeenCalledTimes(2 * quotes.length);
    expect(beforeMarking).toHaveBeenCalledTimes(1); // nothing new to mark
  });

  it('takes stale marks out and joins their text again, keeping the marks that are still right', async () => {
    document.body.innerHTML = PAGE;
    const original = document.body.innerHTML;
    const marks = pageMarks();
    const first = quotesIn(QUOTES);
    await marks.reconcile(first.map, first.quotes);
    const kept = Array.from(document.querySelectorAll('mark[data-verbatim-group="g0"]'));
    const second = quotesIn([QUOTES[0]!]);
    await marks.reconcile(second.map, second.quotes);
    expect(marked().map(([g]) => g)).toEqual(['g0', 'g0', 'g0']);
    expect(Array.from(document.querySelectorAll('mark'))).toEqual(kept);
    // The unmarked text is joined to the text before it again. (Not to the text after it: the second
    // re-join pair names the node the first join removed. Left as it was; the page's markup is unchanged.)
    const paragraphs = document.querySelectorAll('p');
    expect((paragraphs[1]!.firstChild as Text).data).toBe('Then: “Peggy was never going to be Don.');
    expect((paragraphs[2]!.firstChild as Text).data).toBe('Last: “Zou Bisou Bisou');
    marks.removeAll();
    expect(document.body.innerHTML).toBe(original);
  });

  it('marks a quote over text a stale mark had split as one element, not one per piece of text', async () => {
    document.body.innerHTML = PAGE;
    const original = document.body.innerHTML;
    const marks = pageMarks();
    const first = quotesIn(['Peggy was never going']);
    await marks.reconcile(first.map, first.quotes);
    const second = quotesIn(['was never going to be Don.']);
    await marks.reconcile(second.map, second.quotes);
    expect(marked()).toEqual([['g0', 'was never going to be Don.']]);
    const mark = document.querySelector('mark')!;
    expect(mark.childNodes.length).toBe(1);
    expect(marks.quoteOf(mark)?.marks).toEqual([mark]);
    // The next pass finds it already marked: nothing taken out, nothing marked again.
    const third = quotesIn(['was never going to be Don.']);
    vi.mocked(markSpans).mockClear();
    await marks.reconcile(third.map, third.quotes);
    expect(markSpans).not.toHaveBeenCalled();
    expect(document.querySelector('mark')).toBe(mark);
    marks.removeAll();
    expect(document.body.innerHTML).toBe(original);
  });

  it('does not mark a quote whose text changed after the page was read (a miss, not a wrong highlight)', async () => {
    document.body.innerHTML = PAGE;
    const marks = pageMarks();
    const { map, quotes } = quotesIn(QUOTES);
    (document.querySelectorAll('p')[1]!.firstChild as Text).data = 'Then: “Peggy was always going to be Don.” And more.';
    await marks.reconcile(map, quotes);
    expect(marked().map(([g]) => g)).toEqual(['g0', 'g0', 'g0', 'g2']);
    expect(marks.placed.map((p) => p.quote.group)).toEqual(['g0', 'g2']);
  });

  it('reads every tone before the first mark goes in, and marks quotes on dark backgrounds dark', async () => {
    document.body.innerHTML = PAGE.replace('<p>Last:', '<p style="background-color: rgb(10, 10, 10)">Last:');
    const marks = pageMarks();
    const { map, quotes } = quotesIn(QUOTES);
    const marksWhenRead: number[] = [];
    const read = window.getComputedStyle.bind(window);
    vi.spyOn(window, 'getComputedStyle').mockImplementation((el, pseudo) => {
      marksWhenRead.push(document.querySelectorAll('mark').length);
      return read(el, pseudo);
    });
    await marks.reconcile(map, quotes);
    expect(marksWhenRead.length).toBeGreaterThan(0);
    expect(marksWhenRead.every((n) => n === 0)).toBe(true);
    const tones = Array.from(document.querySelectorAll('mark')).map((m) => [
      m.getAttribute('data-verbatim-group'),
      m.getAttribute('data-verbatim-tone'),
    ]);
    expect(tones.filter(([, tone]) => tone === 'dark')).toEqual([['g2', 'dark']]);
  });

  it('marks a short page with one mark.js call, a long one a quote per call, last first; same DOM either way', async () => {
    document.body.innerHTML = PAGE;
    let marks = pageMarks();
    let pass = quotesIn(QUOTES);
    await marks.reconcile(pass.map, pass.quotes);
    expect(vi.mocked(markSpans).mock.calls.map(([, spans]) => spans.map((s) => s.span.group))).toEqual([['g0', 'g1', 'g2']]);
    const short = document.querySelector('article')!.innerHTML;

    // Past 1 500 text nodes: the same article after many small paragraphs.
    owner.abort();
    owner = new AbortController();
    vi.mocked(markSpans).mockClear();
    document.body.innerHTML = '<p>filler</p>'.repeat(1500) + PAGE;
    marks = pageMarks();
    pass = quotesIn(QUOTES);
    await marks.reconcile(pass.map, pass.quotes);
    expect(vi.mocked(markSpans).mock.calls.map(([, spans]) => spans.map((s) => s.span.group))).toEqual([['g2'], ['g1'], ['g0']]);
    expect(document.querySelector('article')!.innerHTML).toBe(short);
  });
});

describe('PageMarks.reconcile: what the reader sees first', () => {
  it('on a long page marks the quotes in the viewport first, then those below, then those above', async () => {
    document.body.innerHTML = '<p>filler</p>'.repeat(1500) + PAGE;
    const paragraphs = Array.from(document.querySelectorAll('article p'));
    // The second quote's paragraph is on screen, the third below it, the first above.
    const rects = [-400, 200, 1800];
    paragraphs.forEach((p, k) =>
      vi.spyOn(p, 'getBoundingClientRect').mockReturnValue({ top: rects[k]!, bottom: rects[k]! + 40 } as DOMRect),
    );
    const marks = pageMarks();
    const pass = quotesIn(QUOTES);
    await marks.reconcile(pass.map, pass.quotes);
    expect(vi.mocked(markSpans).mock.calls.map(([, spans]) => spans.map((s) => s.span.group))).toEqual([['g1'], ['g2'], ['g0']]);
    expect([...new Set(marked().map(([group]) => group))]).toEqual(['g0', 'g1', 'g2']);
  });
});

describe('PageMarks bookkeeping', () => {
  it('knows which quote a mark belongs to only while it is marked; prune drops quotes whose marks left', async () => {
    document.body.innerHTML = PAGE;
    const marks = pageMarks();
    const { map, quotes } = quotesIn(QUOTES);
    await marks.reconcile(map, quotes);
    const peggy = document.querySelector('mark[data-verbatim-group="g1"]')!;
    const placed = marks.quoteOf(peggy)!;
    expect(placed.quote.group).toBe('g1');
    expect(marks.prune()).toBe(false);
    peggy.closest('p')!.remove();
    expect(marks.prune()).toBe(true);
    expect(marks.placed.map((p) => p.quote.group)).toEqual(['g0', 'g2']);
    expect(marks.quoteOf(peggy)).toBeNull();
    expect(marks.isPlaced(placed)).toBe(false);
    expect(marks.prune()).toBe(false);
  });

  it('removeAll also takes out marks a replaced copy left behind', async () => {
    document.body.innerHTML = '<p>before <mark class="verbatim-quote" data-verbatim-group="old">left over</mark> after</p>';
    const marks = pageMarks();
    marks.removeAll();
    expect(document.body.innerHTML).toBe('<p>before left over after</p>');
    expect(document.querySelector('p')!.childNodes).toHaveLength(1);
  });
});

describe('PageMarks.reconcile: quotes over several blocks', () => {
  const CUES =
    '<div class="transcript"><div class="cue"><span>0:43</span><p>I had a very close relationship</p></div>\n' +
    '<div class="cue"><span>0:45</span><p>with Jon.</p></div></div>' +
    '<p>She said: “None of that was in the script</p><div class="ad">Advertisement</div><p>and he did it on my close-up.”</p>';

  it('marks every block a quote covers, never the timestamp, the ad or the whitespace between blocks; a second pass keeps them', async () => {
    document.body.innerHTML = CUES;
    const map = buildTextMap(document.body);
    const at = (s: string) => map.text.indexOf(s);
    const relationship = {
      start: at('I had'),
      end: at('Jon.') + 'Jon.'.length,
      group: 'g1',
      parts: [] as { start: number; end: number }[],
    };
    relationship.parts = [
      { start: at('I had'), end: at(' relationship') + ' relationship'.length },
      { start: at('with Jon'), end: at('Jon.') + 'Jon.'.length },
    ];
    const script = {
      start: at('None'),
      end: at('close-up') + 'close-up'.length,
      group: 'g7',
      parts: [
        { start: at('None'), end: at('script') + 'script'.length },
        { start: at('and he'), end: at('close-up') + 'close-up'.length },
      ],
    };
    const marks = pageMarks();
    await marks.reconcile(map, [relationship, script]);
    expect(marked()).toEqual([
      ['g1', 'I had a very close relationship'],
      ['g1', 'with Jon.'],
      ['g7', 'None of that was in the script'],
      ['g7', 'and he did it on my close-up'],
    ]);
    expect(marks.placed.map((p) => p.marks.length)).toEqual([2, 2]);
    const before = document.body.innerHTML;
    await marks.reconcile(buildTextMap(document.body), [relationship, script]);
    expect(document.body.innerHTML).toBe(before);
    marks.removeAll();
    expect(document.body.innerHTML).toBe(CUES);
  });

  it('cuts a span the engine sent whole into one piece per block', async () => {
    document.body.innerHTML = '<ul class="lines">\n<li>He held onto my hand</li>\n<li>and didn’t let go<br>and then kissed it.</li>\n</ul>';
    const { map, quotes } = quotesIn(['He held onto my hand\n \nand didn’t let go\nand then kissed it.']);
    await pageMarks().reconcile(map, quotes);
    expect(marked()).toEqual([
      ['g0', 'He held onto my hand'],
      ['g0', 'and didn’t let go'],
      ['g0', 'and then kissed it.'],
    ]);
  });
});

describe('PageMarks.retone', () => {
  it('reads the colour behind each mark again and sets its tone, in both directions', async () => {
    document.body.innerHTML = PAGE;
    const marks = pageMarks();
    const { map, quotes } = quotesIn(QUOTES);
    await marks.reconcile(map, quotes);
    const tones = () => Array.from(document.querySelectorAll('mark.verbatim-quote')).map((m) => m.getAttribute('data-verbatim-tone'));
    expect(tones().every((t) => t === null)).toBe(true);
    // The site's theme switch darkens the article (the second paragraph keeps a light box of its own).
    document.querySelector('article')!.setAttribute('style', 'background-color: rgb(18, 18, 18)');
    document.querySelectorAll('p')[1]!.setAttribute('style', 'background-color: rgb(250, 250, 250)');
    marks.retone();
    const inLight = (m: Element) => m.closest('p') === document.querySelectorAll('p')[1];
    const all = Array.from(document.querySelectorAll('mark.verbatim-quote'));
    expect(all.map((m) => m.getAttribute('data-verbatim-tone'))).toEqual(all.map((m) => (inLight(m) ? null : 'dark')));
    document.querySelector('article')!.removeAttribute('style');
    marks.retone();
    expect(tones().every((t) => t === null)).toBe(true);
  });
});
