/** The content script's small pure parts: mutation triage, card placement and content, keys, settings. */
import { describe, expect, it, onTestFinished, vi } from 'vitest';

// The extension's locale strings are not loaded under vitest: keys and arguments stand in for them.
vi.mock('../../../src/shared/i18n', () => ({ t: (key: string, ...subs: unknown[]) => [key, ...subs].join(' ') }));
import { placeCard, unionOf } from '../../../src/content/card/position';
import { lazyCard, type CardFactory } from '../../../src/content/card/lazy';
import { cardContent, compactDiff, outletCount } from '../../../src/content/card/view';
import { isStepKey } from '../../../src/content/keyboard';
import { claimPage } from '../../../src/content/lifetime';
import { classifyRecords, INSPECT_LIMIT } from '../../../src/content/observer';
import { DEFAULT_SETTINGS, pageSettings } from '../../../src/shared/settings';
import type { QuoteMatch } from '../../../src/engine/match/match';

describe('mutation triage', () => {
  const added = (node: Node) => ({ type: 'childList', addedNodes: [node], removedNodes: [], target: document.body }) as unknown as MutationRecord;
  it('ignores small text edits and script insertions, notices article text and removed marks', () => {
    const p = document.createElement('p');
    p.textContent = 'A long enough paragraph of new article text arrived.';
    const script = document.createElement('script');
    script.textContent = 'x'.repeat(100);
    const clock = { type: 'characterData', target: document.createTextNode('12:01'), oldValue: '12:00', addedNodes: [], removedNodes: [] } as unknown as MutationRecord;
    expect(classifyRecords([clock, added(script)]).added).toBe(false);
    expect(classifyRecords([added(p)]).added).toBe(true);
    const holder = document.createElement('div');
    holder.innerHTML = '<mark class="verbatim-quote" data-verbatim-group="g">q</mark>';
    const removed = { type: 'childList', addedNodes: [], removedNodes: [holder], target: document.body } as unknown as MutationRecord;
    expect(classifyRecords([removed]).removedMarks).toBe(true);
  });
  it('treats a burst past the limit as one full rescan without inspecting it', () => {
    const burst = Array.from({ length: INSPECT_LIMIT + 1 }, () => ({ type: 'attributes' }) as unknown as MutationRecord);
    expect(classifyRecords(burst)).toMatchObject({ added: true, removedMarks: true });
  });
});

describe('card', () => {
  it('sits below the quote lines when it fits, above otherwise, never over them', () => {
    const anchor = unionOf([{ top: 100, left: 50, width: 300, height: 20 }, { top: 120, left: 10, width: 200, height: 20 }])!;
    expect(anchor).toEqual({ top: 100, left: 10, width: 340, height: 40 });
    const below = placeCard(anchor, { width: 360, height: 200 }, { width: 1000, height: 800 });
    expect(below.side).toBe('below');
    expect(below.top).toBeGreaterThanOrEqual(140);
    const above = placeCard({ top: 700, left: 10, width: 100, height: 40 }, { width: 360, height: 200 }, { width: 1000, height: 800 });
    expect(above.side).toBe('above');
    expect(above.top + 200).toBeLessThanOrEqual(700);
  });

  const quote: QuoteMatch = {
    start: 0, end: 10, text: 'That right there is the real Jon.', group: 'g', speaker: 'Elisabeth Moss', similarity: 1, strong: true,
    outlets: [
      { document: 'a', outlet: 'NME', text: 'That right there is the real Jon.', change: ['identical'] },
      { document: 'b', outlet: 'IndieWire', text: 'Like, that right there is real Jon.', change: ['omitted'] },
      { document: 'c', outlet: '/Film', text: 'Like, that right there is real Jon.', change: ['omitted'] },
    ],
  };

  it('renders speaker, source, outlet count and a diff readable without colour, as text only', () => {
    const evil = { ...quote, speaker: '<img src=x onerror=alert(1)>' };
    const el = cardContent({ quote: evil, source: 'Vanity Fair interview' }, () => undefined);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('[data-testid="card-speaker"]')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(outletCount(quote)).toBe(3);
    expect(el.querySelector('[data-testid="card-outlets"]')!.getAttribute('data-count')).toBe('3');
    expect(el.querySelector('[data-testid="card-source"]')).not.toBeNull();
    const del = Array.from(el.querySelectorAll('del')).map((d) => d.textContent);
    const ins = Array.from(el.querySelectorAll('ins')).map((d) => d.textContent);
    expect(del).toContain('[−the]');
    expect(ins.some((t) => t!.startsWith('[+'))).toBe(true);
  });

  it('loads its code on first show only; shows the latest request once loaded, nothing if hidden meanwhile', async () => {
    const owner = new AbortController();
    const shown: string[] = [];
    // A stand-in for createCard that records what it is asked to show (happy-dom has no layout to place a real one).
    const factory: CardFactory = () => {
      let open = false;
      return {
        show: (q) => { shown.push(q.quote.speaker ?? ''); open = true; },
        hide: () => { open = false; },
        isOpen: () => open,
        contains: () => false,
      };
    };
    let release: (f: CardFactory) => void = () => undefined;
    const load = vi.fn(() => new Promise<CardFactory>((r) => (release = r)));
    // The card code waits on promises only: vitest's timer flush runs every callback they have queued.
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
    const tick = () => vi.runAllTimersAsync();

    const card = lazyCard(owner, document, load);
    expect(load).not.toHaveBeenCalled();
    card.show({ quote, source: null }, [], async () => false);
    card.show({ quote: { ...quote, speaker: 'Jon Hamm' }, source: null }, [], async () => false);
    expect(load).toHaveBeenCalledTimes(1);
    expect(card.isOpen()).toBe(false);
    release(factory);
    await tick();
    expect(shown).toEqual(['Jon Hamm']);
    expect(card.isOpen()).toBe(true);
    card.hide();
    expect(card.isOpen()).toBe(false);
    card.show({ quote, source: null }, [], async () => false);
    expect(shown).toEqual(['Jon Hamm', 'Elisabeth Moss']);
    expect(load).toHaveBeenCalledTimes(1);

    const second = lazyCard(owner, document, load);
    second.show({ quote, source: null }, [], async () => false);
    second.hide(); // the reader moved on before the code arrived
    release(factory);
    await tick();
    expect(shown).toHaveLength(2);
    expect(second.isOpen()).toBe(false);
    owner.abort();
  });

  it('collapses long unchanged runs', () => {
    const parts = compactDiff([{ op: 'same', text: 'one two three four five six seven eight nine ten ' }, { op: 'added', text: 'x' }]);
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(parts[0]!.text.split(/\s+/).filter(Boolean).length).toBeLessThan(10);
  });
});

describe('one highlighter per page', () => {
  it('a later copy ends the one already there, never itself', () => {
    const first = claimPage(document, 'test:started');
    expect(first.signal.aborted).toBe(false);
    const second = claimPage(document, 'test:started');
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
    const third = claimPage(document, 'test:started');
    expect(second.signal.aborted).toBe(true);
    expect(third.signal.aborted).toBe(false);
    document.dispatchEvent(new CustomEvent('test:started'));
    expect(third.signal.aborted).toBe(true);
  });
});

describe('keys and settings', () => {
  it('Alt+Shift+J / K by physical key', () => {
    const e = { altKey: true, shiftKey: true, ctrlKey: false, metaKey: false };
    expect(isStepKey({ ...e, code: 'KeyJ' })).toBe(1);
    expect(isStepKey({ ...e, code: 'KeyK' })).toBe(-1);
    expect(isStepKey({ ...e, ctrlKey: true, code: 'KeyJ' })).toBe(0);
  });
  it('gives a page its highlight switch (subdomains included) and colours', () => {
    const off = { ...DEFAULT_SETTINGS, highlightsOffOn: ['nme.com'], colors: { light: '#abcdef', dark: '#123456' } };
    expect(pageSettings(off, 'https://news.nme.com/a').highlightsOn).toBe(false);
    expect(pageSettings(off, 'https://notnme.com/a')).toEqual({ highlightsOn: true, colors: { light: '#abcdef', dark: '#123456' } });
    expect(pageSettings(DEFAULT_SETTINGS, 'https://nme.com/a').highlightsOn).toBe(true);
  });
});
