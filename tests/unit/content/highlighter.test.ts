/**
 * The highlighter's pass in a DOM: extraction → (engine, in place of the background) → reconcile.
 * Every engine span is marked exactly, a second pass changes nothing (no nesting, no churn), content
 * that arrives is marked, content that goes is reported, and switching off restores the body byte for byte.
 */
import { resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { analysePage } from '../../../src/engine/analyse';
import { indexPack, type PackIndex } from '../../../src/engine/match';
import type { Pack } from '../../../src/engine/types';
import { buildPackFromDir } from '../../../src/node/corpus-dir';
import type { Request } from '../../../src/messages';
import { DEFAULT_SETTINGS, pageSettings, type Settings } from '../../../src/settings';

const sent: Request[] = [];
let index: PackIndex;
let pack: Pack;
let settings: Partial<Settings> = {};

vi.mock('../../../src/messages', async (original) => ({
  ...(await original<typeof import('../../../src/messages')>()),
  send: vi.fn(async (request: Request) => {
    sent.push(request);
    if (request.type === 'analyse') {
      const page = pageSettings({ ...DEFAULT_SETTINGS, ...settings }, request.page.url);
      const quotes = analysePage(index, request.page).quotes.map(({ start, end, group }) => ({ start, end, group }));
      return { quotes, engineMs: 1, settings: page };
    }
    if (request.type === 'open-popup') return { opened: false };
    return undefined;
  }),
}));

const { Highlighter } = await import('../../../src/content/highlighter');
const { articlePage } = await import('../../support/article-page');
const { corpusArticlePage, manifestDocuments, groupsOf } = await import('../../support/corpus');

beforeAll(async () => {
  pack = await buildPackFromDir(resolve(import.meta.dirname, '../../../assets/corpus'));
  index = indexPack(pack);
});

let controller: AbortController;
beforeEach(() => {
  sent.length = 0;
  settings = {};
  controller = new AbortController();
});
afterEach(() => controller.abort());

function load(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.title = parsed.title;
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
}

const marks = () => Array.from(document.querySelectorAll('mark.verbatim-quote'));
const lastUpdate = () => sent.filter((r) => r.type === 'page-update').at(-1) as Extract<Request, { type: 'page-update' }> | undefined;

describe('Highlighter pass', () => {
  for (const doc of manifestDocuments()) {
    it(`marks exactly every engine span on ${doc.outlet}'s article, and a second pass changes nothing`, async () => {
      load(corpusArticlePage(doc));
      const h = new Highlighter(controller, document);
      await h.start();
      const analysed = sent.find((r) => r.type === 'analyse') as Extract<Request, { type: 'analyse' }>;
      const expected = analysePage(index, analysed.page).quotes;
      // Every span marked, with exactly the engine's text, and nothing else.
      const update = lastUpdate()!;
      expect(update.quotes).toEqual(expected.map(({ start, end, group }) => ({ start, end, group })));
      const byGroup = new Map<string, string>();
      for (const m of marks()) byGroup.set(m.getAttribute('data-verbatim-group')!, (byGroup.get(m.getAttribute('data-verbatim-group')!) ?? '') + m.textContent);
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
    const h = new Highlighter(controller, document);
    await h.start();
    expect(marks().length).toBeGreaterThan(0);
    settings = { highlightsOffOn: [location.hostname] };
    await h.refresh();
    expect(marks()).toHaveLength(0);
    expect(document.body.innerHTML).toBe(original);
    settings = {};
    await h.refresh();
    expect(marks().length).toBeGreaterThan(0);
  });

  it('marks an article that arrives later, and reports quotes whose content is removed', async () => {
    load('<header><h1>Loading…</h1></header><main id="app"></main>');
    const h = new Highlighter(controller, document);
    await h.start();
    expect(marks()).toHaveLength(0);
    const article = new DOMParser().parseFromString(corpusArticlePage(manifestDocuments()[0]!), 'text/html').querySelector('main')!;
    document.getElementById('app')!.append(document.importNode(article, true));
    await vi.waitFor(() => expect(lastUpdate()!.quotes.length).toBeGreaterThan(0), { timeout: 10_000 }); // the pass it set off has reported
    expect(marks().length).toBeGreaterThan(0);
    const count = lastUpdate()!.quotes.length;
    expect(count).toBeGreaterThan(0);

    // Remove the paragraphs holding the first half of the quotes: the badge/popup hear about it.
    const paragraphs = Array.from(document.querySelectorAll('article p')).filter((p) => p.querySelector('mark'));
    for (const p of paragraphs.slice(0, Math.ceil(paragraphs.length / 2))) p.remove();
    await vi.waitFor(() => expect(lastUpdate()!.quotes.length).toBeLessThan(count)); // the removal has been reported
    const after = lastUpdate()!.quotes.length;
    expect(after).toBeLessThan(count);
    const onPage = new Set(marks().map((m) => m.getAttribute('data-verbatim-group')));
    expect(lastUpdate()!.quotes.every((q) => onPage.has(q.group))).toBe(true);
  });

  it('never feeds on its own changes: no extra pass after marking', async () => {
    load(articlePage({ outlet: 'X', title: 'Mad Men', text: 'Mad Men star Elisabeth Moss and Jon Hamm.\nNothing else.' }));
    vi.useFakeTimers({ shouldAdvanceTime: true }); // timers run as time passes, and all at once below
    onTestFinished(() => void vi.useRealTimers());
    const h = new Highlighter(controller, document);
    await h.start();
    const analyses = sent.filter((r) => r.type === 'analyse').length;
    await vi.runAllTimersAsync(); // every timer left, a pass its own marks would have scheduled included
    expect(sent.filter((r) => r.type === 'analyse').length).toBe(analyses);
  });
});
