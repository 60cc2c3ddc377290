/** Where one pass's time went, for the popup footer ("analysed 38 kB in 4.1 ms"). */
import type { PageTimings } from '../shared/messages';

export const now = (): number => performance.now();

/** Rounds to 0.1 ms: finer digits are noise on a page and only clutter the footer. */
const r = (ms: number) => Math.round(ms * 10) / 10;

export function pageTimings(parts: PageTimings): PageTimings {
  return { extract: r(parts.extract), analyse: r(parts.analyse), mark: r(parts.mark), chars: parts.chars };
}
