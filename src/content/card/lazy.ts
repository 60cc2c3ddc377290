/**
 * The hover card's code (its view, the word diff and the diff library: about a third of the page-side
 * code) is not part of the highlighter bundle. It is injected the first time a card is shown
 * (`load-card`, src/background/main.ts), because every byte the highlighter carries is compiled and
 * evaluated on every Mad Men page, while most readers never hover a quote (docs/performance.md).
 */
import { send } from '../../shared/messages';
import type { Owner } from '../owner';
import type { Card, createCard } from './card';

export type CardFactory = typeof createCard;

/** Where the card script (entrypoints/card.ts) leaves its factory, on the content scripts' global. */
export const CARD_FACTORY = '__verbatimCard';

type FactoryHolder = Record<string, CardFactory | undefined>;

export function installCardFactory(factory: CardFactory, holder: object = globalThis): void {
  (holder as FactoryHolder)[CARD_FACTORY] = factory;
}

/** In the extension: asks the background to inject the card script once, then takes its factory. */
export async function injectedCardFactory(): Promise<CardFactory | null> {
  const holder = globalThis as unknown as FactoryHolder;
  if (!holder[CARD_FACTORY]) await send({ type: 'load-card' });
  return holder[CARD_FACTORY] ?? null;
}

/**
 * A card that loads on first use. A `show` that comes while loading is shown once the card is there,
 * unless a `hide` or a later `show` came in between (the reader moved on).
 */
export function lazyCard(owner: Owner, doc: Document, load: () => Promise<CardFactory | null>): Card {
  let card: Card | null = null;
  let loading: Promise<Card | null> | null = null;
  let latest = 0;
  /** The `show` request that is to take the focus once the card is there. */
  let focusFor = 0;
  const ready = () =>
    (loading ??= load()
      .then((factory) => (card = factory && !owner.signal.aborted ? factory(owner, doc) : null))
      .catch(() => null));
  return {
    show(quote, marks, onCompare) {
      const request = ++latest;
      if (card) return card.show(quote, marks, onCompare);
      void ready().then((loaded) => {
        if (!loaded || request !== latest || owner.signal.aborted) return;
        loaded.show(quote, marks, onCompare);
        if (focusFor === request) loaded.focus();
      });
    },
    focus() {
      if (card) card.focus();
      else focusFor = latest; // the card being loaded takes it once shown
    },
    hide() {
      latest++;
      card?.hide();
    },
    isOpen: () => card?.isOpen() ?? false,
    contains: (node) => card?.contains(node) ?? false,
    anchors: (node) => card?.anchors(node) ?? false,
  };
}
