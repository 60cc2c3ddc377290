/**
 * The highlighter's pass in a DOM: extraction → (engine, in place of the background) → reconcile.
 * Every engine span is marked exactly, a second pass changes nothing (no nesting, no churn), content
 * that arrives is marked, content that goes is reported, and switching off restores the body byte for byte.
 * Also that the composer wires the parts: tab requests, keys and the card reach the marked quotes.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analysePage } from '../../../src/engine/analyse';
import { indexPack, type PackIndex } from '../../../src/engine/match/pack-index';
import type { Pack } from '../../../src/engine/types';
import { buildPackFromDir } from '../../../src/node/corpus-dir';
import type { Request } from '../../../src/shared/messages';
import type { CardFactory } from '../../../src/content/card/lazy';
import { DEFAULT_SETTINGS, pageSettings, type Settings } from '../../../src/shared/settings';

const sent: Request[] = [];
let index: PackIndex;
let pack: Pack;
let settings: Partial<Settings> = {};

vi.mock('../../../src/shared/messages', async (original) => ({
  ...(await original<typeof import('../../../src/shared/messages')>()),
  send: vi.fn(async (request: Request) => {
    sent.push(request);
    if (request.type === 'analyse') {
      const page = pageSettings({ ...DEFAULT_SETTINGS, ...settings }, request.page.url);
      const quotes = analysePage(index, request.page).quotes.map(({ start, end, group }) => ({ start, end, group }));
      return { quotes, engineMs: 1, settings: page };
    }
    if (request.type === 'open-popup') return { opened: false };
    if (request.type === 'card-details')
      return { quote: { ...request.span, text: '', speaker: 'Elisabeth Moss', similarity: 1, strong: true, outlets: [] }, source: null };
    return undefined;
  }),
}));

const { runHighlighter } = await import('../../../src/content/highlighter');
const { MAX_WAIT_MS } = await import('../../../src/content/passes');
const { CORPUS_DIR, corpusArticlePage, manifestDocuments, groupsOf } = await import('../../support/corpus');

beforeAll(async () => {
  pack = await buildPackFromDir(CORPUS_DIR);
  index = indexPack(pack);
});

let controller: AbortController;
beforeEach(() => {
  sent.length = 0;
  settings = {};
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  fakeBrowser.reset();
});

function load(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.title = parsed.title;
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
}

const marks = () => Array.from(document.querySelectorAll('mark.verbatim-quote'));
/** Starts the highlighter; resolves after its first pass. */
const start = async () => (await runHighlighter(controller, document, async () => null))!;
const lastUpdate = () => sent.filter((r) => r.type === 'page-update').at(-1) as Extract<Request, { type: 'page-update' }> | undefined;

describe('Highlighter pass', () => {
  for (const doc of manifestDocuments()) {
    it(`marks exactly every engine span on ${doc.outlet}'s article, and a second pass changes nothing`, async () => {
      load(corpusArticlePage(doc));
      const h = await start();
      const analysed = sent.find((r) => r.type === 'analyse') as Extract<Request, { type: 'analyse' }>;
      const expected = analysePage(index, analysed.page).quotes;
      // Every span marked, with exactly the engine's text, and nothing else.
      const update = lastUpdate()!;
      expect(update.quotes).toEqual(expected.map(({ start, end, group }) => ({ start, end, group })));
      const byGroup = new Map<string, string>();
      for (const m of marks())
        byGroup.set(m.getAttribute('data-verbatim-group')!, (byGroup.get(m.getAttribute('data-verbatim-group')!) ?? '') + m.textContent);
      for (const q of expected) expect(byGroup.get(q.group)).toContain(q.text.replace(/\n/g, ''));
      expect(new Set(byGroup.keys())).toEqual(groupsOf(pack, doc.id));
      expect(document.querySelector('mark mark')).toBeNull();
      expect(update.timings!.chars).toBe(analysed.page.text.length);

      const html = document.body.innerHTML;
      await h.pass();
      expect(document.body.innerHTML).toBe(html);
    });
  }

  it('switching off restores the body byte for byte; switching on marks again', async () => {
    load(corpusArticlePage(manifestDocuments()[0]!));
    const original = document.body.innerHTML;
    await start();
    expect(marks().length).toBeGreaterThan(0);
    // The popup's switch: a `refresh` request runs a pass, whose analysis brings the settings.
    const refresh = async (): Promise<unknown[]> =>
      (await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, {}, () => undefined)) as unknown[];
    settings = { highlightsOffOn: [location.hostname] };
    expect(await refresh()).toContain(true);
    expect(marks()).toHaveLength(0);
    expect(document.body.innerHTML).toBe(original);
    settings = {};
    await refresh();
    expect(marks().length).toBeGreaterThan(0);
  });

  it('marks an article that arrives later, and reports quotes whose content is removed', async () => {
    load('<header><h1>Loading…</h1></header><main id="app"></main>');
    await start();
    expect(marks()).toHaveLength(0);
    const article = new DOMParser().parseFromString(corpusArticlePage(manifestDocuments()[0]!), 'text/html').querySelector('main')!;
    document.getElementById('app')!.append(document.importNode(article, true));
    await vi.waitFor(() => expect(lastUpdate()?.quotes.length).toBeGreaterThan(0), { timeout: 5000 });
    expect(marks().length).toBeGreaterThan(0);
    const count = lastUpdate()!.quotes.length;
    expect(count).toBeGreaterThan(0);

    // Remove the paragraphs holding the first half of the quotes: the badge/popup hear about it.
    const paragraphs = Array.from(document.querySelectorAll('article p')).filter((p) => p.querySelector('mark'));
    for (const p of paragraphs.slice(0, Math.ceil(paragraphs.length / 2))) p.remove();
    await vi.waitFor(() => expect(lastUpdate()!.quotes.length).toBeLessThan(count), { timeout: 5000 });
    const onPage = new Set(marks().map((m) => m.getAttribute('data-verbatim-group')));
    expect(lastUpdate()!.quotes.every((q) => onPage.has(q.group))).toBe(true);
  });

  it('paused: its marks go, the page’s changes are not read, and the refresh on resuming marks it again', async () => {
    load(corpusArticlePage(manifestDocuments()[0]!));
    const highlighter = (await start())!;
    expect(marks().length).toBeGreaterThan(0);
    settings = { paused: true };
    await highlighter.pass(); // the background's refresh when the pause is switched on
    expect(marks()).toHaveLength(0);
    vi.useFakeTimers();
    const analyses = sent.filter((r) => r.type === 'analyse').length;
    document
      .querySelector('article')!
      .append(Object.assign(document.createElement('p'), { textContent: 'A new paragraph long enough to read.' }));
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS * 3);
    expect(sent.filter((r) => r.type === 'analyse').length).toBe(analyses);
    vi.useRealTimers();
    settings = {};
    await highlighter.pass(); // the refresh on resuming
    expect(marks().length).toBeGreaterThan(0);
  });

  it('never feeds on its own changes: no extra pass after marking', async () => {
    load(corpusArticlePage(manifestDocuments()[0]!));
    vi.useFakeTimers();
    let started = false;
    void start().then(() => (started = true));
    while (!started) await vi.advanceTimersByTimeAsync(10);
    expect(marks().length).toBeGreaterThan(0);
    const analyses = sent.filter((r) => r.type === 'analyse').length;
    expect(analyses).toBe(1);
    // Any page change the marking made would have scheduled a pass by now.
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS * 3);
    expect(sent.filter((r) => r.type === 'analyse').length).toBe(analyses);
    // While a real page change does.
    document
      .querySelector('article')!
      .append(Object.assign(document.createElement('p'), { textContent: 'A new paragraph long enough to read.' }));
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS * 3);
    expect(sent.filter((r) => r.type === 'analyse').length).toBe(analyses + 1);
  });

  it('wires the parts: reveal requests, Alt+Shift+J / K and their commands, hovering and navigation reach the marked quotes', async () => {
    load(corpusArticlePage(manifestDocuments()[0]!));
    const shown: string[] = [];
    const positions: unknown[] = [];
    const factory: CardFactory = () => ({
      show: (details) => void (shown.push(details.quote.group), positions.push(details.position)),
      focus: () => undefined,
      anchors: () => false,
      hide: () => undefined,
      isOpen: () => shown.length > 0,
      contains: () => false,
    });
    await runHighlighter(controller, document, async () => factory);
    const placed = lastUpdate()!.quotes.map((q) => q.group);
    expect(placed.length).toBeGreaterThan(2);
    const focused = () =>
      new Set(Array.from(document.querySelectorAll('[data-verbatim-focus]')).map((m) => m.getAttribute('data-verbatim-group')));
    const ask = async (message: unknown): Promise<unknown> =>
      ((await fakeBrowser.runtime.onMessage.trigger(message, {}, () => undefined)) as unknown[])[0];

    // The popup reveals the first highlight of a group: it gets the focus and its card.
    const group = placed[1]!;
    const at = placed.indexOf(group);
    expect(await ask({ type: 'reveal', group })).toBe(true);
    expect(focused()).toEqual(new Set([group]));
    await vi.waitFor(() => expect(shown).toEqual([group]));
    expect(await ask({ type: 'reveal', group: 'not-on-this-page' })).toBe(false);

    // The keys step on from there, in page order.
    const key = (code: string) =>
      document.body.dispatchEvent(new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code, bubbles: true }));
    key('KeyJ');
    expect(focused()).toEqual(new Set([placed[at + 1]]));
    key('KeyK');
    key('KeyK');
    expect(focused()).toEqual(new Set([placed[(at - 1 + placed.length) % placed.length]]));

    // The browser's command, relayed by the background, steps too. The same key heard by the page right
    // after it is that press heard twice (a browser that also let the key through): no second step.
    const before = placed.indexOf([...focused()][0]!);
    expect(await ask({ type: 'step', direction: 1 })).toBe(true);
    expect(focused()).toEqual(new Set([placed[(before + 1) % placed.length]]));
    key('KeyJ');
    expect(focused()).toEqual(new Set([placed[(before + 1) % placed.length]]));
    expect(await ask({ type: 'step', direction: -1 })).toBe(true);
    expect(focused()).toEqual(new Set([placed[before]]));
    // The card says where the reader is.
    await vi.waitFor(() => expect(positions.at(-1)).toEqual({ index: before, count: placed.length }));

    // Resting the mouse on a highlight opens that quote's card.
    const last = Array.from(document.querySelectorAll(`mark[data-verbatim-group="${placed.at(-1)}"]`)).at(-1)!;
    last.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    await vi.waitFor(() => expect(shown.at(-1)).toBe(placed.at(-1)));

    // The background says the single-page site moved on: the page is read again.
    const analyses = sent.filter((r) => r.type === 'analyse').length;
    expect(await ask({ type: 'navigated', url: location.href })).toBe(true);
    await vi.waitFor(() => expect(sent.filter((r) => r.type === 'analyse').length).toBe(analyses + 1), { timeout: 5000 });
  });
});
