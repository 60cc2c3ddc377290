/**
 * Which document of a quote group is the original — the transcript or the interview itself — when the
 * corpus holds it: a document marked `primary` in the corpus metadata, else the document of the outlet the
 * group's source names ("Vanity Fair interview" → the corpus's Vanity Fair article), which is what outlets
 * attribute the quote to. Its wording then leads the comparison and every change is named against it.
 */
import type { QuoteGroup } from '../types';

export interface OriginalCandidate {
  id: string;
  outlet: string;
  primary?: boolean;
}

export interface OriginalChoice {
  document: string;
  /** Why it is the original, for the evidence line. */
  why: string;
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function originalOf(group: QuoteGroup, documents: ReadonlyMap<string, OriginalCandidate>): OriginalChoice | null {
  const inGroup = [...new Set(group.variants.map((v) => v.document))].map((id) => documents.get(id)).filter((d) => d !== undefined);
  const primary = inGroup.find((d) => d.primary === true);
  if (primary) return { document: primary.id, why: `the original: ${primary.outlet} is the primary source` };
  if (group.source) {
    const source = fold(group.source);
    const named = inGroup.find((d) => {
      const outlet = fold(d.outlet);
      return outlet.length >= 2 && (source === outlet || source.startsWith(`${outlet} `));
    });
    if (named) return { document: named.id, why: `the original: outlets attribute the quote to ${group.source}` };
  }
  return null;
}
