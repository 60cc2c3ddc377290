/** The popup view in happy-dom with the real pack, a real analysis and the real English strings. */
import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analysePage } from '../../../src/engine/analyse';
import { indexPack } from '../../../src/engine/match/pack-index';
import type { Pack } from '../../../src/engine/types';
import type { TabState } from '../../../src/shared/messages';
import { buildPackFromDir } from '../../../src/node/corpus-dir';
import type { PopupModel } from '../../../src/popup/view';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { stubI18n } from '../shared/i18n-stub';
import { popupActions, renderPopup } from './render-popup';

let pack: Pack;
let state: TabState;
const URL_ = 'https://www.nme.com/news/tv/elisabeth-moss-cried-after-jon-hamm-improvised-iconic-mad-men-scene-3340459';

beforeAll(async () => {
  pack = await buildPackFromDir('assets/corpus');
  const text = readFileSync('assets/corpus/nme.txt', 'utf8');
  const analysis = analysePage(indexPack(pack), { url: URL_, title: 'Elisabeth Moss cried | NME', text });
  state = { url: URL_, title: 'x', analysis, at: 1 };
});
beforeEach(() => {
  fakeBrowser.reset();
  stubI18n();
});

const actions = popupActions;

function render(over: Partial<PopupModel> = {}, act = actions()): HTMLElement {
  return renderPopup({ url: URL_, state, pack, ...over }, act);
}

const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

describe('popup view', () => {
  it('status says what the page is, its counts and that it is NME’s own article', () => {
    const root = render();
    const status = root.querySelector('[data-testid="status"]')!;
    expect(status.getAttribute('data-status')).toBe('topic');
    expect(status.textContent).toContain('A Mad Men article');
    expect(status.querySelector('[data-testid="status-own"]')!.textContent).toContain("NME's article");
    expect(status.querySelectorAll('[data-testid="why"] li').length).toBe(state.analysis.topic.signals.length);
    expect(root.querySelector('.status [role="switch"]')!.getAttribute('id')).toBe('highlights-switch');
    expect(root.querySelector('label[for="highlights-switch"]')!.textContent).toBe('Highlights on www.nme.com');
  });

  it('one row per quote in page order; outlet lines are plain until opened, then diffed', () => {
    const act = actions();
    const root = render({}, act);
    const rows = Array.from(root.querySelectorAll('[data-testid="quotes"] > li'));
    expect(rows.map((r) => r.getAttribute('data-verbatim-group'))).toEqual(state.analysis.quotes.map((q) => q.group));
    const row = rows.find((r) => r.querySelector('[data-testid="chip-differs"]'))!;
    expect(row.querySelectorAll('ins, del').length).toBe(0);
    (row.querySelector('.quote__toggle') as HTMLElement).click();
    expect(row.querySelector('.quote__toggle')!.getAttribute('aria-expanded')).toBe('true');
    expect((row.querySelector('.comparison') as HTMLElement).hidden).toBe(false);
    expect(row.querySelectorAll('ins, del').length).toBeGreaterThan(0);
    expect(
      Array.from(row.querySelectorAll('ins .vh, del .vh')).every((e) => e.textContent === 'added: ' || e.textContent === 'removed: '),
    ).toBe(true);
    const index = state.analysis.quotes
      .slice(0, rows.indexOf(row))
      .filter((q) => q.group === row.getAttribute('data-verbatim-group')).length;
    expect(act.reveal).toHaveBeenCalledWith(row.getAttribute('data-verbatim-group'), index);
  });

  it('the list is one tab stop; arrows, Home/End move; Escape collapses the open row', () => {
    const root = render();
    const toggles = Array.from(root.querySelectorAll<HTMLElement>('[data-testid="quotes"] .quote__toggle'));
    expect(toggles.filter((t) => t.tabIndex === 0)).toHaveLength(1);
    toggles[0]!.focus();
    key(toggles[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(toggles[1]);
    expect(toggles[1]!.tabIndex).toBe(0);
    expect(toggles[0]!.tabIndex).toBe(-1);
    key(toggles[1]!, 'End');
    expect(document.activeElement).toBe(toggles.at(-1));
    key(toggles.at(-1)!, 'Home');
    expect(document.activeElement).toBe(toggles[0]);
    toggles[0]!.click();
    const link = toggles[0]!.closest('li')!.querySelector('a')!;
    link.focus();
    key(link, 'Escape');
    expect(toggles[0]!.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggles[0]);
  });

  it('renders page and corpus text as text, never as markup', () => {
    const hostile = '<img src=x onerror="window.pwned=1">';
    const quotes = state.analysis.quotes.map((q, i) =>
      i === 0 ? { ...q, text: hostile + q.text, outlets: q.outlets.map((o) => ({ ...o, outlet: hostile })) } : q,
    );
    const evilPack = { ...pack, documents: pack.documents.map((d) => ({ ...d, outlet: hostile + d.outlet })) };
    const root = render({ state: { ...state, analysis: { ...state.analysis, quotes } }, pack: evilPack });
    (root.querySelector('.quote__toggle') as HTMLElement).click();
    expect(root.querySelectorAll('img').length).toBe(0);
    expect(root.textContent).toContain(hostile);
  });

  it('not analysed: says so, offers to analyse, and the corpus to browse and search', () => {
    const root = render({ state: null, url: 'https://example.org/cycling' });
    const status = root.querySelector('[data-testid="status"]')!;
    expect(status.textContent).toContain('Not a Mad Men article');
    expect(status.textContent).toContain('has not analysed');
    expect(root.querySelector('[data-testid="analyse-button"]')).not.toBeNull();
    // Paused, nothing is analysed: no button that would do nothing.
    const paused = render({ state: null, url: 'https://example.org/cycling', settings: { ...DEFAULT_SETTINGS, paused: true } });
    expect(paused.querySelector('[data-testid="analyse-button"]')).toBeNull();
    const rows = root.querySelectorAll('[data-testid="corpus-quotes"] > li');
    expect(rows.length).toBe(pack.groups.length);
    const search = root.querySelector<HTMLInputElement>('[data-testid="corpus-search"]')!;
    search.value = 'costume';
    search.dispatchEvent(new Event('input'));
    const shown = Array.from(rows).filter((r) => !(r as HTMLElement).hidden);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(rows.length);
    expect(root.querySelector('[data-testid="corpus-count"]')!.textContent).toBe(`${shown.length} of ${rows.length} quotes match`);
  });

  it('while the analysis is on its way: "Reading this page…", no verdict, no switch, no "Add", no list yet', () => {
    const root = render({ state: null, url: 'https://www.nme.com/news/tv/x', reading: true });
    const status = root.querySelector('[data-testid="status"]')!;
    expect(status.getAttribute('data-status')).toBe('reading');
    expect(status.textContent).toBe('Reading this page…');
    expect(root.querySelector('[data-testid="highlights-switch"]')).toBeNull();
    expect(root.querySelector('[data-testid="add-page"]')).toBeNull();
    expect(root.querySelector('[data-testid="corpus-quotes"]')).toBeNull();
  });

  it('pages not about the topic get no highlights switch and no "Add"', () => {
    for (const model of [
      { state: null, url: 'https://example.org/cycling' },
      { state: { ...state, analysis: { ...state.analysis, status: 'none' as const, quotes: [] } } },
    ]) {
      const root = render(model);
      expect(root.querySelector('[data-testid="highlights-switch"]')).toBeNull();
      expect(root.querySelector('[data-testid="add-page"]')).toBeNull();
    }
  });

  it("in a reader's words: why, with the score behind the disclosure; timings behind one too", () => {
    const root = render();
    const why = root.querySelector('[data-testid="why"]')!;
    expect(why.querySelector('summary')!.textContent).toBe('Why Verbatim takes this page to be about Mad Men');
    expect(why.querySelector('.why__score')!.textContent).toMatch(/^Technical detail: topic score [\d.]+; a page needs 12/);
    const timed = render({ state: { ...state, timings: { chars: 5000, extract: 1.2, analyse: 3.4, mark: 0.5 } } });
    const timings = timed.querySelector('[data-testid="timings"]')!;
    expect(timings.tagName).toBe('DETAILS');
    expect(timings.querySelector('summary')!.textContent).toBe('How long this took');
    expect(timings.textContent).toContain('5000 characters');
  });

  it('a Mad Men page with none of the corpus quotes says what the corpus is', () => {
    const empty = { ...state, analysis: { ...state.analysis, quotes: [] } };
    const text = render({ state: empty, counts: { learned: 2, added: 1, imported: 0 } }).querySelector(
      '[data-testid="status-no-quotes"]',
    )!.textContent;
    const outlets = [...new Set(pack.documents.map((d) => d.outlet))].join(', ');
    expect(text).toBe(
      `None of the quotes Verbatim knows is on this page. Verbatim compares quotes from ${pack.documents.length} articles from 2022 (${outlets}). It also knows 3 articles you added, imported or it learned while you read.`,
    );
  });

  it('browser pages and stores: says why Verbatim cannot run', () => {
    expect(render({ state: null, url: null }).querySelector('[data-testid="status"]')!.textContent).toContain(
      'Verbatim cannot run on this page',
    );
    expect(
      render({ state: null, url: 'https://addons.mozilla.org/en-US/firefox/' }).querySelector('[data-testid="status"]')!.textContent,
    ).toContain('Extension stores');
    expect(
      render({ state: null, url: 'https://www.nme.com/x', settings: { ...DEFAULT_SETTINGS, runMode: 'on-click' } }).textContent,
    ).toContain('only when you open this popup');
  });

  it('quotes-only pages and repaired settings are announced', () => {
    const root = render({
      state: { ...state, analysis: { ...state.analysis, status: 'quotes-only' } },
      notice: { kind: 'repaired', fields: ['runMode'] },
    });
    expect(root.querySelector('[data-testid="status"]')!.textContent).toContain('Not a Mad Men article, but it quotes the corpus');
    expect(root.querySelector('[data-testid="settings-notice"]')!.textContent).toContain('runMode');
  });

  it('the fidelity summary has one line per outlet', () => {
    const lines = Array.from(render().querySelectorAll('[data-testid="fidelity"] li'));
    expect(lines.map((l) => l.getAttribute('data-verbatim-document'))).toEqual(pack.documents.map((d) => d.id));
    expect(lines[0]!.textContent).toMatch(/^NME.*this page.*: words \d+ of the \d+ quotes it shares with other outlets as most of them do/);
  });
});
