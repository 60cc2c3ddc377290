/** Pure: analysis results and pack groups → the rows the popup shows. */
import type { QuoteMatch } from '../engine/match/match';
import type { Pack, PackDocument, QuoteGroup } from '../engine/types';
import type { RowModel } from './quote-row';

export interface PackLookup {
  documents: Map<string, PackDocument>;
  groups: Map<string, QuoteGroup>;
}

export function lookup(pack: Pack): PackLookup {
  return { documents: new Map(pack.documents.map((d) => [d.id, d])), groups: new Map(pack.groups.map((g) => [g.id, g])) };
}

/** A quote found on the page, its outlets compared with the page's own wording. */
export function pageRow(quote: QuoteMatch, look: PackLookup, own: string | null): RowModel {
  const group = look.groups.get(quote.group);
  return {
    group: quote.group,
    reference: quote.text,
    referenceKind: 'page',
    speaker: quote.speaker ?? group?.speaker ?? null,
    source: group?.source ?? null,
    outlets: quote.outlets.map((o) => {
      const doc = look.documents.get(o.document);
      return {
        document: o.document,
        outlet: o.outlet,
        text: o.text,
        change: o.change,
        url: doc?.url ?? null,
        published: doc?.published ?? null,
        origin: doc?.origin ?? 'bundled',
        read: doc?.read ?? null,
        consensus: group ? o.text === group.consensus : false,
        own: o.document === own,
      };
    }),
  };
}

/** A corpus quote group, its outlets compared with the consensus (browsing, off-topic pages). */
export function groupRow(group: QuoteGroup, look: PackLookup): RowModel {
  return {
    group: group.id,
    reference: group.consensus,
    referenceKind: 'consensus',
    speaker: group.speaker,
    source: group.source,
    outlets: group.variants.map((v) => {
      const doc = look.documents.get(v.document);
      return {
        document: v.document,
        outlet: doc?.outlet ?? v.document,
        text: v.text,
        change: v.change,
        url: doc?.url ?? null,
        published: doc?.published ?? null,
        origin: doc?.origin ?? 'bundled',
        read: doc?.read ?? null,
        consensus: v.text === group.consensus,
        own: false,
      };
    }),
  };
}

/** Which occurrence of its group each quote is, in page order (the `index` of a `reveal` request). */
export function occurrenceIndex(quotes: readonly QuoteMatch[]): number[] {
  const seen = new Map<string, number>();
  return quotes.map((q) => {
    const n = seen.get(q.group) ?? 0;
    seen.set(q.group, n + 1);
    return n;
  });
}

/** Lower-case, accents and typography folded: what search compares. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .toLowerCase();
}

/** Every query word must occur in the row's wordings, speaker, source or outlet names. */
export function matchesQuery(row: RowModel, query: string): boolean {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = searchKey(
    [row.reference, row.speaker, row.source, ...row.outlets.flatMap((o) => [o.text, o.outlet])].filter(Boolean).join(' \n '),
  );
  return words.every((w) => hay.includes(w));
}
