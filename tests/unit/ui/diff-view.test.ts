/** One presentation of differences for the card and the popup (src/ui/diff-view.ts), over the engine's word diff. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CARD_CSS } from '../../../src/content/card/view';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/i18n', () => ({ t: (key: string) => ({ diffAdded: 'added: ', diffRemoved: 'removed: ' })[key] ?? key }));
import { wordDiff } from '../../../src/engine/compare/word-diff';
import { compactDiff, diffQuote, punctuationOnly } from '../../../src/ui/diff-view';

/** What a sighted reader sees (screen-reader labels left out), and each change with its kind. */
function read(reference: string, variant: string, options = {}) {
  const q = diffQuote(wordDiff(reference, variant), options);
  const visible = (el: Element) => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll('.vh').forEach((n) => n.remove());
    return copy.textContent ?? '';
  };
  const without = (selector: string) => {
    const copy = q.cloneNode(true) as Element;
    copy.querySelectorAll(`${selector}, .vh`).forEach((n) => n.remove());
    return copy.textContent;
  };
  return {
    q,
    shown: visible(q),
    /** The variant's own wording: the text without what it dropped. */
    variant: without('del'),
    changes: Array.from(q.querySelectorAll('ins, del')).map((c) => ({
      tag: c.tagName.toLowerCase(),
      text: visible(c),
      label: c.querySelector('.vh')?.textContent,
      punct: c.classList.contains('diff-punct'),
    })),
  };
}

describe('diff presentation', () => {
  it('keeps a removed word apart from the next one, with no brackets ("[−It]all felt" was the card’s)', () => {
    const r = read('It all felt very real.', 'all felt very real.');
    expect(r.shown).toBe('It all felt very real.');
    expect(r.changes).toEqual([{ tag: 'del', text: 'It ', label: 'removed: ', punct: false }]);
    expect(r.variant).toBe('all felt very real.');
  });

  it('spaces a replaced word from its replacement, without changing the variant’s own wording', () => {
    const r = read('I had a very close relationship', 'I have a very close relationship');
    expect(r.shown).toBe('I had have a very close relationship');
    expect(r.changes.map((c) => [c.tag, c.text.trim()])).toEqual([
      ['del', 'had'],
      ['ins', 'have'],
    ]);
    expect(r.variant).toBe('I have a very close relationship');
  });

  it('de-emphasises a punctuation-only change (a full stop, a curly apostrophe) but still shows and labels it', () => {
    const stop = read('It all felt very real', 'It all felt very real.');
    expect(stop.shown).toBe('It all felt very real.');
    expect(stop.changes).toEqual([{ tag: 'ins', text: '.', label: 'added: ', punct: true }]);
    // Quieter by the same rule in both surfaces' stylesheets (no inline style, which a page's CSP could refuse).
    expect(stop.q.querySelector('ins')!.getAttribute('style')).toBeNull();
    const theme = readFileSync(resolve(import.meta.dirname, '../../../src/popup/theme.css'), 'utf8');
    for (const css of [CARD_CSS, theme])
      expect(css.replace(/\s+/g, ' ')).toMatch(/ins\.diff-punct, del\.diff-punct \{ background: transparent;/);
    const apostrophe = read('That’s real', "That's real");
    expect(apostrophe.changes.map((c) => [c.tag, c.punct])).toEqual([
      ['del', true],
      ['ins', true],
    ]);
    // A change of words is never de-emphasised, even beside punctuation.
    expect(read('It felt real.', 'It felt fake!').changes.every((c) => !c.punct)).toBe(true);
  });

  it('tells punctuation from words: letters and digits decide, case and accents as written', () => {
    expect(punctuationOnly('.', '')).toBe(true);
    expect(punctuationOnly('close-up', 'close up')).toBe(true);
    expect(punctuationOnly('it', 'It')).toBe(false);
    expect(punctuationOnly('not', '')).toBe(false);
    expect(punctuationOnly('90', 'ninety')).toBe(false);
  });

  it('adds tooltips when given, and builds text only: corpus text with markup stays text', () => {
    const r = read('said <b>this</b>', 'said <img src=x onerror=alert(1)>', { titles: { added: 'in outlet', removed: 'on page' } });
    expect(r.q.querySelector('img, b')).toBeNull();
    expect(r.q.querySelector('ins')!.getAttribute('title')).toBe('in outlet');
    expect(r.q.querySelector('del')!.getAttribute('title')).toBe('on page');
  });

  it('compact: long unchanged runs collapse around the changes', () => {
    const parts = compactDiff([
      { op: 'same', text: 'one two three four five six seven eight nine ten ' },
      { op: 'added', text: 'x' },
    ]);
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(parts[0]!.text.split(/\s+/).filter(Boolean).length).toBeLessThan(10);
    const r = read('one two three four five six seven eight nine ten eleven', 'one two three four five six seven eight nine ten twelve', {
      compact: true,
    });
    expect(r.shown.startsWith('…')).toBe(true);
    expect(r.changes.map((c) => c.text.trim())).toEqual(['eleven', 'twelve']);
  });
});
