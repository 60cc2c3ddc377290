/**
 * The quotes of each frame's last analysis. A page is sent only where its quotes are (`QuoteSpan`);
 * the full matches (every outlet's wording) stay here for the hover card to ask for. Kept in memory:
 * a stopped worker forgets them, and then the top frame's saved tab state answers (./tab-store.ts),
 * while a sub-frame's card waits for that frame's next pass.
 */
import type { QuoteMatch } from '../engine/match/match';
import type { QuoteSpan } from '../shared/messages';

/** Frames remembered at most (oldest dropped first): enough for every open tab's main frame and a few more. */
const MAX_FRAMES = 100;
const results = new Map<string, QuoteMatch[]>();
const key = (tabId: number, frameId: number) => `${tabId}:${frameId}`;

export function rememberFrame(tabId: number, frameId: number, quotes: QuoteMatch[]): void {
  const k = key(tabId, frameId);
  results.delete(k);
  results.set(k, quotes);
  if (results.size > MAX_FRAMES) results.delete(results.keys().next().value!);
}

export function frameQuotes(tabId: number, frameId: number): QuoteMatch[] | undefined {
  return results.get(key(tabId, frameId));
}

export function forgetFrames(tabId: number): void {
  for (const k of [...results.keys()]) if (k.startsWith(`${tabId}:`)) results.delete(k);
}

export function toSpan(quote: QuoteSpan): QuoteSpan {
  return quote.parts
    ? { start: quote.start, end: quote.end, group: quote.group, parts: quote.parts.map((p) => ({ start: p.start, end: p.end })) }
    : { start: quote.start, end: quote.end, group: quote.group };
}

const same = (a: QuoteSpan, b: QuoteSpan) => a.start === b.start && a.end === b.end && a.group === b.group;

export function findQuote(quotes: readonly QuoteMatch[], span: QuoteSpan): QuoteMatch | undefined {
  return quotes.find((q) => same(q, span));
}

/** The matches a page reports as highlighted, in the page's order; spans that match nothing are dropped. */
export function placedQuotes(quotes: readonly QuoteMatch[], spans: readonly QuoteSpan[]): QuoteMatch[] {
  return spans.map((s) => findQuote(quotes, s)).filter((q): q is QuoteMatch => q !== undefined);
}
