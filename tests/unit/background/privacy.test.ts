/** What a page may see: public quotes at once, the reader's own once they acted on that page. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageQuotes, reveals } from '../../../src/background/privacy';
import type { QuoteMatch } from '../../../src/engine/match/match';

const quote = (group: string, start: number): QuoteMatch => ({
  start,
  end: start + 5,
  text: 'x',
  group,
  speaker: null,
  similarity: 1,
  strong: true,
  outlets: [],
});

describe('privacy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sends a page only the quotes with a bundled wording until the reader acted there', () => {
    const quotes = [quote('public', 0), quote('learned-only', 10), quote('public-2', 20)];
    const publicGroups = new Set(['public', 'public-2']);
    expect(pageQuotes(quotes, publicGroups, false).map((q) => q.group)).toEqual(['public', 'public-2']);
    expect(pageQuotes(quotes, publicGroups, true).map((q) => q.group)).toEqual(['public', 'learned-only', 'public-2']);
  });

  it('remembers per tab that the reader acted, until the tab loads another page', async () => {
    expect(await reveals.has(3)).toBe(false);
    await reveals.add(3);
    await reveals.add(3);
    expect(await reveals.has(3)).toBe(true);
    expect(await reveals.has(4)).toBe(false);
    await reveals.forget(3);
    expect(await reveals.has(3)).toBe(false);
  });
});
