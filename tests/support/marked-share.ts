/**
 * Character precision and recall of matches against the pages of ./continued-quotes.ts: a marked
 * character counts as right only inside its own group's corpus wording on the page.
 */
import type { QuoteMatch } from '../../src/engine/match/match';

export interface Truth {
  group: string;
  start: number;
  end: number;
}

export interface MarkedShare {
  marked: number;
  outside: number;
  planted: number;
  found: number;
  /** What was marked outside, for the failure message. */
  overruns: string[];
}

export function emptyShare(): MarkedShare {
  return { marked: 0, outside: 0, planted: 0, found: 0, overruns: [] };
}

/** Adds one page's matches (engine offsets into `text`) to `share`. */
export function addPage(share: MarkedShare, text: string, truths: readonly Truth[], quotes: readonly QuoteMatch[]): void {
  share.planted += truths.length;
  share.found += truths.filter((t) => quotes.some((m) => m.group === t.group && m.start < t.end && t.start < m.end)).length;
  for (const m of quotes) {
    for (const piece of m.parts ?? [m]) {
      let inside = 0;
      for (const t of truths) if (t.group === m.group) inside += Math.max(0, Math.min(piece.end, t.end) - Math.max(piece.start, t.start));
      share.marked += piece.end - piece.start;
      share.outside += piece.end - piece.start - inside;
      if (inside < piece.end - piece.start) share.overruns.push(text.slice(piece.start, piece.end));
    }
  }
}

export const precisionOf = (s: MarkedShare) => (s.marked === 0 ? 1 : 1 - s.outside / s.marked);
export const recallOf = (s: MarkedShare) => (s.planted === 0 ? 1 : s.found / s.planted);
