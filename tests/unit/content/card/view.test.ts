import { expect, it, vi } from 'vitest';

// The extension's locale strings are not loaded under vitest: keys and arguments stand in for them.
vi.mock('../../../../src/shared/i18n', () => ({ t: (key: string, ...subs: unknown[]) => [key, ...subs].join(' ') }));
import { cardContent, outletCount } from '../../../../src/content/card/view';
import { quote } from './quote';

it('renders speaker, source, outlet count and a diff readable without colour, as text only', () => {
  const evil = { ...quote, speaker: '<img src=x onerror=alert(1)>' };
  const el = cardContent({ quote: evil, source: 'Vanity Fair interview' }, () => undefined);
  expect(el.querySelector('img')).toBeNull();
  expect(el.querySelector('[data-testid="card-speaker"]')!.textContent).toBe('<img src=x onerror=alert(1)>');
  expect(outletCount(quote)).toBe(3);
  expect(el.querySelector('[data-testid="card-outlets"]')!.getAttribute('data-count')).toBe('3');
  expect(el.querySelector('[data-testid="card-source"]')).not.toBeNull();
  // The popup's presentation (src/ui/diff-view.ts): <ins>/<del> with screen-reader labels, no bracket markers.
  const visible = (d: Element) => d.textContent!.replace(/^diff(Added|Removed)/, '');
  const del = Array.from(el.querySelectorAll('del'));
  const ins = Array.from(el.querySelectorAll('ins'));
  expect(del.map(visible).map((s) => s.trim())).toContain('the');
  expect(ins.length).toBeGreaterThan(0);
  expect([...del, ...ins].every((c) => c.querySelector('.vh') !== null && !/[[\]]/.test(visible(c)))).toBe(true);
  expect(del[0]!.getAttribute('title')).toBe('cardRemoved');
});

it('shows a short meaning warning when the page’s wording changes what was said, and none otherwise', () => {
  const flags = [{ kind: 'negation' as const, words: 'not', detail: 'drops “not”: the statement loses its negation' }];
  const el = cardContent({ quote, source: null, meaning: flags, meaningAgainst: 'consensus' }, () => undefined);
  const warning = el.querySelector('[data-testid="card-meaning"]')!;
  expect(warning.getAttribute('data-kind')).toBe('negation');
  expect(warning.textContent).toBe('⚠ cardMeaning cardMeaningConsensus meaningNegation (not)');
  expect(cardContent({ quote, source: null, meaning: [] }, () => undefined).querySelector('[data-testid="card-meaning"]')).toBeNull();
  expect(cardContent({ quote, source: null }, () => undefined).querySelector('[data-testid="card-meaning"]')).toBeNull();
});

it('says so when an outlet quotes the line twice, instead of listing it twice unexplained', () => {
  const twice = {
    ...quote,
    outlets: [
      ...quote.outlets,
      { document: 'c', outlet: '/Film', text: 'That right there, that is the real Jon.', change: ['substituted' as const] },
    ],
  };
  const rows = Array.from(cardContent({ quote: twice, source: null }, () => undefined).querySelectorAll('.outlets')).map(
    (o) => o.textContent,
  );
  expect(rows.filter((r) => r!.includes('/Film'))).toEqual(['IndieWire, /Film (quotesLineTwice)', '/Film (quotesLineTwice)']);
  expect(rows.filter((r) => r!.includes('NME'))).toEqual(['NME']);
});
