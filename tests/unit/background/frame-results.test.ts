/** What the background keeps of each frame's analysis, so pages get spans and the card asks for the rest. */
import { describe, expect, it } from 'vitest';
import { findQuote, forgetFrames, frameQuotes, placedQuotes, rememberFrame, toSpan } from '../../../src/background/frame-results';
import type { QuoteMatch } from '../../../src/engine/match/match';

const match = (start: number, group: string): QuoteMatch => ({
  start,
  end: start + 10,
  text: `quote ${group}`,
  group,
  speaker: null,
  similarity: 1,
  strong: true,
  outlets: [{ document: 'd', outlet: 'NME', text: `quote ${group}`, change: ['identical'] }],
});

describe('frame results', () => {
  it('gives a page only where its quotes are, and the full match back for the card', () => {
    const quotes = [match(0, 'a'), match(50, 'b'), match(90, 'a')];
    expect(toSpan(quotes[1]!)).toEqual({ start: 50, end: 60, group: 'b' });
    rememberFrame(1, 0, quotes);
    rememberFrame(1, 3, [match(5, 'c')]);
    expect(findQuote(frameQuotes(1, 0)!, { start: 90, end: 100, group: 'a' })).toBe(quotes[2]);
    expect(findQuote(frameQuotes(1, 0)!, { start: 90, end: 100, group: 'b' })).toBeUndefined();
    expect(frameQuotes(1, 3)).toHaveLength(1);
    forgetFrames(1);
    expect(frameQuotes(1, 0)).toBeUndefined();
    expect(frameQuotes(1, 3)).toBeUndefined();
  });

  it('keeps what the page highlighted, in the page order, dropping spans it does not know', () => {
    const quotes = [match(0, 'a'), match(50, 'b'), match(90, 'c')];
    const placed = placedQuotes(quotes, [
      { start: 90, end: 100, group: 'c' },
      { start: 0, end: 10, group: 'a' },
      { start: 1, end: 2, group: 'x' },
    ]);
    expect(placed.map((q) => q.group)).toEqual(['c', 'a']);
  });

  it('remembers a bounded number of frames, dropping the oldest', () => {
    for (let tab = 100; tab < 400; tab++) rememberFrame(tab, 0, [match(0, 'a')]);
    expect(frameQuotes(100, 0)).toBeUndefined();
    expect(frameQuotes(399, 0)).toHaveLength(1);
    rememberFrame(399, 0, []);
    expect(frameQuotes(399, 0)).toEqual([]);
  });
});
