import { expect, it, onTestFinished, vi } from 'vitest';
import { lazyCard, type CardFactory } from '../../../../src/content/card/lazy';
import { quote } from './quote';

it('loads its code on first show only; shows the latest request once loaded, nothing if hidden meanwhile', async () => {
  const owner = new AbortController();
  const shown: string[] = [];
  const focused: string[] = [];
  // A stand-in for createCard that records what it is asked to show (happy-dom has no layout to place a real one).
  const factory: CardFactory = () => {
    let open = false;
    return {
      show: (q) => {
        shown.push(q.quote.speaker ?? '');
        open = true;
      },
      focus: () => void focused.push(shown[shown.length - 1]!),
      hide: () => {
        open = false;
      },
      isOpen: () => open,
      contains: () => false,
      anchors: () => false,
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
  card.focus(); // opened from the keyboard: the focus goes in once the card is there
  expect(load).toHaveBeenCalledTimes(1);
  expect(card.isOpen()).toBe(false);
  release(factory);
  await tick();
  expect(shown).toEqual(['Jon Hamm']);
  expect(focused).toEqual(['Jon Hamm']);
  expect(card.isOpen()).toBe(true);
  card.hide();
  expect(card.isOpen()).toBe(false);
  card.show({ quote, source: null }, [], async () => false);
  expect(shown).toEqual(['Jon Hamm', 'Elisabeth Moss']);
  expect(focused).toEqual(['Jon Hamm']); // a card opened by the pointer leaves the focus where it is
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
