/**
 * Pure: the lineage the popup shows — the pack's groups, with the page's own wording as one more document
 * ("this page") when the page is not a corpus article. One engine call (src/engine/lineage/), memoised on
 * its inputs: the popup re-renders on every state change, the pack and the page's quotes rarely change.
 */
import { computeLineage, withPage, type ClosestRelative, type GroupLineage, type LineageInput } from '../engine/lineage/lineage';
import type { QuoteMatch } from '../engine/match/match';
import type { Pack } from '../engine/types';

/** The document id the page being read gets when it is not a corpus article. */
export const PAGE_DOCUMENT = 'this-page';

export interface PopupLineage {
  /** The page's document: its own corpus article, or PAGE_DOCUMENT. */
  page: string;
  groups: Map<string, GroupLineage>;
  /** Whose wording the page follows (null: an independent transcription, no quote shared, or a tie). */
  closest: ClosestRelative | null;
  /** When two or more articles are equally near and nothing tells them apart: their ids. */
  tied: string[];
  /** Outlet name and date of each document, the page included. */
  names: Map<string, string>;
  dates: Map<string, string | null>;
}

let memo: { pack: Pack; quotes: readonly QuoteMatch[]; own: string | null; result: PopupLineage } | null = null;

/** `texts`: article texts by document id, for credits ("via IndieWire"); `pageLabel`: what "this page" reads in the UI language. */
export function popupLineage(
  pack: Pack,
  quotes: readonly QuoteMatch[],
  own: string | null,
  pageLabel: string,
  texts: Readonly<Record<string, string>> = {},
): PopupLineage {
  if (memo && memo.pack === pack && memo.quotes === quotes && memo.own === own) return memo.result;
  const base: LineageInput = { groups: pack.groups, documents: pack.documents.map((d) => ({ ...d, text: texts[d.id] })) };
  const page = own ?? PAGE_DOCUMENT;
  const input = own
    ? base
    : withPage(base, {
        id: PAGE_DOCUMENT,
        outlet: pageLabel,
        published: null,
        quotes: quotes.map((q) => ({ group: q.group, text: q.text })),
      });
  const lineage = computeLineage(input);
  const result: PopupLineage = {
    page,
    groups: new Map(lineage.groups.map((g) => [g.group, g])),
    closest: lineage.documents.find((d) => d.document === page)?.closest ?? null,
    tied: lineage.documents.find((d) => d.document === page)?.tied ?? [],
    names: new Map(input.documents.map((d) => [d.id, d.outlet])),
    dates: new Map(input.documents.map((d) => [d.id, d.published])),
  };
  memo = { pack, quotes, own, result };
  return result;
}
